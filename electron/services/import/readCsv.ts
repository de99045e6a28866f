import type { ImportLimits } from './limits'
import type { ParseOutcome } from './parseInWorker'
import type { RawCell, RawSheet } from './rawWorkbook'

/**
 * CSV is decoded and split here rather than by SheetJS, which guesses types (a 18-digit code becomes a rounded
 * number, 2024/6/30 a date, 0930… loses its 0) and reads UTF-8 without BOM as mojibake. Every field stays text; the
 * annex columns decide what it means.
 */
export function readCsv(bytes: Buffer, fileName: string, limits: ImportLimits): ParseOutcome {
  const text = decodeText(bytes)
  if (text.includes('\0')) return { ok: false, code: 'PARSE_FAILED', detail: '文件含有二进制数据，不是文本格式的 CSV' }
  const rows = splitCsv(text, sniffDelimiter(text))
  if (rows.length > limits.maxRows) return { ok: false, code: 'TOO_MANY_ROWS', detail: String(rows.length) }
  const sheet: RawSheet = {
    name: fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, ''),
    hidden: false,
    rows: rows.map((fields) => fields.map(csvCell)),
    merges: [],
    hiddenRows: []
  }
  return { ok: true, workbook: { date1904: false, sheets: [sheet] } }
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GBK, the code page Excel and WPS use for CSV on Chinese Windows. */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/** The separator that occurs most often outside quotes in the first line: comma, semicolon or tab. */
function sniffDelimiter(text: string): string {
  const counts = new Map([[',', 0], [';', 0], ['\t', 0]])
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  return [...counts].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0]
}

/** RFC 4180: quoted fields may hold separators, doubled quotes and line breaks; CRLF, LF or CR end a record. */
function splitCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch !== '"') field += ch
      else if (text[i + 1] === '"') field += text[++i]
      else quoted = false
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === delimiter) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/** Our own CSV export puts one `'` before a leading = + - @ (OWASP); reading it back removes exactly that one. */
function csvCell(field: string): RawCell | null {
  if (field === '') return null
  return { t: 's', v: /^'[=+\-@\t\r\n\0]/.test(field) ? field.slice(1) : field }
}
