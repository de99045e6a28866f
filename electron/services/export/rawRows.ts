import type { CellValue, Style, Worksheet } from 'exceljs'
import ExcelJS from 'exceljs'
import { columnLetter } from '@shared/domain/cellAddress'

/**
 * Long data rows of a streamed sheet written as sheet XML, skipping exceljs's cell objects. exceljs renders each
 * cell through several layers of objects; in a 50,000-row consolidation that was most of the time spent writing.
 * The rows of a form are plain values in a handful of styles, so they are written here as exceljs itself would
 * write them: the same style ids (from its style table), the same shared strings, the same date serials.
 *
 * This uses parts of exceljs 4.4's streaming WorksheetWriter that its typings do not declare; `rawRowsOf` checks
 * they are there, and a sheet without them (a workbook in memory) is written through exceljs's cells instead.
 */

interface StreamedSheet {
  /** The sheet's XML stream into the zip. */
  stream: { write(xml: string): unknown }
  /** True once exceljs has written <sheetData>, i.e. once a row was committed. */
  startedData: boolean
  useSharedStrings: boolean
  _workbook: {
    styles: { addStyleModel(style: Partial<Style>, cellType: number): number }
    sharedStrings: { add(text: string): number }
  }
}

export interface RawCell {
  value: CellValue
  style: Partial<Style>
}

const EXCEL_EPOCH_DAYS = 25569
const DAY_MS = 24 * 3600 * 1000

export class RawRows {
  private readonly styleIds = new Map<Partial<Style>, Map<number, number>>()
  private readonly letters: string[] = []

  constructor(private readonly sheet: StreamedSheet) {}

  private styleId(style: Partial<Style>, type: number): number {
    let byType = this.styleIds.get(style)
    if (!byType) this.styleIds.set(style, (byType = new Map()))
    let id = byType.get(type)
    if (id === undefined) byType.set(type, (id = this.sheet._workbook.styles.addStyleModel(style, type)))
    return id
  }

  /**
   * A cell's XML after its reference (what follows `<c r="B7"`), or '' when the cell is left out. It does not
   * depend on the row, so one rendering serves a row that two sheets print (明细 and its unit's sheet).
   */
  cellTail(cell: RawCell): string {
    const { value } = cell
    // An empty text is no cell, as a reader sees it anyway; `_meta` has two of them in every consolidated row.
    if (value === null || value === undefined || value === '') {
      const s = this.styleId(cell.style, ExcelJS.ValueType.Null)
      return s ? ` s="${s}"/>` : ''
    }
    if (typeof value === 'number') {
      return ` s="${this.styleId(cell.style, ExcelJS.ValueType.Number)}"><v>${value}</v></c>`
    }
    if (typeof value === 'string') {
      const s = this.styleId(cell.style, ExcelJS.ValueType.String)
      return ` s="${s}" t="s"><v>${this.sheet._workbook.sharedStrings.add(value)}</v></c>`
    }
    if (value instanceof Date) {
      const serial = EXCEL_EPOCH_DAYS + value.getTime() / DAY_MS
      return ` s="${this.styleId(cell.style, ExcelJS.ValueType.Date)}"><v>${serial}</v></c>`
    }
    throw new Error(`rawRows: a ${typeof value} cell is not a form value`)
  }

  /**
   * Writes row r (1-based) below every row exceljs has committed; exceljs must not be given a row at or above
   * the last one written here.
   */
  write(r: number, cells: readonly RawCell[], height?: number): void {
    this.writeTails(r, cells.map((cell) => this.cellTail(cell)), height)
  }

  /** Writes row r from its cells' tails (cellTail), which may come from another sheet of the same workbook. */
  writeTails(r: number, tails: readonly string[], height?: number): void {
    if (!this.sheet.startedData) throw new Error('rawRows: commit the rows above first')
    let xml = ''
    for (let i = 0; i < tails.length; i++) {
      const tail = tails[i] as string
      if (tail === '') continue
      const letters = (this.letters[i] ??= columnLetter(i))
      xml += `<c r="${letters}${r}"${tail}`
    }
    // Like exceljs, a row with nothing in it and no height of its own is left out.
    if (xml === '' && height === undefined) return
    const open = height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`
    this.sheet.stream.write(`${open}${xml}</row>`)
  }
}

/** Raw rows for a streamed sheet using shared strings; null for any other sheet. */
export function rawRowsOf(ws: Worksheet): RawRows | null {
  const s = ws as unknown as Partial<StreamedSheet>
  const ok =
    typeof s.startedData === 'boolean' &&
    s.useSharedStrings === true &&
    typeof s.stream?.write === 'function' &&
    typeof s._workbook?.styles?.addStyleModel === 'function' &&
    typeof s._workbook.sharedStrings?.add === 'function'
  return ok ? new RawRows(s as StreamedSheet) : null
}
