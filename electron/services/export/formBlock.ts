/**
 * The parts every printed annex sheet shares (annexes.md §0): label, title and 填报单位 line in rows 1–3, the
 * two-level header in rows 4–5, the signature and 填表说明 lines under the table, and A4 landscape print setup.
 */
import type { AddWorksheetOptions, Cell, CellValue, Fill, Font, Style, Worksheet } from 'exceljs'
import { cnDate } from '@shared/domain/dates'
import { align, BORDER, FONTS, FOOTER_FONT, HEADER_FILL, lineCount, rowHeight } from './style'

const HEADER_TOP = 4
const HEADER_ROWS = '4:5'
export const FIRST_DATA_ROW = 6

/** One printed column: leaf header, optional parent header, width in characters. */
export interface LeafColumn {
  header: string
  group?: string
  width: number
}

/** Who fills in the form, as printed in row 3 and the signature line. */
export interface FormHeader {
  unitName: string
  filler: string
  phone: string
  /** ISO date, or '' to leave 年 月 日 blank for handwriting. */
  filledDate: string
  /** 填报日期 unless said otherwise (the office's consolidation prints 汇总日期). */
  dateLabel?: string
  /** A draft: records still have required fields blank; the title says it is not to be sent (DRAFT_MARK). */
  draft?: boolean
}

/** Printed after the title of a draft, so that nobody seals and sends it. */
export const DRAFT_MARK = '（草稿：有记录未填完，不得报送）'

const BLANK = '＿＿＿＿'
const GAP = '　　'

export function infoLine(h: FormHeader, year: number): string {
  const date = h.filledDate ? cnDate(h.filledDate) : `${year}年　　月　　日`
  const parts = [`填报单位（盖章）：${h.unitName || BLANK}`, `填报人：${h.filler || BLANK}`, `联系电话：${h.phone || BLANK}`]
  return [...parts, `${h.dateLabel ?? '填报日期'}：${date}`].join(GAP)
}

export function signatureLine(filler: string): string {
  return [`分管领导（签字）：${BLANK}`, `审核人：${BLANK}`, `填报人：${filler || BLANK}`].join(GAP)
}

/**
 * A4 landscape, one page wide, page numbers and the 校验码 in the footer; the header rows frozen and repeated on
 * every page unless the sheet has no single header (a report of several tables).
 */
export function formSheetOptions(checkCode: string, repeatHeader = true): Partial<AddWorksheetOptions> {
  return {
    views: [{ ...(repeatHeader ? { state: 'frozen', ySplit: FIRST_DATA_ROW - 1 } : {}), showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(repeatHeader ? { printTitlesRow: HEADER_ROWS } : {})
    },
    headerFooter: {
      oddFooter: `&C${FOOTER_FONT}第 &P 页 共 &N 页&R${FOOTER_FONT}校验码：${checkCode}`
    }
  }
}

export interface CellStyle {
  font: Partial<Font>
  horizontal: 'left' | 'center'
  numFmt?: string
  /** Table cells are bordered; the lines around the table are not. */
  border?: boolean
  fill?: Fill
}

/**
 * One frozen style object per look, shared by every cell that has it: exceljs then finds a cell's style id by
 * object identity instead of serialising each cell's style, which takes most of the time of a long sheet. Cells
 * are restyled only through putCell (assigning cell.font would change every cell of that look).
 */
const styles = new Map<string, Partial<Style>>()
const ids = new WeakMap<object, number>()
let lastId = 0
function idOf(o: object | undefined): number {
  if (!o) return 0
  let id = ids.get(o)
  if (id === undefined) ids.set(o, (id = ++lastId))
  return id
}

/** A look used again (a table's column looks, BODY) finds its style without building its key; looks never change. */
const byLook = new WeakMap<CellStyle, Partial<Style>>()

/** The one frozen exceljs style of a look: cells of the same look share it, so exceljs finds its id at once. */
export function sharedStyle(s: CellStyle): Partial<Style> {
  const known = byLook.get(s)
  if (known) return known
  const key = `${idOf(s.font)}|${s.horizontal}|${s.numFmt ?? ''}|${s.border ? 1 : 0}|${idOf(s.fill)}`
  let style = styles.get(key)
  if (!style) {
    style = Object.freeze({
      font: s.font,
      alignment: align(s.horizontal),
      ...(s.numFmt ? { numFmt: s.numFmt } : {}),
      ...(s.border ? { border: BORDER } : {}),
      ...(s.fill ? { fill: s.fill } : {})
    })
    styles.set(key, style)
  }
  byLook.set(s, style)
  return style
}

export function putCell(cell: Cell, value: CellValue, s: CellStyle): void {
  cell.value = value
  cell.style = sharedStyle(s)
}

/** A line of text merged across the whole width of the table. */
export function putLine(
  ws: Worksheet,
  row: number,
  columns: readonly LeafColumn[],
  text: string,
  s: CellStyle,
  minHeight = 18
): void {
  ws.mergeCells(row, 1, row, columns.length)
  putCell(ws.getCell(row, 1), text, s)
  const width = columns.reduce((w, c) => w + c.width, 0)
  ws.getRow(row).height = rowHeight(lineCount(text, width, s.font.size ?? 10), s.font.size ?? 10, minHeight)
}

export function writeTitleBlock(
  ws: Worksheet,
  columns: readonly LeafColumn[],
  label: string,
  title: string,
  info: string
): void {
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width))
  const labelCell = ws.getCell(1, 1)
  labelCell.value = label
  labelCell.font = FONTS.label
  labelCell.alignment = { horizontal: 'left', vertical: 'middle' }
  ws.getRow(1).height = 24
  putLine(ws, 2, columns, title, { font: FONTS.title, horizontal: 'center' }, 40)
  putLine(ws, 3, columns, info, { font: FONTS.info, horizontal: 'left' }, 24)
}

