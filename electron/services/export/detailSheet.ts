import type { Style, Worksheet } from 'exceljs'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import type { PrintedCell } from './cellValue'
import { columnAlignment, columnFormat, columnWidth, isNumericKind, numberOf, printedCell } from './cellValue'
import type { FormHeader, LeafColumn } from './formBlock'
import {
  DRAFT_MARK,
  FIRST_DATA_ROW,
  infoLine,
  putCell,
  putLine,
  sharedStyle,
  signatureLine,
  writeHeader,
  writeTitleBlock
} from './formBlock'
import type { RawCell, RawRows } from './rawRows'
import { rawRowsOf } from './rawRows'
import { afterRow } from './rowPause'
import { ERROR_FILL, FONTS, lineCount, rowHeight, SHADE_FILL } from './style'
import type { ListSheet } from './validation'
import { addColumnValidations } from './validation'

const EMPTY: PrintedCell = { value: null, text: '' }
const SIZE = FONTS.body.size ?? 10
/** Blank rows leave room to write by hand on a printed template. */
const BLANK_ROW_HEIGHT = 30

export type Shade = 'duplicate' | 'error'

export interface DetailSheetInput {
  annex: AnnexDefinition<RecordFields>
  campaign: Campaign
  rows: readonly RecordFields[]
  header: FormHeader
  /** Empty bordered rows after the records, for filling in by hand. */
  blankRows: number
  /** Lines under the signature; the annex's 填表说明 unless given. */
  notes?: readonly string[]
  /** Data rows (0-based) printed on a ground: grey for an enterprise several units reported, red for errors. */
  shaded?: (k: number) => Shade | null
}

/**
 * The 合计 row: 合计 over the leading columns, the number of records under the first required text column (the
 * entity's name), the sum of every count / money column, a column's own total where it has one (a rate), other
 * cells blank.
 */
function writeTotalRow(
  ws: Worksheet,
  row: number,
  columns: readonly AnnexColumn[],
  rows: readonly RecordFields[],
  blank: boolean
): void {
  const countAt = columns.findIndex((c) => c.kind === 'text' && c.required)
  const firstValue = columns.findIndex((c, i) => i === countAt || isNumericKind(c))
  const labelEnd = Math.max(firstValue, 1)
  columns.forEach((col, i) => {
    let value: number | string | null = null
    if (!blank && i === countAt) value = rows.length
    else if (!blank && isNumericKind(col)) value = rows.reduce((sum, r) => sum + (numberOf(r[col.key]) ?? 0), 0)
    else if (!blank && col.total) value = col.total(rows)
    const numFmt = i === countAt ? '0' : columnFormat(col)
    const style = { font: FONTS.header, horizontal: 'center', border: true, numFmt } as const
    putCell(ws.getCell(row, i + 1), i === 0 ? '合计' : value, style)
  })
  if (labelEnd > 1) ws.mergeCells(row, 1, row, labelEnd)
  ws.getRow(row).height = rowHeight(1, FONTS.body.size ?? 10, 22)
}

/** Column `col` of the k-th data row (序号 k + 1); empty in a blank row. */
function rowCell(col: AnnexColumn, fields: RecordFields | undefined, k: number): PrintedCell {
  if (!fields) return EMPTY
  return col.kind === 'seq' ? { value: k + 1, text: String(k + 1) } : printedCell(col, fields[col.key])
}

/** A data row through exceljs's cells: a workbook in memory (where commit does nothing). */
function writeCells(ws: Worksheet, r: number, cells: readonly RawCell[], height: number): void {
  const row = ws.getRow(r)
  cells.forEach((c, i) => {
    const cell = row.getCell(i + 1)
    cell.value = c.value
    cell.style = c.style
  })
  row.height = height
  row.commit()
}

/** Data row k of a form: its cells and the lines each needs (the tallest sets the row's height). */
export interface FormRow {
  cells: RawCell[]
  lines: number[]
}

/**
 * A 明细 sheet being written: the title block and header are out when it is made, the data rows go in one by one
 * (row), then the end (finish: 合计, signature, 填表说明, dropdowns).
 */
