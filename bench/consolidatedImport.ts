/**
 * Our own consolidation read back as input (issue 15, finding 7: a county's roll-up of its prefecture's output):
 * 25 units × 4,000 附件2 rows are merged by `slw merge` into one workbook of 100,000 rows, which is then read as
 * `slw check` / the import preview read it, with the default limits (limits.ts). Prints what the workbook holds
 * (bytes on disk, inflated, cells) against the caps, and the time and peak resident set of reading it, in a
 * process of its own (worker thread included). The folder is generated first (not timed) and deleted at the end.
 * Usage: tsx bench/consolidatedImport.ts [rows per unit]   (default 4,000)
 */
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run as merge } from '../electron/cli/commands/merge'
import { importLimits } from '../electron/services/import/limits'
import { readAnnexWorkbook } from '../electron/services/import/readAnnexWorkbook'
import { readXlsx } from '../electron/services/import/xlsxReader.mjs'
import { isDateStyle } from '../electron/services/import/sheetjsReader.mjs'
import { scanZip } from '../electron/services/import/zipScan.mjs'
import { writeMergeSet } from './mergeSubmissions'

const MiB = 1024 * 1024
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(0)} MiB`
const count = (n: number): string => n.toLocaleString('en-US')

interface Reading {
  ms: number
  maxRssKb: number
  rows: number
  errors: string[]
}

/** The child: reads the workbook as the import preview does. */
async function readBack(path: string): Promise<Reading> {
  const bytes = await readFile(path)
  const started = performance.now()
  const result = await readAnnexWorkbook(bytes, '附件2-汇总.xlsx')
  const errors = result.issues.filter((i) => i.severity === 'error').map((i) => i.message)
  return { ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS, rows: result.rowCount, errors }
}

/** What the caps see: the largest entry, all entries, and the cells the readers keep. */
async function contents(path: string): Promise<{ entry: number; total: number; cells: number; sheetRows: number }> {
  const unlimited = { ...importLimits, maxEntryInflatedBytes: 2 ** 31, maxTotalInflatedBytes: 2 ** 32, maxRatio: 1e6 }
  const scan = scanZip(await readFile(path), unlimited)
  if (!scan.ok) throw new Error(scan.detail)
  const sizes = [...scan.inflated.values()].map((b) => b.length)
  const read = readXlsx(scan.inflated, { ...unlimited, maxRows: 1e7, maxCells: 1e9 }, isDateStyle)
  if (!read?.ok) throw new Error('not read by the lean reader')
  let cells = 0
  let sheetRows = 0
  for (const sheet of read.workbook.sheets) {
    let rows = 0
    sheet.rows.forEach((row) => {
      rows++
      for (const cell of row) if (cell) cells++
    })
    sheetRows = Math.max(sheetRows, rows)
  }
  return { entry: Math.max(...sizes), total: sizes.reduce((a, b) => a + b, 0), cells, sheetRows }
}

async function main(perUnit: number): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'slw-rollup-bench-'))
  try {
    const dir = join(root, 'units')
    await mkdir(dir)
    const files = await writeMergeSet(dir, { rows: perUnit, rounds: 1, seed: 2024 })
    const out = join(root, '附件2-汇总.xlsx')
    const merged = performance.now()
    if ((await merge([dir, '--out', out])) !== 0) throw new Error('slw merge failed')
    const mergeMs = performance.now() - merged
    const size = (await stat(out)).size
    const c = await contents(out)
    const limits = importLimits
    console.log(`\nconsolidation of ${files.length} units × ${count(perUnit)} rows (slw merge ${(mergeMs / 1000).toFixed(1)} s):`)
    console.log(`  on disk      ${mib(size).padStart(8)}   cap ${mib(limits.maxFileBytes)} (was 20 MiB)`)
    console.log(`  inflated     ${mib(c.total).padStart(8)}   cap ${mib(limits.maxTotalInflatedBytes)}; largest entry ${mib(c.entry)}, cap ${mib(limits.maxEntryInflatedBytes)}`)
    console.log(`  cells kept   ${count(c.cells).padStart(10)}   cap ${count(limits.maxCells)}`)
    console.log(`  longest sheet ${count(c.sheetRows)} rows   cap ${count(limits.maxConsolidatedRows)} (a unit's file ${count(limits.maxRows)})`)
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'read', out], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`reading back failed:\n${r.stderr.slice(-3000)}`)
    const reading = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as Reading
    const ok = reading.errors.length === 0 && reading.rows === files.length * perUnit
    console.log(
      `  read back    ${(reading.ms / 1000).toFixed(1)} s, peak ${mib(reading.maxRssKb * 1024)}, ${count(reading.rows)} rows: ` +
        (ok ? 'all read' : `NOT read: ${reading.errors.join(' / ').slice(0, 400)}`)
    )
    if (!ok) process.exitCode = 1
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

const [mode, arg] = process.argv.slice(2)
if (mode === 'read') {
  console.log(JSON.stringify(await readBack(arg as string)))
  process.exit(0)
}
await main(Number(mode ?? 4_000))
