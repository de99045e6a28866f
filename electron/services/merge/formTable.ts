/**
 * Bordered table rows for the office's own sheets (重复与冲突, 未报送单位, 合并报告), drawn on the same column grid
 * as their title block: a value may span several columns, and a cell may be merged down over several rows.
 */
import type { CellValue, Worksheet } from 'exceljs'
import type { CellStyle, LeafColumn } from '../export/formBlock'
import { putCell } from '../export/formBlock'
import { FONTS, HEADER_FILL, lineCount, rowHeight } from '../export/style'

export const BODY: CellStyle = { font: FONTS.body, horizontal: 'center', border: true }
export const BODY_LEFT: CellStyle = { ...BODY, horizontal: 'left' }
export const HEAD: CellStyle = { font: FONTS.header, horizontal: 'center', border: true, fill: HEADER_FILL }

export interface TableCell {
  value: CellValue
  /** Columns it covers; 1 unless said. */
  span?: number
  style?: CellStyle
}

const textOf = (v: CellValue): string => (v === null || v === undefined ? '' : String(v))

/** Lines the cells of a row need, each in the width of the columns it spans. */
export function linesOf(leaves: readonly LeafColumn[], cells: readonly TableCell[]): number[] {
  let col = 0
  return cells.map((c) => {
    const span = c.span ?? 1
    const width = leaves.slice(col, col + span).reduce((w, l) => w + l.width, 0)
    col += span
    return lineCount(textOf(c.value), width, (c.style ?? BODY).font.size ?? 10)
  })
}

/** Writes one row from column A; every column of a span gets the border, the first one the value. */
export function putTableRow(
  ws: Worksheet,
  row: number,
  leaves: readonly LeafColumn[],
  cells: readonly TableCell[],
  minHeight = 22
): void {
  let col = 1
  for (const c of cells) {
    const span = c.span ?? 1
    const style = c.style ?? BODY
    for (let k = 0; k < span; k++) putCell(ws.getCell(row, col + k), k === 0 ? c.value : null, style)
    if (span > 1) ws.mergeCells(row, col, row, col + span - 1)
    col += span
  }
  const size = FONTS.body.size ?? 10
  ws.getRow(row).height = rowHeight(Math.max(1, ...linesOf(leaves, cells)), size, minHeight)
}
