/**
 * What a wide sheet costs (issue 15, finding 5): a 25 KB .xlsx whose 3,000 rows each hold one cell at column XFD,
 * read as `slw check` reads it, by the lean reader and by SheetJS (a CDATA section makes the lean reader hand the
 * file over), and a folder of 8 such files read as `slw merge` reads a folder. Each case runs in a process of its
 * own, so its peak resident set (process.resourceUsage, worker threads included) is its own.
 * Usage: tsx bench/wideSheet.ts [rows]   (default 3,000)
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultCampaign } from '@shared/campaign/campaign'
import { readAnnexWorkbook } from '../electron/services/import/readAnnexWorkbook'
import { readSubmissionFiles } from '../electron/services/merge/readSubmissionFiles'
import { farCellWorkbook } from '../test/fixtures/import/wideSheet'

const FOLDER_FILES = 8

interface Measured {
  ms: number
  maxRssKb: number
  outcome: string
}

type Case = 'lean' | 'sheetjs' | 'folder'

async function runCase(kind: Case, rows: number): Promise<Measured> {
  const bytes = farCellWorkbook(rows, { viaSheetJS: kind === 'sheetjs' })
  const started = performance.now()
  let outcome: string
  if (kind === 'folder') {
    const dir = await mkdtemp(join(tmpdir(), 'slw-wide-'))
    try {
      const paths = Array.from({ length: FOLDER_FILES }, (_, i) => join(dir, `宽表${i + 1}.xlsx`))
      await Promise.all(paths.map((p) => writeFile(p, bytes)))
      const read = await readSubmissionFiles(paths, defaultCampaign)
      outcome = `${read.filter((r) => r.ok).length}/${FOLDER_FILES} files read`
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  } else {
    const result = await readAnnexWorkbook(bytes, '宽表.xlsx', { annex: 'auto' })
    outcome = result.issues.map((i) => i.code).join(',')
  }
  return { ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS, outcome }
}

function child(kind: Case, rows: number): Measured {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', kind, String(rows)], {
    encoding: 'utf8'
  })
  if (r.status !== 0) throw new Error(`${kind} failed (${r.status}):\n${r.stderr.slice(-3000)}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as Measured
}

const [mode, kind, rowsArg] = process.argv.slice(2)
if (mode === 'child') {
  console.log(JSON.stringify(await runCase(kind as Case, Number(rowsArg))))
  process.exit(0)
}
const rows = Number(mode ?? 3_000)
const size = farCellWorkbook(rows).length
console.log(`wide sheet: ${rows.toLocaleString('en-US')} rows, one cell each at column XFD (${(size / 1024).toFixed(0)} KiB)`)
const labels: Record<Case, string> = {
  lean: 'one file, lean reader',
  sheetjs: 'one file, SheetJS',
  folder: `${FOLDER_FILES} files, read as slw merge reads`
}
for (const c of ['lean', 'sheetjs', 'folder'] as const) {
  const m = child(c, rows)
  const peak = `${(m.maxRssKb / 1024).toFixed(0)} MiB`
  console.log(`  ${labels[c].padEnd(36)} ${(m.ms / 1000).toFixed(2).padStart(7)} s   peak ${peak.padStart(9)}   ${m.outcome}`)
}
