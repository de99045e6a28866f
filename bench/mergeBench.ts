/**
 * The office's merge (issue 4) against two yardsticks on the same generated folder: a bare SheetJS floor that reads
 * every file and writes their rows into one sheet, and pandas + openpyxl concatenating them. Each contender runs in
 * a process of its own (mergeChild.ts, mergePandas.py), one after the other (two cores: never side by side), and
 * reports the time of its work after start-up; peak memory is the process's maximum resident set, from GNU time
 * when installed (apt package `time`), else from the process itself.
 *   A: 25 units × 2,000 rows, all three contenders, each the median of `runs`; goals: ours ≤ 0.75 × floor,
 *      pandas ≥ 4 × ours
 *   B: 100 files × 5,000 rows (each unit's four weekly versions), ours; goal: peak memory under 1.5 GiB
 * Ours is `slw merge` bundled as the app is built (mergeBundle.ts). The folders are generated first
 * (mergeSubmissions.ts, not timed) and deleted at the end.
 * Usage: tsx bench/mergeBench.ts [runs]   (default 3)
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleMerge } from './mergeBundle'
import type { MergeSetSpec } from './mergeSubmissions'
import { writeMergeSet } from './mergeSubmissions'

interface Measured {
  ms: number
  maxRssKb: number
  phases?: Record<string, number>
}

const SEED = 2024
const CHILD = join(import.meta.dirname, 'mergeChild.ts')
const PANDAS = join(import.meta.dirname, 'mergePandas.py')
const GIB = 1024 * 1024 * 1024
/** Ours is the merge command bundled as the app is built (mergeBundle.ts). */
const OURS = 'ours: slw merge, bundled, in-process'

