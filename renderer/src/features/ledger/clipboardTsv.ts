/**
 * The text/plain clipboard of Excel, WPS and LibreOffice: tab-separated cells, CRLF rows, a cell holding a tab, a
 * quote or a line break wrapped in double quotes ("" for a quote). papaparse reads and writes it.
 */
import Papa from 'papaparse'

/**
 * The cells of a copied block. The line break Excel puts after the last row makes no extra row. A cell that only
 * starts with a quote ("老马"汽修, copied as is) is no quoted cell: when the quotes do not pair up, the text is
 * read again with quotes as plain characters.
 */
export function parseClipboardTsv(text: string): string[][] {
  const read = (quoteChar: string): Papa.ParseResult<string[]> => Papa.parse<string[]>(text, { delimiter: '\t', quoteChar, escapeChar: quoteChar })
  let parsed = read('"')
  // NUL is never typed into a cell, so with it as the quote character no cell is quoted.
  if (parsed.errors.some((e) => e.type === 'Quotes')) parsed = read('\u0000')
  const rows = parsed.data
  const last = rows[rows.length - 1]
  if (last && last.length === 1 && last[0] === '') rows.pop()
  return rows
}

/** A block as Excel puts it on the clipboard: CRLF after every row, the last one included. */
export function toClipboardTsv(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return ''
  return Papa.unparse(rows as string[][], { delimiter: '\t', newline: '\r\n', quoteChar: '"', escapeChar: '"' }) + '\r\n'
}
