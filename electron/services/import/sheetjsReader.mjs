// @ts-check
// SheetJS behind the parser thread (parseWorker.mjs): every format it reads (.xls, .et, .ods, .xlsx outside the lean
// reader's subset), reduced to RawWorkbook (rawWorkbook.ts): primitives only, never a SheetJS object. Plain
// JavaScript for the reason given in parseWorker.mjs, typed as it says.
/** @import { CellObject, WorkSheet } from 'xlsx' */
/** @import { ParseOutcome } from './parseInWorker' */
/** @import { RawCell, RawSheet } from './rawWorkbook' */
/** @import { SheetBudget, SheetCaps, SheetTally } from './sheetCaps.mjs' */
import * as XLSX from 'xlsx'
import { SheetCapExceeded, sheetBudget } from './sheetCaps.mjs'

// SheetJS stores error values by their BIFF code.
/** @type {ReadonlyMap<unknown, string>} */
const ERROR_TEXT = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA']
])

/** @param {string | number | undefined} z */
function isDateFormat(z) {
  /** @type {unknown} */
  const format = typeof z === 'number' ? XLSX.SSF.get_table()[z] : z
  return typeof format === 'string' && XLSX.SSF.is_date(format)
}

// Built-in formats of zh-CN Excel that SheetJS's table lacks: 2024年5月, 5月9日, 时:分 and the like.
const CJK_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 57, 58])

/**
 * Whether a number format (its code, or a built-in format's id) shows a date, zh-CN built-ins included. For the lean
 * reader (xlsxReader.mjs), which passes a style's format code or, for a built-in format, its id.
 * @param {string | number} codeOrId
 * @returns {boolean}
 */
export function isDateStyle(codeOrId) {
  return typeof codeOrId === 'number' && CJK_DATE_IDS.has(codeOrId) ? true : isDateFormat(codeOrId)
}

/** @param {CellObject['v']} d */
function isoOfDate(d) {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : String(d)
}

/**
 * @param {CellObject | undefined} c
 * @returns {RawCell | null}
 */
function rawCell(c) {
  if (!c) return null
  const formula = typeof c.f === 'string' ? { formula: c.f } : {}
  switch (c.t) {
    case 'z':
      return c.f === undefined ? null : { t: 'z', v: null, ...formula }
    case 'e':
      return { t: 'e', v: ERROR_TEXT.get(c.v) ?? '#错误', ...formula }
    case 'n':
      return { t: 'n', v: Number(c.v), ...(isDateFormat(c.z) ? { date: true } : {}), ...formula }
    case 'b':
      return { t: 'b', v: Boolean(c.v), ...formula }
    case 'd':
      return { t: 'd', v: isoOfDate(c.v), ...formula }
    default:
      return { t: 's', v: c.v === undefined || c.v === null ? '' : String(c.v), ...formula }
  }
}

/**
 * A row of SheetJS's dense storage as RawCells, or undefined when it keeps none. A row is an array as long as its
 * last cell's column (16,384 for one cell at XFD), sparse in between, so only its own indexes are visited.
 * @param {CellObject[]} row
 * @param {SheetTally} tally
 * @param {number} maxColumns
 * @returns {(RawCell | null)[] | undefined}
 */
function rawRow(row, tally, maxColumns) {
  /** @type {(RawCell | null)[]} */
  const cells = []
  let kept = 0
  /** @param {number} c */
  const visit = (c) => {
    const cell = rawCell(row[c])
    if (cell !== null && tally.place(cells, c, cell)) kept++
  }
  if (row.length <= maxColumns) row.forEach((_, c) => visit(c))
  else for (const key of Object.keys(row)) visit(Number(key))
  if (kept === 0) return undefined
  tally.row(kept)
  return cells
}

/**
 * @param {WorkSheet | undefined} ws
 * @param {string} name
 * @param {number | undefined} hidden
 * @param {SheetBudget} budget
 * @returns {RawSheet}
 */
function rawSheet(ws, name, hidden, budget) {
  const tally = budget.sheet(String(name))
  // As the lean reader: rows without a kept cell stay holes.
  /** @type {RawSheet['rows']} */
  const rows = []
  ;(ws?.['!data'] ?? []).forEach((row, r) => {
    const cells = row && rawRow(row, tally, budget.maxColumns)
    if (cells) rows[r] = cells
  })
  /** @type {number[]} */
  const hiddenRows = []
  ;(ws?.['!rows'] ?? []).forEach((r, i) => {
    if (r?.hidden) hiddenRows.push(i)
  })
  return { name: String(name), hidden: Boolean(hidden), rows, hiddenRows, ...tally.finish(ws?.['!merges'] ?? [], rows.length) }
}

// SheetJS keeps the number formats a workbook defines in one global table; a later file must not see them.
const builtInFormats = { ...XLSX.SSF.get_table() }

function resetFormats() {
  const table = XLSX.SSF.get_table()
  for (const id of Object.keys(table)) if (!(id in builtInFormats)) delete table[id]
  Object.assign(table, builtInFormats)
}

/**
 * The workbook as RawWorkbook, or a refusal of the caps (sheetCaps.mjs) the caller reports; throws what SheetJS
 * throws.
 * @param {Buffer} buffer
 * @param {SheetCaps} caps
 * @returns {ParseOutcome}
 */
export function readWithSheetJS(buffer, caps) {
  resetFormats()
  const wb = XLSX.read(buffer, {
    type: 'buffer',
    dense: true,
    cellFormula: true,
    cellHTML: false,
    cellText: false,
    cellNF: true,
    cellStyles: true,
    cellDates: false,
    bookVBA: false,
    bookFiles: false,
    bookDeps: false
  })
  const budget = sheetBudget(caps)
  try {
    const sheets = wb.SheetNames.map((name, i) => rawSheet(wb.Sheets[name], name, wb.Workbook?.Sheets?.[i]?.Hidden, budget))
    return { ok: true, workbook: { date1904: Boolean(wb.Workbook?.WBProps?.date1904), sheets } }
  } catch (e) {
    if (e instanceof SheetCapExceeded) return e.failure
    throw e
  }
}
