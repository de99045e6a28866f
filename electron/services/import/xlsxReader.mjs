// @ts-check
// A lean reader for the .xlsx files units send: the parts an annex needs (sheets, their visibility, cell values,
// cached formula results, date formats, merges, hidden rows) and nothing else, straight into the RawWorkbook shape
// (rawWorkbook.ts). It is several times faster than SheetJS on a folder of submissions because it skips what SheetJS
// builds and we throw away (styles, formatted text, the sheet objects). Anything outside the subset it knows -
// strict OOXML, shared formulas, ISO date cells, CDATA, chart sheets - returns null, and the caller parses
// the file with SheetJS instead, so an unusual file is read as before, only slower.
//
// Plain JavaScript for the same reason as parseWorker.mjs, which runs it. It only reads the entries zipScan.mjs has
// inflated and checked, in a thread with its own heap and watchdog. Typed as parseWorker.mjs says.
/** @import { ParseOutcome } from './parseInWorker' */
/** @import { CellRange, RawCell, RawSheet } from './rawWorkbook' */
/** @import { SheetBudget, SheetCaps } from './sheetCaps.mjs' */
import { SheetCapExceeded, sheetBudget } from './sheetCaps.mjs'
import { partName } from './zipScan.mjs'

/**
 * Whether a number format (its code, or a built-in format's id) shows a date (sheetjsReader.mjs's isDateStyle).
 * @typedef {(formatCodeOrBuiltInId: string | number) => boolean} IsDateFormat
 */

/** @param {string} what */
const unsupported = (what) => new Error(`not in the lean subset: ${what}`)

/** Rows of an Excel sheet. */
const EXCEL_ROWS = 1_048_576

/**
 * An entry's XML text; null for an entry the zip does not have.
 * @param {Buffer | null} data
 * @returns {string | null}
 */
function xmlText(data) {
  if (data === null) return null
  const text = data.toString('utf8')
  if (text.includes('<![CDATA[')) throw unsupported('CDATA')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

// Elements may carry a namespace prefix (<x:c>); attributes are quoted either way.
const P = '(?:[A-Za-z_][\\w.-]*:)?'
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/**
 * @param {string} text
 * @returns {Map<string, string>}
 */
function attributes(text) {
  /** @type {Map<string, string>} */
  const out = new Map()
  for (const m of text.matchAll(ATTR)) out.set(m[1], m[2] ?? m[3])
  return out
}

/** @param {number} code */
const isSpace = (code) => code === 32 || code === 9 || code === 10 || code === 13

/**
 * One attribute of a row or cell tag: `name="…"` or `name='…'` at the start or after white space. Found with
 * indexOf rather than a regular expression, because a sheet's many cells each ask for two or three.
 * @param {string} text
 * @param {string} name
 * @returns {string | undefined}
 */
function attr(text, name) {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (i > 0 && !isSpace(text.charCodeAt(i - 1))) continue
    let j = i + name.length
    while (isSpace(text.charCodeAt(j))) j++
    if (text.charCodeAt(j) !== 61 /* = */) continue
    j++
    while (isSpace(text.charCodeAt(j))) j++
    const quote = text[j]
    if (quote !== '"' && quote !== "'") continue
    const end = text.indexOf(quote, j + 1)
    if (end > 0) return text.slice(j + 1, end)
  }
  return undefined
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));|_x([0-9a-fA-F]{4})_/g
/** @type {Record<string, string>} */
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/**
 * XML entities and OOXML's _xHHHH_ escapes, as SheetJS decodes them.
 * @param {string} text
 * @returns {string}
 */
function unescape(text) {
  if (!text.includes('&') && !text.includes('_x')) return text
  /** @type {(match: string, hex?: string, dec?: string, named?: string, ooxml?: string) => string} */
  const decode = (_, hex, dec, named, ooxml) => {
    if (named) return NAMED[named]
    return String.fromCodePoint(parseInt(/** @type {string} */ (hex ?? dec ?? ooxml), hex || ooxml ? 16 : 10))
  }
  return text.replace(ENTITY, decode)
}

/** Cell text: line breaks as SheetJS gives them, \n alone. */
/** @param {string} raw */
const cellText = (raw) => unescape(raw).replace(/\r\n/g, '\n')

