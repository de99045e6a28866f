// @ts-check
// How a parsed workbook crosses from the parser thread to the main thread. Cloning a RawWorkbook object by object
// cost the main thread half a second per 25 files of 2,000 rows (measured); primitives clone about four times
// faster. So each row travels as its plain values, and the few cells that need more (a date format, a formula, an
// error value, a formula never calculated) as marks beside them. decodeWorkbook gives back exactly what was encoded.
//
// Plain JavaScript: the thread (parseWorker.mjs) encodes, parseInWorker.ts decodes.
/** @import { CellRange, ClippedColumns, RawCell, RawWorkbook } from './rawWorkbook' */

/**
 * A sheet as it crosses threads: each row's bare values, and for each cell that needs more five marks in a row (row,
 * column, kind, 1 for a date, formula text or null).
 * @typedef {{
 *   name: string,
 *   hidden: boolean,
 *   merges: CellRange[],
 *   hiddenRows: number[],
 *   values: RawCell['v'][][],
 *   marks: (number | string | null)[],
 *   clippedColumns?: ClippedColumns
 * }} WireSheet
 */

/**
 * A RawWorkbook as it crosses threads: values and marks, primitives only.
 * @typedef {{ date1904: boolean, sheets: WireSheet[] }} WireWorkbook
 */

/** Cell kinds a bare value does not tell: a string may be an error text, null a formula without a value. */
const KIND_ERROR = 1
const KIND_UNCALCULATED = 2

/**
 * @param {RawWorkbook} workbook
 * @returns {WireWorkbook}
 */
export function encodeWorkbook(workbook) {
  const sheets = workbook.sheets.map((sheet) => {
    /** @type {WireSheet['marks']} */
    const marks = []
    const values = sheet.rows.map((row, r) =>
      Array.from(row, (cell, c) => {
        if (!cell) return null
        if (cell.date || cell.formula !== undefined || cell.t === 'e' || cell.t === 'z') {
          const kind = cell.t === 'e' ? KIND_ERROR : cell.t === 'z' ? KIND_UNCALCULATED : 0
          marks.push(r, c, kind, cell.date ? 1 : 0, cell.formula ?? null)
        }
        return cell.v
      })
    )
    const wire = { name: sheet.name, hidden: sheet.hidden, merges: sheet.merges, hiddenRows: sheet.hiddenRows, values, marks }
    return sheet.clippedColumns ? { ...wire, clippedColumns: sheet.clippedColumns } : wire
  })
  return { date1904: workbook.date1904, sheets }
}

/**
 * @param {RawCell['v'] | undefined} v
 * @returns {RawCell | null}
 */
function plainCell(v) {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return { t: 'n', v }
  if (typeof v === 'boolean') return { t: 'b', v }
  return { t: 's', v }
}

/**
 * @param {WireWorkbook} wire
 * @returns {RawWorkbook}
 */
export function decodeWorkbook(wire) {
  const sheets = wire.sheets.map((sheet) => {
    const rows = sheet.values.map((row) => row.map(plainCell))
    const { marks } = sheet
    for (let i = 0; i < marks.length; i += 5) {
      const [r, c, kind, date, formula] =
        /** @type {[number, number, number, number, string | null]} */ (marks.slice(i, i + 5))
      const v = sheet.values[r][c]
      // A marked cell always held one: plainCell gives null only for a cell that was not there.
      /** @type {RawCell} */
      const cell =
        kind === KIND_ERROR ? { t: 'e', v } : kind === KIND_UNCALCULATED ? { t: 'z', v: null } : /** @type {RawCell} */ (plainCell(v))
      if (date) cell.date = true
      if (formula !== null) cell.formula = formula
      rows[r][c] = cell
    }
    const raw = { name: sheet.name, hidden: sheet.hidden, rows, merges: sheet.merges, hiddenRows: sheet.hiddenRows }
    return sheet.clippedColumns ? { ...raw, clippedColumns: sheet.clippedColumns } : raw
  })
  return { date1904: wire.date1904, sheets }
}
