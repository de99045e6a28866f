import { TOTAL_ROW_LABEL } from '@shared/annexes/headers'
import type { HeaderLayout } from './findHeader'
import type { CellRange, RawCell } from './rawWorkbook'
import { cellText } from './cellText'

/**
 * Picks the record rows under the header (fixtures README "Records"): the table ends at a footer (填表说明,
 * 分管领导, 审核人, 注：…); 合计/总计/共计 rows, blank rows and rows holding only a pre-printed 序号 are no records.
 * Merged ranges in the data area are filled into every cell they cover, because a clerk who merges 乡镇 over eight
 * rows means all eight.
 */

export interface RecordRow {
  /** 0-based sheet row. */
  r: number
  cells: readonly (RawCell | null)[]
  hidden: boolean
}

export interface RecordRows {
  rows: RecordRow[]
  /** Merged ranges that cover at least one record, each with the value it was filled with. */
  merges: { range: CellRange; value: RawCell | null }[]
  /** Rows looked at but not records (blank, 合计, template rows with only 序号), counted for the merge report. */
  skipped: number
}

const FOOTER = /^(填表说明|填报说明|分管领导|单位负责人|审核人|制表人|填报人:|注:|说明:)/

/** Whether a cell holds anything: text other than spaces, any number, date or boolean, or a formula. */
function isWritten(cell: RawCell | null | undefined): boolean {
  if (!cell) return false
  return cell.t === 'z' || (typeof cell.v === 'string' ? cell.v.trim() !== '' : cell.v !== null)
}

/** One number per cell; a sheet has at most 16,384 columns. */
const key = (r: number, c: number): number => r * 16_384 + c

export function recordRows(layout: HeaderLayout, date1904: boolean): RecordRows {
  const { sheet, dataStart } = layout
  const seqColumns = new Set(layout.bound.filter((b) => b.column.kind === 'seq').map((b) => b.index))
  const dataMerges = sheet.merges.filter((m) => m.s.r >= dataStart)
  const filled = new Map<number, RawCell | null>()
  for (const m of dataMerges) {
    const value = sheet.rows[m.s.r]?.[m.s.c] ?? null
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) filled.set(key(r, c), value)
  }
  const hiddenRows = new Set(sheet.hiddenRows)
  const boundWidth = Math.max(0, ...layout.bound.map((b) => b.index + 1))
  const rows: RecordRow[] = []
  let skipped = 0
  for (let r = dataStart; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? []
    const written: number[] = []
    raw.forEach((cell, c) => {
      if (isWritten(cell)) written.push(c)
    })
    const first = written.length ? cellText(raw[written[0]], date1904).normalize('NFKC').replace(/\s+/g, '') : ''
    if (FOOTER.test(first)) break
    if (written.length === 0 || TOTAL_ROW_LABEL.test(first) || written.every((c) => seqColumns.has(c))) {
      skipped++
      continue
    }
    const width = Math.max(raw.length, boundWidth)
    // Without merged cells in the data (nearly always) the row is used as read.
    const cells =
      filled.size === 0 && raw.length === width ? raw : Array.from({ length: width }, (_, c) => filled.get(key(r, c)) ?? raw[c] ?? null)
    rows.push({ r, cells, hidden: hiddenRows.has(r) })
  }
  const recordSet = new Set(rows.map((row) => row.r))
  const coversRecord = (m: CellRange): boolean => {
    for (let r = m.s.r; r <= m.e.r; r++) if (recordSet.has(r)) return true
    return false
  }
  const merges = dataMerges
    .filter(coversRecord)
    .map((range) => ({ range, value: filled.get(key(range.s.r, range.s.c)) ?? null }))
  return { rows, merges, skipped }
}
