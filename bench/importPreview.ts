/**
 * Time to read and validate a submitted 附件2 (goal: under 1 s for 5,000 rows): preflight, parse in the worker,
 * header mapping, normalisation and every validation rule, as `slw check` and the import preview run them. The
 * workbook is generated from a seed and made to look typed by hand: bordered two-level header, full-width digits,
 * trailing spaces, text dates, hidden rows, a 合计 row. Usage: tsx bench/importPreview.ts [rows] [runs]
 */
import { pathToFileURL } from 'node:url'
import { readAnnexWorkbook } from '../electron/services/import/readAnnexWorkbook'
import type { CellInput } from '../test/fixtures/import/annex2Workbook'
import { annex2Xlsx, columnOf, FIRST_DATA_ROW, sampleRows } from '../test/fixtures/import/annex2Workbook'

export interface ImportPreviewTiming {
  bytes: number
  rows: number
  errors: number
  median: number
  max: number
}

const toFullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))

/** The habits of clerks who type a form by hand, applied to every n-th row. */
export function handTyped(rows: CellInput[][]): CellInput[][] {
  const phone = columnOf('phone')
  const name = columnOf('name')
  const deadline = columnOf('deadline')
  return rows.map((row, i) => {
    const r = row.slice()
    if (i % 7 === 3) r[phone] = toFullWidth(String(r[phone]))
    if (i % 11 === 5) r[name] = `${String(r[name])}  `
    const d = r[deadline]
    if (i % 13 === 8 && d instanceof Date) r[deadline] = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
    return r
  })
}

export async function measureImportPreview(rowCount: number, runs: number): Promise<ImportPreviewTiming> {
  const bytes = await annex2Xlsx({
    rows: handTyped(sampleRows(rowCount, 2024)),
    trailer: [['合计', null, null, rowCount]],
    hiddenRows: [FIRST_DATA_ROW + 10, FIRST_DATA_ROW + 11]
  })
  const times: number[] = []
  let last = await readAnnexWorkbook(bytes, 'bench.xlsx')
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    last = await readAnnexWorkbook(bytes, 'bench.xlsx')
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return {
    bytes: bytes.length,
    rows: last.rowCount,
    errors: last.issues.filter((i) => i.severity === 'error').length,
    median: times[Math.floor(times.length / 2)] ?? NaN,
    max: times[times.length - 1] ?? NaN
  }
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 5_000)
  const runs = Number(process.argv[3] ?? 5)
  const r = await measureImportPreview(rows, runs)
  const kb = Math.round(r.bytes / 1024)
  console.log(
    `import preview (${rows} rows, ${kb} KiB xlsx, ${runs} runs): ` +
      `median ${r.median.toFixed(0)} ms, max ${r.max.toFixed(0)} ms; ${r.rows} records, ${r.errors} errors (goal < 1000 ms)`
  )
  if (r.rows !== rows || r.errors !== 0) process.exitCode = 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
