/**
 * The office's consolidated workbook, in the printed look of the unit forms: 汇总, 明细, one sheet per unit,
 * 重复与冲突, 未报送单位, 合并报告, the hidden `_lists` of long dropdowns and the very hidden `_meta` with every
 * row's provenance. It is never written when a reconciliation equation fails: figures that do not add up must not
 * reach the leaders.
 */
import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Consolidation } from '@shared/merge/types'
import '../export/nativeCrc'
import { formSheetOptions } from '../export/formBlock'
import { META_SHEET, metaRows } from '../export/meta'
import { rawRowsOf } from '../export/rawRows'
import { afterRow } from '../export/rowPause'
import { LIST_SHEET, ListSheet } from '../export/validation'
import { writeConflictSheet } from './conflictSheet'
import { consolidatedMeta } from './consolidatedMeta'
import { writeDetailSheets } from './detailSheets'
import { writeMissingSheet } from './missingSheet'
import type { OfficeOptions } from './officeSheet'
import { officeContext } from './officeSheet'
import { printedRows, rowsByUnit } from './printedRows'
import { writeReportSheet } from './reportSheet'
import { writeSummarySheet } from './summarySheet'

const SHEETS = {
  summary: '汇总',
  detail: '明细',
  conflicts: '重复与冲突',
  missing: '未报送单位',
  report: '合并报告'
} as const

/** Throws, in Chinese, listing every equation that does not hold. */
function assertReconciled(c: Consolidation): void {
  const failing = c.equations.filter((e) => !e.ok)
  if (failing.length === 0) return
  const lines = failing.map((e, i) => `${i + 1}. ${e.label}（左边 ${e.left}，右边 ${e.right}，差异 ${e.left - e.right}）`)
  throw new Error(`有 ${failing.length} 项核对不相符，不能生成汇总工作簿：\n${lines.join('\n')}\n请核实相关文件后重新汇总。`)
}

/** A unit's name as a sheet name: Excel forbids []:*?/\ and more than 31 characters. */
const sheetName = (unit: string): string => unit.replace(/[[\]:*?/\\]/g, '_').slice(0, 31)

/**
 * The style of every `_meta` cell. exceljs gives each new cell its own empty style object, and serialises it to
 * find its id unless it has seen that very object: one shared object saves that for every provenance cell.
 */
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({})

/** `_meta`: its first row through exceljs, which opens the sheet's data; the provenance rows after it as raw XML. */
async function writeMetaSheet(ws: ExcelJS.Worksheet, rows: readonly (string | number)[][]): Promise<void> {
  const [first = [], ...rest] = rows
  const head = ws.addRow(first)
  head.eachCell((cell) => (cell.style = PLAIN))
  head.commit()
  const raw = rawRowsOf(ws)
  if (!raw) throw new Error('the consolidated workbook must be streamed with shared strings')
  for (const [k, r] of rest.entries()) {
    raw.write(k + 2, r.map((value) => ({ value, style: PLAIN })))
    await afterRow(k)
  }
}

/**
 * The zip compresses one sheet at a time, in the chunks the sheet's stream hands it: one trip to the thread pool and
 * back per chunk, made only when the writing pauses. The unit sheets, written beside 明细, wait for it, and were
 * still being compressed 64 kB at a time a third of a second after the last row was written. In chunks of 512 kB
 * (256 kB to 1 MB measured alike), with zlib's output in chunks a quarter of that (one trip a chunk), the zip
 * keeps up. `bufSize` is that of exceljs 4.4's stream buffer.
 */
const ZIP_CHUNK = 512 * 1024

function inLargeChunks(ws: ExcelJS.Worksheet): ExcelJS.Worksheet {
  const stream = (ws as unknown as { stream?: { bufSize?: unknown } }).stream
  if (typeof stream?.bufSize === 'number') stream.bufSize = ZIP_CHUNK
  return ws
}

/** Collects what the streaming writer produces. */
function collector(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    }
  })
  return { sink, bytes: () => Buffer.concat(chunks) }
}

/**
 * Streams the workbook sheet by sheet, the long 明细 and unit sheets row by row, so memory stays flat however many
 * rows the units sent.
 */
export async function writeConsolidatedWorkbook(
  c: Consolidation,
  opt: OfficeOptions
): Promise<Buffer> {
  assertReconciled(c)
  const ctx = officeContext(opt)
  const rows = printedRows(c, opt.annex)
  const byUnit = rowsByUnit(c, opt.campaign, rows)
  const meta = consolidatedMeta(rows, ctx)

  const out = collector()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out.sink,
    useStyles: true,
    useSharedStrings: true,
    // Level 1 stays archiver's default.
    zip: { zlib: { chunkSize: ZIP_CHUNK / 4 } }
  })
  wb.creator = '散乱污台账'
  wb.lastModifiedBy = '散乱污台账'
  wb.created = opt.now
  wb.modified = opt.now
  const form = (name: string, repeatHeader = true): ExcelJS.Worksheet =>
    inLargeChunks(wb.addWorksheet(name, formSheetOptions(meta.checkCode, repeatHeader)))
  // Sheets are created first so their order is fixed: summary, detail, units, the office's lists, the hidden ones.
  const summary = form(SHEETS.summary)
  const detail = form(SHEETS.detail)
  const units = [...byUnit.keys()].map((unit) => [unit, form(sheetName(unit))] as const)
  const conflicts = form(SHEETS.conflicts)
  const missing = form(SHEETS.missing)
  const report = form(SHEETS.report, false)
  // Kept even when every list is short enough to be inline: a streamed workbook cannot drop a sheet.
  const lists = new ListSheet(wb.addWorksheet(LIST_SHEET, { state: 'hidden' }))
  const metaWs = inLargeChunks(wb.addWorksheet(META_SHEET, { state: 'veryHidden' }))

  writeSummarySheet(summary, c, byUnit, ctx)
  summary.commit()
  await writeDetailSheets(detail, units, c, rows, byUnit, ctx, lists)
  writeConflictSheet(conflicts, c.duplicateGroups, ctx)
  conflicts.commit()
  writeMissingSheet(missing, c.missingUnits, ctx)
  missing.commit()
  writeReportSheet(report, c, ctx, meta.checkCode)
  report.commit()
  lists.ws.commit()
  await writeMetaSheet(metaWs, metaRows(meta))
  metaWs.commit()
  await wb.commit()
  return out.bytes()
}
