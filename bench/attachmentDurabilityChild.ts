/**
 * The process bench/attachmentDurability.ts kills: opens one unit's evidence and attaches photos as fast as it can,
 * now and then taking one out of use and back.
 *
 * Protocol on stdout (written synchronously to a pipe on POSIX):
 *   ready <attachments>
 *   ack <sha256> <ms>     after AttachmentStore.add resolved (the acknowledged point)
 *   mark <id> <移除|恢复>  after AttachmentStore.mark resolved
 */
import { createHash } from 'node:crypto'
import { attachmentId } from '@shared/evidence/attachments'
import { AttachmentStore } from '../electron/services/storage/attachmentStore'
import { prng } from './sampleLedger'

/** A "photo" of 20 kB to 2 MB: a JPEG start, then bytes of its own, so each has its own sha256. */
export function photoBytes(rand: () => number, n: number): Buffer {
  const size = 20_000 + Math.floor(rand() * 2_000_000)
  const bytes = Buffer.alloc(size)
  const seed = createHash('sha256').update(`${process.pid}:${n}`).digest()
  for (let i = 0; i < size; i += seed.length) seed.copy(bytes, i)
  bytes.writeUInt32BE(n, 8)
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0)
  return bytes
}

async function main(): Promise<void> {
  const [dataDir, unitId] = process.argv.slice(2)
  if (!dataDir || !unitId) throw new Error('usage: attachmentDurabilityChild <dataDir> <unitId>')
  const out = (line: string): void => void process.stdout.write(`${line}\n`)
  const store = await AttachmentStore.open(dataDir, unitId, { appVersion: 'bench' })
  const rand = prng(process.pid)
  out(`ready ${store.all.length}`)
  for (let n = 0; ; n++) {
    const t = performance.now()
    const added = await store.add({ recordId: `r${n % 7}`, slot: '整改后', name: `IMG_${n}.jpg`, bytes: photoBytes(rand, n) }, '压测')
    out(`ack ${added.sha256} ${(performance.now() - t).toFixed(1)}`)
    if (rand() < 0.2) {
      const what = rand() < 0.5 ? '移除' : '恢复'
      const marked = await store.mark(attachmentId(added), what, '压测')
      out(`mark ${attachmentId(marked)} ${what}`)
    }
  }
}

if (process.argv[1] && /attachmentDurabilityChild\.(ts|mjs|js)$/.test(process.argv[1])) await main()
