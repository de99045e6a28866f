// @ts-check
// A CSV file read as text in the parser thread (parseWorker.mjs), never by SheetJS, which guesses types (an 18-digit
// code becomes a rounded number, 2024/6/30 a date, 0930… loses its 0) and reads UTF-8 without BOM as mojibake. Every
// field stays text; the annex columns decide what it means.
//
// papaparse reads the text a chunk at a time and hands over one record at a time, so each cap stops the parse where
// it is hit: nothing past the last row allowed is split, and no record longer than any spreadsheet row is held.
//
// Plain JavaScript, like every module the parser thread loads, typed as parseWorker.mjs says.
/** @import { ParseConfig, Parser, ParseResult } from 'papaparse' */
/** @import { ParseOutcome } from './parseInWorker' */
/** @import { RawCell, RawSheet } from './rawWorkbook' */
/** @import { SheetCaps } from './sheetCaps.mjs' */
import Papa from 'papaparse'
import { SheetCapExceeded, sheetBudget } from './sheetCaps.mjs'

/**
 * A line of a real table has a few hundred characters, and a cell holds at most 32,767 (Excel's limit). A record
 * still open after this many is refused: a hostile line costs a few chunks, not the file.
 */
const MAX_RECORD_CHARS = 1_000_000
/**
 * Text handed to papaparse at a time. A record still open at the end of a chunk is read again with the next one, so
 * smaller chunks cost more on long records; larger ones split more lines past the row cap (measured, bench/csvBench).
 */
const CHUNK_CHARS = 256 * 1024
/** Enough of the text to hold the first line of any real table. */
const SNIFF_CHARS = 64 * 1024
const DELIMITERS = [',', ';', '\t']

/**
 * The file as a one-sheet RawWorkbook named after the file, or why it is refused: binary content, a quote left open,
 * a record too long, more than `caps.maxRows` records (blank lines count: a CSV row is a line of the file), more
 * cells than `caps.maxCells`. Fields right of `caps.maxColumns` are left out and reported, as in a workbook
 * (sheetCaps.mjs).
 * @param {Uint8Array} bytes
 * @param {string} fileName
 * @param {SheetCaps} caps
 * @returns {ParseOutcome}
 */
export function readCsv(bytes, fileName, caps) {
  const { maxRows, maxColumns } = caps
  const text = withoutFinalLineBreak(decodeText(bytes))
  if (text.includes('\0')) return failed('文件含有二进制数据，不是文本格式的 CSV')
  const name = sheetName(fileName)
  const tally = sheetBudget(caps).sheet(name)
  /** @type {RawSheet['rows']} */
  const rows = []
  /** @type {ParseOutcome | null} */
  let refusal = null
  let chunks = 0
  /** @type {(parser: Parser, outcome: ParseOutcome) => void} */
  const refuse = (parser, outcome) => {
    refusal = outcome
    parser.abort()
  }
  try {
    // papaparse calls `chunk` for text too; its types declare it only for files, hence the cast.
    Papa.parse(text, /** @type {ParseConfig<string[]>} */ ({
      delimiter: sniffDelimiter(text),
      chunkSize: CHUNK_CHARS,
      step: ({ data, errors, meta }, parser) => {
        const row = rows.length + 1
        if (errors.length > 0) return refuse(parser, failed(`第 ${row} 行有引号不成对的单元格`))
        if (row > maxRows) {
          const total = row + recordsAfter(text, meta.cursor, meta.linebreak)
          return refuse(parser, { ok: false, code: 'TOO_MANY_ROWS', detail: String(total) })
        }
        for (let c = maxColumns; c < data.length; c++) if (data[c] !== '') tally.clip(c)
        const cells = Array.from({ length: Math.min(data.length, maxColumns) }, (_, c) => csvCell(data[c]))
        tally.row(cells.reduce((kept, cell) => kept + (cell ? 1 : 0), 0))
        rows.push(cells)
      },
      // After each chunk: the record still open there has been read this far without ending.
      /** @type {(results: ParseResult<string[]>, parser: Parser) => void} */
      chunk: ({ meta }, parser) => {
        const open = Math.min(++chunks * CHUNK_CHARS, text.length) - meta.cursor
        if (open > MAX_RECORD_CHARS) {
          refuse(parser, failed(`第 ${rows.length + 1} 行超过 ${MAX_RECORD_CHARS / 10_000} 万个字符，疑似异常文件`))
        }
      }
    }))
  } catch (e) {
    if (e instanceof SheetCapExceeded) return e.failure
    throw e
  }
  if (refusal) return refusal
  /** @type {RawSheet} */
  const sheet = { name, hidden: false, rows, hiddenRows: [], ...tally.finish([], rows.length) }
  return { ok: true, workbook: { date1904: false, sheets: [sheet] } }
}

/**
 * @param {string} detail
 * @returns {ParseOutcome}
 */
const failed = (detail) => ({ ok: false, code: 'PARSE_FAILED', detail })

/** @param {string} fileName */
const sheetName = (fileName) => fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '')

/**
 * UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030. Excel's and WPS's CSV on Chinese Windows is GBK;
 * GB18030 reads it alike, plus the characters GBK lacks (䶮, 𬌗 in names), which a 'gbk' decoder turns into �.
 * @param {Uint8Array} bytes
 * @returns {string}
 */
function decodeText(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/**
 * The line break that ends the last line ends no record: papaparse would read an empty one after it.
 * @param {string} text
 */
function withoutFinalLineBreak(text) {
  if (text.endsWith('\r\n')) return text.slice(0, -2)
  return text.endsWith('\n') || text.endsWith('\r') ? text.slice(0, -1) : text
}

/**
 * The separator that occurs most often outside quotes in the first line: comma, semicolon or tab.
 * @param {string} text
 * @returns {string}
 */
function sniffDelimiter(text) {
  const head = text.slice(0, SNIFF_CHARS)
  /** @param {string} delimiter */
  const fieldsOfFirstLine = (delimiter) => Papa.parse(head, { delimiter, preview: 1 }).data[0]?.length ?? 0
  const counts = DELIMITERS.map(fieldsOfFirstLine)
  return DELIMITERS[counts.indexOf(Math.max(...counts))]
}

/**
 * The records that start at or after `from` (where one ended), counted by their line breaks instead of parsed, for
 * the message of a file refused anyway (a line break inside a quoted cell counts as one more).
 * @param {string} text
 * @param {number} from
 * @param {string} linebreak
 */
function recordsAfter(text, from, linebreak) {
  if (from >= text.length) return 0
  const end = linebreak.charCodeAt(linebreak.length - 1)
  let count = 1
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) === end) count++
  return count
}

/**
 * Our own CSV export puts one `'` before a leading = + - @ (OWASP); reading it back removes exactly that one.
 * @param {string} field
 * @returns {RawCell | null}
 */
function csvCell(field) {
  if (field === '') return null
  return { t: 's', v: /^'[=+\-@\t\r\n\0]/.test(field) ? field.slice(1) : field }
}
