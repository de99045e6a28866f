/**
 * Kill loop for evidence (issue 21): a child attaches photos of up to 2 MB continuously and is SIGKILLed at a random
 * moment; the parent then opens the unit's evidence in-process and checks:
 *   - every acknowledged attachment is in the index (none lost), with its last acknowledged 移除/恢复;
 *   - every file the index names is there whole (its sha256 is its content): no half file referenced;
 *   - opening neither threw nor came up empty once something was acknowledged.
 * Usage: tsx bench/attachmentDurability.ts [kills]   (default 300). Exits 1 on any failure.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { attachmentId, isRemoved } from '@shared/evidence/attachments'
import { AttachmentStore } from '../electron/services/storage/attachmentStore'
import { bundleForNode } from './bundleForNode'
import type { KilledRun } from './killLoop'
import { runKilled } from './killLoop'

const UNIT = 't005'
const here = fileURLToPath(new URL('.', import.meta.url))

export interface AttachmentDurabilityReport {
  kills: number
  acknowledged: number
  lost: number
  broken: number
  emptyStarts: number
  failures: string[]
  summary: string
}

interface ChildRun extends KilledRun {
  acks: string[]
  marks: [string, string][]
}

async function runChild(script: string, dataDir: string, maxDelayMs: number): Promise<ChildRun> {
  const run = { acks: [] as string[], marks: [] as [string, string][] }
  const ended = await runKilled(script, [dataDir, UNIT], maxDelayMs, ([what, a, b]) => {
    if (what === 'ack' && a) run.acks.push(a)
    if (what === 'mark' && a && b) run.marks.push([a, b])
  })
  return { ...run, ...ended }
}

export async function runAttachmentDurability(opt: { kills: number; maxDelayMs?: number; log?: (line: string) => void }): Promise<AttachmentDurabilityReport> {
  const log = opt.log ?? (() => undefined)
  const work = await mkdtemp(join(tmpdir(), 'slw-evidence-durability-'))
  const dataDir = join(work, 'data')
  const failures: string[] = []
  const acked = new Set<string>()
  const removed = new Map<string, boolean>()
  let [lost, broken, emptyStarts] = [0, 0, 0]
  try {
    const script = await bundleForNode(join(here, 'attachmentDurabilityChild.ts'), join(work, 'attachmentDurabilityChild.mjs'))
    for (let k = 1; k <= opt.kills; k++) {
      const run = await runChild(script, dataDir, opt.maxDelayMs ?? 400)
      for (const sha of run.acks) acked.add(sha)
      for (const [id, what] of run.marks) removed.set(id, what === '移除')
      if (run.signal !== 'SIGKILL') failures.push(`kill ${k}: child ended by itself (code ${run.code}): ${run.stderr.trim().slice(0, 500)}`)
      let store: AttachmentStore
      try {
        store = await AttachmentStore.open(dataDir, UNIT, { appVersion: 'bench' })
      } catch (e) {
        emptyStarts++
        failures.push(`kill ${k}: opening threw: ${String(e)}`)
        break
      }
      try {
        const all = store.all
        if (acked.size > 0 && all.length === 0) {
          emptyStarts++
          failures.push(`kill ${k}: the evidence came up empty after ${acked.size} acknowledged`)
        }
        const inIndex = new Set(all.map((a) => a.sha256))
        for (const sha of acked) {
          if (inIndex.has(sha)) continue
          lost++
          failures.push(`kill ${k}: acknowledged ${sha.slice(0, 12)} is not in the index`)
        }
        for (const a of all) {
          const bytes = await readFile(join(dataDir, 'units', UNIT, 'attachments', 'files', a.sha256)).catch(() => null)
          if (!bytes || createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
            broken++
            failures.push(`kill ${k}: ${a.sha256.slice(0, 12)} is referenced but its file is ${bytes ? 'not whole' : 'missing'}`)
          }
          const want = removed.get(attachmentId(a))
          if (want !== undefined && want !== isRemoved(a)) failures.push(`kill ${k}: ${a.name} is ${isRemoved(a) ? '移除' : '在用'}, acknowledged the other way`)
        }
      } finally {
        await store.close()
      }
      if (k % 50 === 0) log(`  ${k}/${opt.kills} kills, ${acked.size} attachments acknowledged`)
    }
    const dir = join(dataDir, 'units', UNIT, 'attachments', 'files')
    const temps = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.tmp')).length
    const summary =
      `evidence durability: ${opt.kills} kills, ${acked.size} attachments acknowledged, ${lost} lost, ` +
      `${broken} referenced files missing or not whole, ${emptyStarts} empty or failed starts, ${temps} unfinished temp files left unreferenced`
    return { kills: opt.kills, acknowledged: acked.size, lost, broken, emptyStarts, failures, summary }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const kills = Number(process.argv[2] ?? 300)
  const r = await runAttachmentDurability({ kills, log: console.log })
  for (const f of r.failures.slice(0, 20)) console.error(f)
  console.log(r.summary)
  process.exitCode = r.failures.length ? 1 : 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