/** Main namespace of a transitional workbook; strict OOXML (purl.oclc.org) is left to SheetJS. */
/** @param {string} xml */
function assertTransitional(xml) {
  if (xml.includes('http://purl.oclc.org/ooxml/spreadsheetml/main')) throw unsupported('strict OOXML')
}

const SHEET_TAG = new RegExp(`<${P}sheet\\b([^>]*)/?>`, 'g')
const REL_TAG = new RegExp(`<${P}Relationship\\b([^>]*)/?>`, 'g')
const WORKBOOK_PR = new RegExp(`<${P}workbookPr\\b([^>]*)/?>`)

/** @typedef {{ name: string, hidden: boolean, path: string }} SheetPart */

/**
 * Sheets in workbook order with their part paths; date1904 from workbookPr.
 * @param {(name: string) => string | null} read
 * @returns {{ sheets: SheetPart[], date1904: boolean, stylesPath?: string, stringsPath?: string }}
 */
function workbookParts(read) {
  const xml = read('xl/workbook.xml')
  const relsXml = read('xl/_rels/workbook.xml.rels')
  if (xml === null || relsXml === null) throw unsupported('workbook part')
  assertTransitional(xml)
  /** @type {Map<string | undefined, { type: string, path: string }>} */
  const targets = new Map()
  for (const m of relsXml.matchAll(REL_TAG)) {
    const a = attributes(m[1])
    const target = a.get('Target') ?? ''
    targets.set(a.get('Id'), { type: a.get('Type') ?? '', path: target.startsWith('/') ? target.slice(1) : `xl/${target}` })
  }
  /** @type {SheetPart[]} */
  const sheets = []
  for (const m of xml.matchAll(SHEET_TAG)) {
    const a = attributes(m[1])
    const rel = targets.get(a.get('r:id') ?? [...a].find(([k]) => k.endsWith(':id'))?.[1])
    if (!rel || !rel.type.endsWith('/worksheet')) throw unsupported('sheet that is not a worksheet')
    const state = a.get('state')
    sheets.push({ name: unescape(a.get('name') ?? ''), hidden: state === 'hidden' || state === 'veryHidden', path: rel.path })
  }
  const pr = WORKBOOK_PR.exec(xml)
  const date1904 = pr ? /^(1|true)$/.test(attributes(pr[1]).get('date1904') ?? '') : false
  const stylesRel = [...targets.values()].find((t) => t.type.endsWith('/styles'))
  const stringsRel = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'))
  return { sheets, date1904, stylesPath: stylesRel?.path, stringsPath: stringsRel?.path }
}

// The empty <si/> first: `<si\b[^>]*>` would also take it, and the next string's text with it.
const SI = new RegExp(`<${P}si\\b[^>]*/>|<${P}si\\b[^>]*>([\\s\\S]*?)</${P}si>`, 'g')
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g')
const T = new RegExp(`<${P}t\\b[^>]*>([^<]*)</${P}t>`, 'g')

/**
 * The text of a shared string or inline string: its runs' <t> joined, phonetic guides left out.
 * @param {string} inner
 */
function richText(inner) {
  const body = inner.includes('rPh') ? inner.replace(PHONETIC, '') : inner
  let text = ''
  for (const m of body.matchAll(T)) text += m[1]
  return cellText(text)
}

/**
 * @param {string | null} xml
 * @returns {string[]}
 */
function sharedStrings(xml) {
  if (xml === null) return []
  return Array.from(xml.matchAll(SI), (m) => (m[1] === undefined ? '' : richText(m[1])))
}

