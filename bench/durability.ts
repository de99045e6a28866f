/**
 * Kill loop (guides/reliability.md §3.5): a child saves a multi-megabyte ledger continuously and is SIGKILLed at a
 * random moment; the parent then recovers in-process and checks the invariants:
 *   - the recovered generation is at least the last acknowledged one (else: an acknowledged save was lost);
 *   - recovery neither threw nor came up empty while files existed (an "empty or corrupt start");
 *   - the recovered records are exactly those of the save that produced that generation.
 * Usage: tsx bench/durability.ts [kills]   (or DURABILITY_KILLS; default 1000). Exits 1 on any failure.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { defaultCampaign } from '@shared/campaign/campaign'
import { ledgerFile, ledgerPath, LedgerStore } from '../electron/services/storage/ledgerStore'
import { META_ID, recordsDigest } from './durabilityChild'
import { bundleForNode } from './bundleForNode'
import type { KilledRun } from './killLoop'
import { runKilled } from './killLoop'
import { sampleLedger } from './sampleLedger'

const UNIT = 't005'
const here = fileURLToPath(new URL('.', import.meta.url))

export interface DurabilityOptions {
  kills: number
  /** Records in the starting ledger; 3,000 make a payload of about 2.7 MB that grows as the loop saves. */
  records?: number
  /** Longest wait before the kill, counted from the child's first line. */
  maxDelayMs?: number
  log?: (line: string) => void
}

export interface DurabilityReport {
  kills: number
  saves: number
  lost: number
  emptyStarts: number
  mismatches: number
  medianSaveMs: number
  finalGeneration: number
  failures: string[]
  summary: string
}

interface ChildRun extends KilledRun {
  acks: number[]
  intents: Map<number, string>
  saveMs: number[]
}

/** Bundles the child once, so each kill costs a plain `node` start instead of a TypeScript loader start. */
const bundleChild = (outDir: string): Promise<string> =>
  bundleForNode(join(here, 'durabilityChild.ts'), join(outDir, 'durabilityChild.mjs'))

async function runChild(script: string, dataDir: string, maxDelayMs: number): Promise<ChildRun> {
  const run = { acks: [] as number[], intents: new Map<number, string>(), saveMs: [] as number[] }
  const ended = await runKilled(script, [dataDir, UNIT], maxDelayMs, ([what, a, b]) => {
    if (what === 'intent') run.intents.set(Number(a), b ?? '')
    if (what === 'ack') {
      run.acks.push(Number(a))
      run.saveMs.push(Number(b))
    }
  })
  return { ...run, ...ended }
}

export async function runDurability(opt: DurabilityOptions): Promise<DurabilityReport> {
  const log = opt.log ?? (() => undefined)
  const work = await mkdtemp(join(tmpdir(), 'slw-durability-'))
  const dataDir = join(work, 'data')
  const storeOpt = { appVersion: 'bench', campaign: defaultCampaign }
  const failures: string[] = []
  const saveMs: number[] = []
  let lost = 0
  let emptyStarts = 0
  let mismatches = 0
  try {
    const script = await bundleChild(work)
    const seed = sampleLedger(UNIT, '005', opt.records ?? 3000)
    await ledgerFile(ledgerPath(dataDir, UNIT), storeOpt).write(seed)
    const mb = async (): Promise<string> => ((await stat(ledgerPath(dataDir, UNIT))).size / 1024 / 1024).toFixed(1)
    const startMb = await mb()
    let acknowledged = 1
    const intents = new Map<number, string>()
    for (let k = 1; k <= opt.kills; k++) {
      const run = await runChild(script, dataDir, opt.maxDelayMs ?? 500)
      saveMs.push(...run.saveMs)
      for (const [g, d] of run.intents) intents.set(g, d)
      acknowledged = Math.max(acknowledged, ...run.acks)
      if (run.signal !== 'SIGKILL') failures.push(`kill ${k}: child ended by itself (code ${run.code}): ${run.stderr.trim().slice(0, 500)}`)

      let store: LedgerStore | undefined
      try {
        store = await LedgerStore.open(dataDir, UNIT, storeOpt)
      } catch (e) {
        emptyStarts++
        failures.push(`kill ${k}: recovery threw: ${String(e)}`)
        break // the folder is in a state we cannot continue from
      }
      const { generation, records } = store.view()
      await store.close()
      if (generation === 0 || records.length === 0) {
        emptyStarts++
        failures.push(`kill ${k}: recovery came up empty (generation ${generation}, ${records.length} records)`)
      }
      if (generation < acknowledged) {
        lost++
        failures.push(`kill ${k}: recovered generation ${generation} < acknowledged ${acknowledged}`)
      }
      if (generation > 1) {
        const meta = records.find((r) => r.id === META_ID)?.fields
        const digest = recordsDigest(records.map((r) => [r.id, r.fields]))
        const problem =
          meta?.['gen'] !== String(generation)
            ? `bench-meta says generation ${String(meta?.['gen'])}`
            : meta['digest'] !== digest
              ? 'records differ from the digest saved with them'
              : intents.get(generation) !== digest
                ? `records differ from what generation ${generation} was meant to hold`
                : ''
        if (problem) {
          mismatches++
          failures.push(`kill ${k}: generation ${generation}: ${problem}`)
        }
      }
      // Saves above the recovered generation never completed; the next child reuses those numbers.
      for (const g of intents.keys()) if (g > generation) intents.delete(g)
      acknowledged = Math.max(acknowledged, generation)
      if (k % 50 === 0) log(`  ${k}/${opt.kills} kills, generation ${generation}, ${saveMs.length} saves`)
    }
    const files = await readdir(join(dataDir, 'units', UNIT))
    const sorted = saveMs.slice().sort((a, b) => a - b)
    const medianSaveMs = sorted[Math.floor(sorted.length / 2)] ?? NaN
    const summary =
      `durability: ${opt.kills} kills, ${lost} acknowledged saves lost, ${emptyStarts} empty or corrupt starts, ` +
      `${mismatches} content mismatches, ${saveMs.length} saves, median save ${medianSaveMs.toFixed(0)} ms, ` +
      `${files.filter((f) => f.includes('.corrupt-')).length} unfinished temp files set aside, ledger ${startMb}→${await mb()} MB`
    return { kills: opt.kills, saves: saveMs.length, lost, emptyStarts, mismatches, medianSaveMs, finalGeneration: acknowledged, failures, summary }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const kills = Number(process.argv[2] ?? process.env['DURABILITY_KILLS'] ?? 1000)
  const t = performance.now()
  const r = await runDurability({ kills, log: console.log })
  for (const f of r.failures.slice(0, 20)) console.error(f)
  console.log(`${r.summary} (${((performance.now() - t) / 1000).toFixed(0)} s)`)
  process.exitCode = r.failures.length ? 1 : 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