export class DetailForm {
  /** Data rows, records then blank ones. */
  readonly total: number
  /** The sheet's raw row writer; null for a workbook in memory. */
  readonly raw: RawRows | null
  private readonly leaves: LeafColumn[]
  private readonly styles: Partial<Style>[]
  private readonly shadedStyles: Record<Shade, Partial<Style>[]>

  constructor(
    private readonly ws: Worksheet,
    private readonly input: DetailSheetInput
  ) {
    const { annex, campaign, header, rows, blankRows } = input
    this.leaves = annex.columns.map((c) => ({ header: c.header, group: c.group, width: columnWidth(c) }))
    writeTitleBlock(ws, this.leaves, annex.label, header.draft ? `${annex.title}${DRAFT_MARK}` : annex.title, infoLine(header, campaign.year))
    writeHeader(ws, this.leaves)
    this.total = rows.length + blankRows
    // Each column's look, made once per sheet rather than once per cell.
    const looks = annex.columns.map((col) => ({
      font: FONTS.body,
      horizontal: columnAlignment(col),
      numFmt: columnFormat(col),
      border: true
    }))
    this.styles = looks.map(sharedStyle)
    this.shadedStyles = {
      duplicate: looks.map((look) => sharedStyle({ ...look, fill: SHADE_FILL })),
      error: looks.map((look) => sharedStyle({ ...look, fill: ERROR_FILL }))
    }
    // Everything above the data is final: a streamed sheet writes it out, and its data rows then go as raw XML.
    ws.getRow(FIRST_DATA_ROW - 1).commit()
    this.raw = rawRowsOf(ws)
  }

  /** Data row k (序号 k + 1); past the records a blank bordered row. */
  row(k: number): FormRow {
    const fields = this.input.rows[k]
    const shade = fields === undefined ? null : (this.input.shaded?.(k) ?? null)
    const rowStyles = shade ? this.shadedStyles[shade] : this.styles
    const lines: number[] = []
    const cells = this.input.annex.columns.map((col, i) => {
      const cell = rowCell(col, fields, k)
      lines.push(lineCount(cell.text, this.leaves[i]?.width ?? col.width, SIZE))
      return { value: cell.value, style: rowStyles[i] as Partial<Style> }
    })
    return { cells, lines }
  }

  /** Height of data row k when its tallest cell needs `lines` lines. */
  height(k: number, lines: number): number {
    return rowHeight(lines, SIZE, k < this.input.rows.length ? 22 : BLANK_ROW_HEIGHT)
  }

  write(k: number, row: FormRow): void {
    const height = this.height(k, Math.max(1, ...row.lines))
    if (this.raw) this.raw.write(FIRST_DATA_ROW + k, row.cells, height)
    else writeCells(this.ws, FIRST_DATA_ROW + k, row.cells, height)
  }

  /** Below the data: dropdowns on the data rows, 合计, signature line and notes. */
  finish(lists: ListSheet): void {
    const { ws, input, leaves, total } = this
    const { annex, campaign, rows, header } = input
    const totalRow = FIRST_DATA_ROW + total
    if (total > 0) addColumnValidations(ws, annex.columns, campaign, lists, FIRST_DATA_ROW, totalRow - 1)
    writeTotalRow(ws, totalRow, annex.columns, rows, rows.length === 0)
    const footer = { font: FONTS.footer, horizontal: 'left' } as const
    putLine(ws, totalRow + 1, leaves, signatureLine(header.filler), footer, 36)
    const notes = input.notes ?? (annex.notes.length > 0 ? ['填表说明：', ...annex.notes] : [])
    notes.forEach((text, i) => putLine(ws, totalRow + 2 + i, leaves, text, footer))
  }
}

/** The 明细 sheet: title block, header, one row per record (序号 1…n), blank rows, 合计, signature and 填表说明. */
export async function writeDetailSheet(ws: Worksheet, input: DetailSheetInput, lists: ListSheet): Promise<void> {
  const form = new DetailForm(ws, input)
  for (let k = 0; k < form.total; k++) {
    form.write(k, form.row(k))
    await afterRow(k, form.total)
  }
  form.finish(lists)
}