const NUM_FMT = new RegExp(`<${P}numFmt\\b([^>]*)/?>`, 'g')
const CELL_XFS = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)</${P}cellXfs>`)
const XF = new RegExp(`<${P}xf\\b([^>]*)/?>`, 'g')

/**
 * For each cell style index, whether its number format shows a date.
 * @param {string | null} xml
 * @param {IsDateFormat} isDateFormat
 * @returns {boolean[]}
 */
function dateStyles(xml, isDateFormat) {
  if (xml === null) return []
  /** @type {Map<number, string>} */
  const custom = new Map()
  for (const m of xml.matchAll(NUM_FMT)) {
    const a = attributes(m[1])
    custom.set(Number(a.get('numFmtId')), unescape(a.get('formatCode') ?? ''))
  }
  const xfs = CELL_XFS.exec(xml)?.[1] ?? ''
  return Array.from(xfs.matchAll(XF), (m) => {
    const id = Number(attributes(m[1]).get('numFmtId') ?? 0)
    return isDateFormat(custom.get(id) ?? id)
  })
}

// SheetJS stores error values by code and the thread turns them back into these; anything else is shown as #错误.
const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA'])

const ROW = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g')
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g')
const VALUE = new RegExp(`<${P}v\\b[^>]*>([^<]*)</${P}v>`)
const FORMULA = new RegExp(`<${P}f\\b([^>]*?)(?:/>|>([^<]*)</${P}f>)`)
const INLINE = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`)
const MERGE = new RegExp(`<${P}mergeCell\\b([^>]*)/?>`, 'g')
/**
 * A1-style reference to 0-based row and column: letters A–XFD then digits, nothing else.
 * @param {string} ref
 * @returns {{ r: number, c: number }}
 */
function cellAt(ref) {
  let c = 0
  let i = 0
  for (; i < ref.length && i < 3; i++) {
    const code = ref.charCodeAt(i)
    if (code < 65 || code > 90) break
    c = c * 26 + code - 64
  }
  let r = 0
  const digitsFrom = i
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i)
    if (code < 48 || code > 57) break
    r = r * 10 + code - 48
  }
  if (c === 0 || i === digitsFrom || i !== ref.length) throw unsupported(`cell reference ${ref}`)
  return { r: r - 1, c: c - 1 }
}

/**
 * The text of a content that is one bare <v> and nothing else (most cells), or undefined.
 * @param {string} inner
 */
function bareValue(inner) {
  if (!inner.startsWith('<v>') || !inner.endsWith('</v>')) return undefined
  const v = inner.slice(3, -4)
  return v.includes('<') ? undefined : v
}

/**
 * One <c> (its tag's attributes and its content): the RawCell it stands for, or null when it holds nothing.
 * @param {string} tag
 * @param {string | undefined} inner
 * @param {readonly string[]} strings
 * @param {readonly boolean[]} dates
 * @returns {RawCell | null}
 */
function readCell(tag, inner, strings, dates) {
  const type = attr(tag, 't') ?? 'n'
  const bare = inner === undefined ? undefined : bareValue(inner)
  /** @type {string | undefined} */
  let formula
  if (bare === undefined && inner !== undefined && inner.includes('<')) {
    const f = FORMULA.exec(inner)
    if (f) {
      const fa = attributes(f[1])
      if (fa.get('t') === 'shared' || fa.get('t') === 'array') throw unsupported('shared or array formula')
      // Excel's _xlfn. prefix marks newer functions; SheetJS and the user know them without it.
      formula = cellText(f[2] ?? '').replace(/_xlfn\./g, '')
    }
  }
  /** @type {(cell: RawCell) => RawCell} */
  const withFormula = (cell) => (formula === undefined ? cell : { ...cell, formula })
  if (type === 'inlineStr') {
    const is = inner === undefined ? null : INLINE.exec(inner)
    return withFormula({ t: 's', v: is ? richText(is[1]) : '' })
  }
  const v = (bare ?? (inner === undefined ? undefined : VALUE.exec(inner)?.[1])) || undefined
  if (v === undefined) return formula === undefined ? null : { t: 'z', v: null, formula }
  switch (type) {
    case 's': {
      const text = strings[Number(v)]
      if (text === undefined) throw unsupported('shared string index')
      return withFormula({ t: 's', v: text })
    }
    case 'str':
      return withFormula({ t: 's', v: cellText(v) })
    case 'b':
      return withFormula({ t: 'b', v: v === '1' || v === 'true' })
    case 'e': {
      const text = unescape(v)
      return withFormula({ t: 'e', v: ERRORS.has(text) ? text : '#错误' })
    }
    case 'n': {
      /** @type {RawCell} */
      const cell = { t: 'n', v: Number(v) }
      if (dates[Number(attr(tag, 's') ?? 0)]) cell.date = true
      return withFormula(cell)
    }
    default:
      throw unsupported(`cell type ${type}`)
  }
}