/** GNU time, whose -v report names the maximum resident set; busybox's has no -v. */
const gnuTime = ((): string | null => {
  const path = '/usr/bin/time'
  if (!existsSync(path)) return null
  return spawnSync(path, ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident') ? path : null
})()

/** Debian's python3 (python3-pandas, python3-openpyxl) first, then whatever python3 is on the PATH. */
const python = ['/usr/bin/python3', 'python3'].find(
  (py) => spawnSync(py, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' }).status === 0
)

function measure(command: string, args: string[]): Measured {
  const [cmd, argv] = gnuTime ? [gnuTime, ['-v', command, ...args]] : [command, args]
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-3000)}`)
  const measured = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as Measured
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)
  return rss ? { ...measured, maxRssKb: Number(rss[1]) } : measured
}

const node = (mode: string, ...args: string[]): Measured =>
  measure(process.execPath, ['--import', 'tsx', CHILD, mode, ...args])

function median(runs: readonly Measured[]): Measured {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms)
  const mid = sorted[Math.floor(sorted.length / 2)] as Measured
  return { ...mid, maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)) }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`
const count = (n: number): string => n.toLocaleString('en-US')
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met')

function line(label: string, m: Measured): string {
  const phases = m.phases
    ? `   (read, validate, consolidate ${seconds(m.phases['read'] ?? NaN)}; report and workbook ` +
      `${seconds(m.phases['write'] ?? NaN)}; save ${seconds(m.phases['save'] ?? NaN)})`
    : ''
  return `  ${label.padEnd(40)} ${seconds(m.ms).padStart(9)}   peak ${mib(m.maxRssKb * 1024).padStart(9)}${phases}`
}

async function generate(dir: string, spec: MergeSetSpec): Promise<string> {
  await mkdir(dir)
  const started = performance.now()
  const files = await writeMergeSet(dir, spec)
  const bytes = (await Promise.all(files.map(async (f) => (await stat(f)).size))).reduce((a, b) => a + b, 0)
  const generated = seconds(performance.now() - started)
  const total = `${count(files.length * spec.rows)} rows, ${mib(bytes)} of .xlsx`
  return `${files.length} files × ${count(spec.rows)} rows (${total}, generated in ${generated})`
}

interface Expected {
  files: number
  used: number
  rows: number
}

/** What the merge produced, from its report; false when it is not what the folder holds. */
async function checkMerge(report: string, workbook: string, expected: Expected): Promise<boolean> {
  const r = JSON.parse(await readFile(report, 'utf8')) as {
    submissions: { status: string; accepted: number }[]
    duplicateGroups: unknown[]
    equations: { ok: boolean }[]
  }
  const used = r.submissions.filter((s) => s.status === 'accepted')
  const superseded = r.submissions.filter((s) => s.status === 'superseded').length
  const consolidated = used.reduce((n, s) => n + s.accepted, 0)
  const holding = r.equations.filter((e) => e.ok).length
  console.log(
    `  ours: ${used.length} files used, ${superseded} superseded, ${count(consolidated)} rows consolidated, ` +
      `${r.duplicateGroups.length} duplicate groups, ${holding}/${r.equations.length} equations hold; ` +
      `workbook ${mib((await stat(workbook)).size)}`
  )
  const complete = holding === r.equations.length && consolidated === expected.rows
  return complete && r.submissions.length === expected.files && used.length === expected.used
}

async function scenarioA(root: string, runs: number, merge: string): Promise<boolean> {
  const dir = join(root, 'a')
  const spec = { rows: 2_000, rounds: 1, seed: SEED }
  console.log(`\nA: ${await generate(dir, spec)}`)
  const out = (name: string): string => join(root, name)
  const floorRuns: Measured[] = []
  const oursRuns: Measured[] = []
  const pandasRuns: Measured[] = []
  // Interleaved, so that the machine getting slower or faster during the bench moves all three alike.
  for (let i = 0; i < runs; i++) {
    floorRuns.push(node('floor', dir, out('floor.xlsx')))
    oursRuns.push(node('ours', merge, dir, out('ours-a.xlsx'), out('ours-a.json')))
    if (python) pandasRuns.push(measure(python, [PANDAS, dir, out('pandas.xlsx')]))
  }
  const [floor, ours] = [median(floorRuns), median(oursRuns)]
  const pandas = python ? median(pandasRuns) : null
  console.log(`  time: median of ${runs} runs each, start-up excluded; peak: highest of the runs`)
  console.log(line('SheetJS floor (read all, write one sheet)', floor))
  console.log(line(OURS, ours))
  console.log(pandas ? line('pandas + openpyxl concat', pandas) : '  pandas: not measured (no python3 with pandas)')
  const expected = { files: 25, used: 25, rows: 25 * spec.rows }
  const ok = await checkMerge(out('ours-a.json'), out('ours-a.xlsx'), expected)
  const ratio = ours.ms / floor.ms
  console.log(`  ours / floor  = ${ratio.toFixed(2)}   (goal ≤ 0.75): ${verdict(ratio <= 0.75)}`)
  if (pandas) {
    const faster = pandas.ms / ours.ms
    console.log(`  pandas / ours = ${faster.toFixed(2)}×  (goal ≥ 4×): ${verdict(faster >= 4)}`)
  }
  return ok
}

async function scenarioB(root: string, merge: string): Promise<boolean> {
  const dir = join(root, 'b')
  const spec = { rows: 5_000, rounds: 4, seed: SEED }
  console.log(`\nB: ${await generate(dir, spec)}; 25 units, each with 4 weekly versions`)
  const ours = node('ours', merge, dir, join(root, 'ours-b.xlsx'), join(root, 'ours-b.json'))
  console.log(line(OURS, ours))
  const expected = { files: 100, used: 25, rows: 25 * spec.rows }
  const ok = await checkMerge(join(root, 'ours-b.json'), join(root, 'ours-b.xlsx'), expected)
  const peak = ours.maxRssKb * 1024
  console.log(`  peak ${(peak / GIB).toFixed(2)} GiB (goal < 1.5 GiB): ${verdict(peak < 1.5 * GIB)}`)
  return ok
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3)
  const memory = gnuTime ? 'GNU time -v' : 'process.resourceUsage / getrusage (no GNU time: apt-get install time)'
  console.log(`merge benchmark, seed ${SEED}; peak memory from ${memory}; pandas from ${python ?? '(none)'}`)
  const root = await mkdtemp(join(tmpdir(), 'slw-merge-bench-'))
  try {
    const merge = await bundleMerge()
    const ok = [await scenarioA(root, runs, merge), await scenarioB(root, merge)]
    if (ok.includes(false)) {
      console.log('the merge did not give the expected result')
      process.exitCode = 1
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

await main()
