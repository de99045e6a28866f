/**
 * A workbook reduced to primitives: what the parser thread sends back (parseWorker.mjs builds exactly this shape)
 * and what the CSV reader produces. Nothing here is a SheetJS object, so nothing from the file can carry behaviour.
 * Row and column indexes are 0-based; row r is spreadsheet row r + 1.
 */

export interface RawCell {
  /**
   * n number, s text, b boolean, e error value, d date (v is ISO text), z a formula that was never calculated
   * (no cached value; SheetJS would report it as 0 or blank).
   */
  t: 'n' | 's' | 'b' | 'e' | 'd' | 'z'
  /** The value, or the cached result of a formula; for t 'e' the error text (#N/A); null for t 'z'. */
  v: string | number | boolean | null
  /** The number format shows a date, so v is a date serial. */
  date?: true
  /** Formula text, read only to tell the user that a cell was a formula; never evaluated, never copied. */
  formula?: string
}

export interface CellRange {
  s: { r: number; c: number }
  e: { r: number; c: number }
}

/** Cells a reader left out because they lie right of the last column any annex can use (sheetCaps.mjs). */
export interface ClippedColumns {
  /** 0-based columns of the first and last cell left out. */
  from: number
  to: number
  cells: number
}

export interface RawSheet {
  name: string
  hidden: boolean
  /**
   * Row r at index r. A row without a cell is a hole (an .xlsx reader never pads a sheet out to a far row), so
   * iterate with forEach/map/some, or index with `rows[r] ?? []`. A row ends at its last cell.
   */
  rows: (RawCell | null)[][]
  /** Cut to the columns read and the rows holding data. */
  merges: CellRange[]
  hiddenRows: number[]
  clippedColumns?: ClippedColumns
}

export interface RawWorkbook {
  /** Serials count from 1904-01-01 (old Mac Excel). */
  date1904: boolean
  sheets: RawSheet[]
}
