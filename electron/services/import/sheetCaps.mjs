// @ts-check
// What reading a workbook's sheets may cost, enforced while the readers (xlsxReader.mjs, sheetjsReader.mjs) build
// the RawWorkbook, so the cost follows the cells a file really holds and never the addresses it names: one cell at
// column XFD would otherwise pad its row to 16,384 cells, one at row 1,048,576 its sheet to a million rows, and a
// merged range over both fill every cell between. Cells right of the last column an annex can use are left out
// (and reported, see clippedColumns in rawWorkbook.ts); rows without a kept cell stay holes in `rows`; the cells
// kept, merged areas included, count against one budget per file.
//
// Plain JavaScript for the same reason as parseWorker.mjs, typed as it says.
/** @import { ImportLimits } from './limits' */
/** @import { CellRange, ClippedColumns, RawCell } from './rawWorkbook' */

/**
 * What the readers may spend on one file's sheets; maxRows is the parser thread's hard row cap. `onRows`, set in
 * the parser thread, is told every ROWS_PER_REPORT rows read (over all sheets), for the window's progress bar.
 * @typedef {Pick<ImportLimits, 'maxRows' | 'maxColumns' | 'maxCells'> & { onRows?: (rows: number) => void }} SheetCaps
 */

/** Rows read between two progress reports: a message to the main thread each costs little next to 500 rows. */
const ROWS_PER_REPORT = 500

/**
 * A read stopped by a cap, or by a sheet too damaged to read on (a row number past Excel's last row).
 * @typedef {{ ok: false, code: 'TOO_MANY_ROWS' | 'TOO_MANY_CELLS' | 'PARSE_FAILED', sheet: string, detail: string }} SheetFailure
 */

/** @typedef {ReturnType<typeof sheetBudget>} SheetBudget */
/** @typedef {ReturnType<SheetBudget['sheet']>} SheetTally */

/** Why a read stops: the thread reports it as a refusal, not as a file the lean reader leaves to SheetJS. */
export class SheetCapExceeded extends Error {
  /** @param {SheetFailure} failure */
  constructor(failure) {
    super(failure.code)
    this.failure = failure
  }
}

/**
 * The budget of one file. `caps`: maxRows (non-empty rows per sheet), maxColumns (columns read, from A), maxCells
 * (cells kept over all sheets, merged areas included).
 * @param {SheetCaps} caps
 */
export function sheetBudget({ maxRows, maxColumns, maxCells, onRows }) {
  let cells = 0
  let rowsRead = 0
  /** @type {(n: number, sheet: string) => void} */
  const spend = (n, sheet) => {
    cells += n
    if (cells > maxCells) throw new SheetCapExceeded({ ok: false, code: 'TOO_MANY_CELLS', sheet, detail: String(maxCells) })
  }
  return {
    maxColumns,
    /**
     * The tally of one sheet, read in order: place(…) for each cell (clip(c) for one right of maxColumns, left out),
     * row(cells) for each row with cells kept (paid for), then finish().
     * @param {string} name
     */
    sheet(name) {
      let rows = 0
      /** @type {ClippedColumns | null} */
      let clipped = null
      return {
        /** @param {number} c */
        clip(c) {
          if (!clipped) clipped = { from: c, to: c, cells: 0 }
          clipped.from = Math.min(clipped.from, c)
          clipped.to = Math.max(clipped.to, c)
          clipped.cells++
        },
        /**
         * Puts a cell at column c of its row, padding the row with nulls up to it; a cell right of maxColumns is
         * only counted (clip), so no row is ever padded out to it. True when the cell was kept.
         * @param {(RawCell | null)[]} cells
         * @param {number} c
         * @param {RawCell} cell
         * @returns {boolean}
         */
        place(cells, c, cell) {
          if (c >= maxColumns) {
            this.clip(c)
            return false
          }
          while (cells.length < c) cells.push(null)
          cells[c] = cell
          return true
        },
        /** @param {number} kept */
        row(kept) {
          if (++rows > maxRows) throw new SheetCapExceeded({ ok: false, code: 'TOO_MANY_ROWS', sheet: name, detail: String(maxRows) })
          spend(kept, name)
          if (onRows && ++rowsRead % ROWS_PER_REPORT === 0) onRows(rowsRead)
        },
        /**
         * The sheet's extra fields: merged ranges cut to the columns read and the rows holding data (a range
         * beyond both is dropped), and what was left out on the right.
         * @param {readonly CellRange[]} merges
         * @param {number} rowCount
         * @returns {{ merges: CellRange[], clippedColumns?: ClippedColumns }}
         */
        finish(merges, rowCount) {
          /** @type {CellRange[]} */
          const kept = []
          for (const m of merges) {
            const e = { r: Math.min(m.e.r, rowCount - 1), c: Math.min(m.e.c, maxColumns - 1) }
            if (m.s.r > e.r || m.s.c > e.c) continue
            spend((e.r - m.s.r + 1) * (e.c - m.s.c + 1), name)
            kept.push({ s: { r: m.s.r, c: m.s.c }, e })
          }
          return clipped ? { merges: kept, clippedColumns: clipped } : { merges: kept }
        }
      }
    }
  }
}
