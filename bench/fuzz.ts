/**
 * `npm run fuzz [-- <cases> [<seed>]]`: hostile files (bench/fuzzCases.ts) through exactly what `slw check` runs
 * (electron/cli/commands/check.ts, which reads with readAnnexFile). Every case must end in an outcome — exit 0, 1
 * or 2 — never an exception escaping (the CLI's exit 70), never a hang, and within bounded memory: the RSS (parser
 * threads included) is sampled while each case runs, and no check alone may take more than 600 MB; and an archive
 * crafted to be read two ways (issue 15) must be refused. Prints the counts, every failure with the recipe that
 * reproduces it, and the peak RSS. The CI test (test/electron/import/fuzz.test.ts) runs a few hundred.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import fc from 'fast-check'
import { run as check } from '../electron/cli/commands/check'
import { importLimits } from '../electron/services/import/limits'
import { PARSER_THREADS } from '../electron/services/import/parseInWorker'
import type { FuzzRecipe } from './fuzzCases'
import { buildCase, fuzzRecipe, loadSeeds } from './fuzzCases'

export interface FuzzOptions {
  cases: number
  seed?: number
  /**
   * Cases checked at once (1 by default). With one, the RSS sampled while a case runs is that check's alone; with
   * more, a case is charged with its neighbours' memory too, a stricter bound that runs faster.
   */
  lanes?: number
  log?: (line: string) => void
}

export interface FuzzFailure {
  index: number
  kind: 'exception' | 'hang' | 'exit' | 'memory' | 'accepted'
  detail: string
  recipe: FuzzRecipe
}

export interface FuzzReport {
  cases: number
  /** By exit code of `slw check`: 0 importable, 1 rows with errors, 2 file refused. */
  exits: Record<string, number>
  /** File-level refusals by issue code. */
  refusals: Record<string, number>
  failures: FuzzFailure[]
  /**
   * The highest RSS one check would take alone — the harness's RSS before the first case plus the most the process
   * grew (parser threads included) while that check ran — and that check.
   */
  peakRssMb: number
  peakCase: { index: number; file: string; recipe: FuzzRecipe } | null
  /** The whole run's RSS, which also holds what finished checks have not yet given back to the system. */
  processPeakRssMb: number
  seconds: number
}

/** A case that outlives its parse watchdog twice over is hung. */
const HANG_MS = 2 * importLimits.parseTimeoutMs + 10_000
const RSS_SAMPLE_MS = 20
/** The whole process, parser threads and the cases running beside included. */
export const MAX_RSS_MB = 600

const output = new AsyncLocalStorage<string[]>()
const MB = 1024 * 1024

