/**
 * The process bench/durability.ts kills: opens one unit's ledger and saves small edits as fast as it can.
 *
 * Protocol on stdout (written synchronously to a pipe on POSIX, so a line is out before the next step starts):
 *   ready <generation>
 *   intent <generation> <digest>   before a save: the digest the saved records will have
 *   ack <generation> <ms>          after LedgerStore.save resolved (the acknowledged point)
 * Every save also upserts the record `bench-meta` with its own generation and digest, so a recovered ledger can be
 * checked against itself even when the intent line is missing.
 */
import { createHash } from 'node:crypto'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { LedgerStore } from '../electron/services/storage/ledgerStore'
import { prng, sampleFields } from './sampleLedger'

export const META_ID = 'bench-meta'

/** Digest of the records other than bench-meta, in ledger order. */
export function recordsDigest(records: Iterable<[string, RecordFields]>): string {
  const rows: [string, RecordFields][] = []
  for (const [id, fields] of records) if (id !== META_ID) rows.push([id, fields])
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex')
}

async function main(): Promise<void> {
  const [dataDir, unitId] = process.argv.slice(2)
  if (!dataDir || !unitId) throw new Error('usage: durabilityChild <dataDir> <unitId>')
  const out = (line: string): void => void process.stdout.write(`${line}\n`)
  const store = await LedgerStore.open(dataDir, unitId, { appVersion: 'bench', campaign: defaultCampaign })
  const mirror = new Map<string, RecordFields>(store.view().records.map((r) => [r.id, r.fields]))
  mirror.delete(META_ID)
  const rand = prng(process.pid)
  out(`ready ${store.generation}`)
  for (;;) {
    const gen = store.generation + 1
    const upserts: { id: string; fields: RecordFields }[] = []
    const deletes: string[] = []
    const ids = [...mirror.keys()]
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
      const id = ids[Math.floor(rand() * ids.length)] as string
      const fields = { ...mirror.get(id), remarks: `第${gen}次保存：已现场复核，整改进度${Math.floor(rand() * 100)}%` }
      mirror.set(id, fields)
      upserts.push({ id, fields })
    }
    if (rand() < 0.1) {
      const fields = sampleFields(rand)
      mirror.set(`n${gen}`, fields)
      upserts.push({ id: `n${gen}`, fields })
    }
    if (rand() < 0.05) {
      const id = ids[Math.floor(rand() * ids.length)] as string
      if (!upserts.some((u) => u.id === id)) {
        mirror.delete(id)
        deletes.push(id)
      }
    }
    const digest = recordsDigest(mirror)
    upserts.push({ id: META_ID, fields: { gen: String(gen), digest } })
    out(`intent ${gen} ${digest}`)
    const t = performance.now()
    const receipt = await store.save({ unitId, baseGeneration: gen - 1, changes: { upserts, deletes } }, '压测')
    out(`ack ${receipt.generation} ${(performance.now() - t).toFixed(1)}`)
  }
}

if (process.argv[1] && /durabilityChild\.(ts|mjs|js)$/.test(process.argv[1])) await main()