/**
 * Header text broken the way a printed form breaks it: before a bracketed part (经营者 / （法定代表人）), and into
 * lines of even length rather than leaving one character alone on the last line (营业 / 执照, not 营业执 / 照).
 */
function headerText(text: string, width: number, size: number): string {
  const at = text.indexOf('（')
  const parts = at > 0 && lineCount(text, width, size) > 1 ? [text.slice(0, at), text.slice(at)] : [text]
  return parts.map((part) => evenLines(part, width, size)).join('\n')
}

function evenLines(text: string, width: number, size: number): string {
  const lines = lineCount(text, width, size)
  if (lines <= 1) return text
  const chars = [...text]
  const per = Math.ceil(chars.length / lines)
  const count = Math.ceil(chars.length / per)
  return Array.from({ length: count }, (_, i) => chars.slice(i * per, (i + 1) * per).join('')).join('\n')
}

/**
 * Rows 4–5: a column without a group spans both rows; consecutive columns of one group share a parent cell in
 * row 4 and have their own headers in row 5.
 */
export function writeHeader(ws: Worksheet, columns: readonly LeafColumn[]): void {
  const style: CellStyle = { font: FONTS.header, horizontal: 'center', border: true, fill: HEADER_FILL }
  const size = FONTS.header.size ?? 10
  const top = HEADER_TOP
  let groupLines = 1
  let leafLines = 1
  let soloLines = 1
  for (let i = 0; i < columns.length; ) {
    const c = columns[i] as LeafColumn
    let end = i
    while (c.group && columns[end + 1]?.group === c.group) end++
    const span = columns.slice(i, end + 1).reduce((w, x) => w + x.width, 0)
    const parent = headerText(c.group ?? c.header, span, size)
    for (let j = i; j <= end; j++) {
      const leaf = columns[j] as LeafColumn
      const text = c.group ? headerText(leaf.header, leaf.width, size) : parent
      putCell(ws.getCell(top, j + 1), parent, style)
      putCell(ws.getCell(top + 1, j + 1), text, style)
      if (c.group) leafLines = Math.max(leafLines, lineCount(text, leaf.width, size))
    }
    if (c.group) {
      groupLines = Math.max(groupLines, lineCount(parent, span, size))
      if (end > i) ws.mergeCells(top, i + 1, top, end + 1)
    } else {
      soloLines = Math.max(soloLines, lineCount(parent, c.width, size))
      ws.mergeCells(top, i + 1, top + 1, i + 1)
    }
    i = end + 1
  }
  const leafHeight = rowHeight(leafLines, size)
  ws.getRow(top + 1).height = leafHeight
  ws.getRow(top).height = Math.max(rowHeight(groupLines, size), rowHeight(soloLines, size) - leafHeight)
}