/**
 * @param {string} xml
 * @param {SheetPart} sheet
 * @param {readonly string[]} strings
 * @param {readonly boolean[]} dates
 * @param {SheetBudget} budget
 * @returns {RawSheet}
 */
function readSheet(xml, sheet, strings, dates, budget) {
  assertTransitional(xml)
  const tally = budget.sheet(sheet.name)
  // Rows without a kept cell stay holes: a cell at row 1,048,576 costs one row, not a million.
  /** @type {RawSheet['rows']} */
  const rows = []
  /** @type {number[]} */
  const hiddenRows = []
  let nextRow = 0
  for (const rm of xml.matchAll(ROW)) {
    const rowNumber = attr(rm[1], 'r')
    const r = rowNumber !== undefined ? Number(rowNumber) - 1 : nextRow
    // A row number past Excel's last row (or not a number) is damage, never data; as an index it would make
    // `rows` billions long.
    if (!Number.isInteger(r) || r < 0 || r >= EXCEL_ROWS) {
      const detail = `工作表“${sheet.name}”的行号“${rowNumber}”超出 Excel 的范围，文件已损坏`
      throw new SheetCapExceeded({ ok: false, code: 'PARSE_FAILED', sheet: sheet.name, detail })
    }
    nextRow = r + 1
    if (/^(1|true)$/.test(attr(rm[1], 'hidden') ?? '')) hiddenRows.push(r)
    if (rm[2] === undefined) continue
    /** @type {(RawCell | null)[]} */
    const cells = []
    let kept = 0
    let nextCol = 0
    for (const cm of rm[2].matchAll(CELL)) {
      const ref = attr(cm[1], 'r')
      const c = ref !== undefined ? cellAt(ref).c : nextCol
      nextCol = c + 1
      const cell = readCell(cm[1], cm[2], strings, dates)
      if (cell === null) continue
      if (tally.place(cells, c, cell)) kept++
    }
    if (kept === 0) continue
    tally.row(kept)
    rows[r] = cells
  }
  /** @type {CellRange[]} */
  const merges = []
  // Most sheets have none, and the pattern is slow to rule out at every tag of a long sheet.
  const mergesAt = xml.indexOf('mergeCell')
  for (const m of mergesAt < 0 ? [] : xml.slice(xml.lastIndexOf('<', mergesAt)).matchAll(MERGE)) {
    const [from, to = from] = (attributes(m[1]).get('ref') ?? '').split(':')
    merges.push({ s: cellAt(from), e: cellAt(to) })
  }
  return { name: sheet.name, hidden: sheet.hidden, rows, hiddenRows, ...tally.finish(merges, rows.length) }
}

/**
 * The workbook, a refusal of the caps (`{ ok: false, code: 'TOO_MANY_ROWS' | 'TOO_MANY_CELLS', sheet, detail }`, see
 * sheetCaps.mjs), or null when the file is outside what this reader knows (or it stumbles on anything else).
 * `isDateFormat(formatCodeOrBuiltInId)` decides which number formats are dates. `entries` are the zip's entries by
 * part name (partName), inflated and checked by zipScan.mjs.
 * @param {ReadonlyMap<string, Buffer>} entries
 * @param {SheetCaps} caps
 * @param {IsDateFormat} isDateFormat
 * @returns {ParseOutcome | null}
 */
export function readXlsx(entries, caps, isDateFormat) {
  try {
    /** @param {string} name */
    const read = (name) => xmlText(entries.get(partName(name)) ?? null)
    const parts = workbookParts(read)
    const strings = sharedStrings(parts.stringsPath ? read(parts.stringsPath) : null)
    const dates = dateStyles(parts.stylesPath ? read(parts.stylesPath) : null, isDateFormat)
    const budget = sheetBudget(caps)
    /** @type {RawSheet[]} */
    const sheets = []
    for (const sheet of parts.sheets) {
      const xml = read(sheet.path)
      if (xml === null) throw unsupported('missing sheet part')
      sheets.push(readSheet(xml, sheet, strings, dates, budget))
    }
    return { ok: true, workbook: { date1904: parts.date1904, sheets } }
  } catch (e) {
    if (e instanceof SheetCapExceeded) return e.failure
    // Outside the subset, or damaged in a way SheetJS may still read or explain: SheetJS decides.
    return null
  }
}