export async function runFuzz(opt: FuzzOptions): Promise<FuzzReport> {
  const log = opt.log ?? (() => undefined)
  const seeds = await loadSeeds()
  const recipes = fc.sample(fuzzRecipe, { numRuns: opt.cases, seed: opt.seed ?? 15 })
  const dir = await mkdtemp(join(tmpdir(), 'slw-fuzz-'))
  const report: FuzzReport = { cases: 0, exits: {}, refusals: {}, failures: [], peakRssMb: 0, peakCase: null, processPeakRssMb: 0, seconds: 0 }
  const baseline = process.memoryUsage.rss()
  const running = new Map<number, { file: string; start: number; peak: number }>()
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss()
    for (const c of running.values()) c.peak = Math.max(c.peak, rss)
  }, RSS_SAMPLE_MS)
  // `slw check --json` prints one JSON object; each case's goes to its own sink, whatever runs beside it.
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const sink = output.getStore()
    if (!sink) return write(chunk, ...rest)
    sink.push(String(chunk))
    return true
  }) as typeof process.stdout.write
  const started = performance.now()

  async function runCase(index: number): Promise<void> {
    const recipe = recipes[index]
    const { name, bytes, ambiguous } = buildCase(seeds, recipe)
    const file = join(dir, `case-${index}${extname(name)}`)
    await writeFile(file, bytes)
    const sink: string[] = []
    const start = process.memoryUsage.rss()
    const slot = { file: name, start, peak: start }
    running.set(index, slot)
    const fail = (kind: FuzzFailure['kind'], detail: string): void => {
      report.failures.push({ index, kind, detail, recipe })
      log(`FAIL case ${index} (${kind}): ${detail}`)
    }
    let timer: NodeJS.Timeout | undefined
    const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), HANG_MS)))
    try {
      const exit = await Promise.race([output.run(sink, () => check([file, '--json'])), hang])
      if (exit === 'hang') fail('hang', `no outcome after ${HANG_MS / 1000} s`)
      else {
        report.exits[exit] = (report.exits[exit] ?? 0) + 1
        if (exit !== 0 && exit !== 1 && exit !== 2) fail('exit', `exit ${exit}`)
        const json = JSON.parse(sink.join('')) as { issues: { code: string }[] }
        if (exit === 2) report.refusals[json.issues[0].code] = (report.refusals[json.issues[0].code] ?? 0) + 1
        if (exit !== 2 && ambiguous) fail('accepted', `an archive crafted to be read two ways was not refused (exit ${exit})`)
      }
    } catch (e) {
      fail('exception', e instanceof Error ? (e.stack ?? e.message) : String(e))
    } finally {
      clearTimeout(timer)
      running.delete(index)
      report.cases++
      // A check alone costs the harness's RSS before the first case plus what the check itself added; what a heavy
      // check before it has not yet given back to the system is not its cost.
      const alone = Math.round((baseline + Math.max(0, slot.peak - slot.start)) / MB)
      if (alone > MAX_RSS_MB) fail('memory', `about ${alone} MB alone (the process reached ${Math.round(slot.peak / MB)} MB)`)
      report.processPeakRssMb = Math.max(report.processPeakRssMb, Math.round(slot.peak / MB))
      if (alone > report.peakRssMb) {
        report.peakRssMb = alone
        report.peakCase = { index, file: name, recipe }
      }
      await rm(file, { force: true })
    }
  }

  try {
    let next = 0
    const lane = async (): Promise<void> => {
      while (next < recipes.length) {
        const index = next++
        await runCase(index)
        if (report.cases % 500 === 0) {
          const s = ((performance.now() - started) / 1000).toFixed(0)
          log(`${report.cases}/${recipes.length} cases, ${s} s, peak RSS ${report.peakRssMb} MB, ${report.failures.length} failures`)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(opt.lanes ?? 1, PARSER_THREADS) }, lane))
  } finally {
    clearInterval(sampler)
    process.stdout.write = write
    await rm(dir, { recursive: true, force: true })
  }
  report.seconds = Math.round((performance.now() - started) / 1000)
  return report
}

async function main(): Promise<void> {
  const cases = Number(process.argv[2] ?? 10_000)
  const seed = Number(process.argv[3] ?? 15)
  const r = await runFuzz({ cases, seed, log: (line) => console.error(line) })
  console.log(`cases: ${r.cases} in ${r.seconds} s (seed ${seed})`)
  console.log(`exits: ${JSON.stringify(r.exits)}`)
  console.log(`refused: ${JSON.stringify(r.refusals)}`)
  console.log(`failures: ${r.failures.length} (exceptions ${r.failures.filter((f) => f.kind === 'exception').length}, hangs ${r.failures.filter((f) => f.kind === 'hang').length})`)
  for (const f of r.failures.slice(0, 20)) console.log(`  case ${f.index} ${f.kind}: ${f.detail.split('\n')[0]}\n    ${JSON.stringify(f.recipe)}`)
  console.log(`peak RSS of any check alone: ${r.peakRssMb} MB (case ${r.peakCase?.index}, ${r.peakCase?.file}: ${JSON.stringify(r.peakCase?.recipe)})`)
  console.log(`peak RSS of the whole run: ${r.processPeakRssMb} MB`)
  process.exitCode = r.failures.length > 0 ? 1 : 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
