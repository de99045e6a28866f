import type { Alignment, Borders, Fill, Font } from 'exceljs'

/**
 * Fonts every Chinese Windows (Excel, WPS) has. charset 134 (GB2312) makes a machine that lacks one substitute
 * another Chinese font rather than a Latin one. LibreOffice on Linux has none of them and draws Noto CJK (SC glyph
 * shapes, but sans for all); test/electron/export/fonts.conf maps 宋体 to the serif face for rendering checks.
 */
const font = (name: string, size: number, bold = false): Partial<Font> => ({ name, size, bold, charset: 134 })

export const FONTS = {
  label: font('黑体', 14),
  title: font('宋体', 18, true),
  info: font('宋体', 11),
  header: font('黑体', 10),
  body: font('宋体', 10),
  footer: font('宋体', 11)
} as const

/** Font spec of the page footer (Excel header/footer codes). */
export const FOOTER_FONT = '&"宋体,常规"&9'

const thin = { style: 'thin' } as const
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin }
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
/** Rows the reader must notice: darker than the header, so it still shows on a black-and-white print. */
export const SHADE_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } }
/** Rows with errors: light red on screen, a grey as dark as SHADE_FILL's on a black-and-white print. */
export const ERROR_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4B8B8' } }

export function align(horizontal: 'left' | 'center'): Partial<Alignment> {
  return { horizontal, vertical: 'middle', wrapText: true }
}

// Excel's column width unit is the default font's digit (Calibri 11: 7 px); a cell is width × 7 + 5 px wide, of
// which about 4 px is padding. A point is 4/3 px.
const PX_PER_UNIT = 7
const CELL_EXTRA_PX = 1
const PX_PER_PT = 4 / 3

/** Full-width (CJK, full-width punctuation) characters take a whole em, the rest half. */
const WIDE_FROM = 0x2e80
const isWide = (ch: string): boolean => (ch.codePointAt(0) ?? 0) >= WIDE_FROM
const NEWLINE = 10
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** Length in half-width characters: a Chinese character counts two. */
export function halfWidths(text: string): number {
  let n = 0
  for (const ch of text) n += isWide(ch) ? 2 : 1
  return n
}

/** Printed width of text in column-width units. */
export function textWidth(text: string, size: number): number {
  return (halfWidths(text) * size * PX_PER_PT) / 2 / PX_PER_UNIT
}

/** Lines a wrapped cell of that width needs, filling each line character by character as Excel does for Chinese. */
export function lineCount(text: string, width: number, size: number): number {
  const room = width * PX_PER_UNIT + CELL_EXTRA_PX
  const half = (size * PX_PER_PT) / 2
  // Most cells are short: one line even if every character were wide (text.length counts each at least once), with
  // a character to spare so rounding in the loop below could not decide otherwise.
  if ((text.length + 1) * 2 * half <= room && !text.includes('\n')) return 1
  let lines = 1
  let used = 0
  // By UTF-16 unit rather than character (faster on long text): a surrogate pair, wide like all CJK, counts once.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === NEWLINE) {
      lines++
      used = 0
      continue
    }
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++
    const w = code >= WIDE_FROM ? 2 * half : half
    if (used + w > room && used > 0) {
      lines++
      used = 0
    }
    used += w
  }
  return lines
}

/**
 * Row height in points for that many lines. Written explicitly because Excel does not grow rows for wrapped or
 * merged text on open; the line height suits both SimSun and the taller Noto CJK that LibreOffice substitutes.
 */
export function rowHeight(lines: number, size: number, min = 18): number {
  return Math.max(min, Math.ceil(lines * size * 1.4 + 6))
}
