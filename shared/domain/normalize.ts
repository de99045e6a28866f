/**
 * Normalisation of what people type, paste or import, before validation (fixtures README "Normalisation").
 * Pure and lossless for good input: a value that cannot be normalised is returned as typed, so the validator can
 * say what is wrong with it and the user's text is never lost.
 */

// \s already takes NBSP, U+3000 and U+FEFF; the zero-width spaces U+200B–U+200D it does not.
const EDGE_SPACE = /^[\s\u200b-\u200d]+|[\s\u200b-\u200d]+$/g
const ANY_SPACE = /[\s\u200b-\u200d]+/g
// Applied after NFKC, which has already made the full-width and small forms (－ ﹣ ﹘) of these ASCII or U+2014.
const DASHES = /[\u2010-\u2015\u2212]/g

const SPACE_CHAR = /[\s\u200b-\u200d]/

/** Whether cleanText trims this character; ASCII letters, digits and punctuation and CJK are decided without the regex. */
function isSpaceCode(code: number): boolean {
  if ((code > 32 && code < 0xa0) || (code > 0x3000 && code !== 0xfeff)) return false
  return SPACE_CHAR.test(String.fromCharCode(code))
}

/** Trims leading/trailing whitespace including NBSP, U+3000 and zero-width characters. */
export function cleanText(s: string): string {
  // Most text has nothing to trim: looking at its two ends is far cheaper than running the regex over all of it.
  if (!isSpaceCode(s.charCodeAt(0)) && !isSpaceCode(s.charCodeAt(s.length - 1))) return s
  return s.replace(EDGE_SPACE, '')
}

/** Codes: NFKC (full-width → half-width), no whitespace at all, upper case. */
export function normalizeCode(s: string): string {
  return s.normalize('NFKC').replace(ANY_SPACE, '').toUpperCase()
}

/**
 * Phones: NFKC, one kind of dash, no +86 / 86 prefix; a mobile loses its dashes and a landline written without one
 * gets it after the area code (010 and 02x have three digits, all others four): 0930 6212345 → 0930-6212345.
 */
export function normalizePhone(s: string): string {
  let p = s.normalize('NFKC').replace(DASHES, '-').trim()
  p = p.replace(/^\+?86[\s-]*(?=1[3-9]\d|0\d)/, '')
  const digits = p.replace(/[\s-]/g, '')
  if (/^1[3-9]\d{9}$/.test(digits)) return digits
  const area = /^0[12]/.test(digits) ? 3 : 4
  if (/^0\d{2,3}[\s-]*\d{7,8}$/.test(p) && /^\d{7,8}$/.test(digits.slice(area))) {
    return `${digits.slice(0, area)}-${digits.slice(area)}`
  }
  return p.replace(ANY_SPACE, '')
}

/**
 * How a deadline phrase of a notice was read (parseDateText): `monthEnd` for 2024年6月底(前), the month's last day;
 * `before` for 2024年6月30日前 / 之前 / 以前, that day. A plain date has none.
 */
export type DatePhrase = 'monthEnd' | 'before'

export type DateParse =
  | { ok: true; iso: string; phrase?: DatePhrase }
  | { ok: false; code: 'DATE_NO_YEAR' | 'DATE_UNPARSEABLE' }

/** 前, 之前 or 以前 after a deadline: “by”, the day itself included (notices say 6月30日前 for 6月30日). */
const BEFORE = '(?:之前|以前|前)'
const MONTH_END = new RegExp(`^(\\d{4})年(\\d{1,2})月底${BEFORE}?$`)
const DAY_BEFORE = [
  new RegExp(`^(\\d{4})()年(\\d{1,2})月(\\d{1,2})[日号]?${BEFORE}$`),
  new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${BEFORE}$`)
]
const NO_YEAR_PHRASE = new RegExp(`^(?:\\d{1,2}月底${BEFORE}?|\\d{1,2}月\\d{1,2}[日号]?${BEFORE}|\\d{1,2}[-/.]\\d{1,2}${BEFORE})$`)

/** The last day of a month as ISO, or null for a month that is none (2024年13月). */
function monthEndIso(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null
  // Day 0 of the next month is the last day of this one (2月: 28 or 29).
  return isoFromParts(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate())
}

/** A deadline phrase (2024年6月底前, 2024年6月30日之前, 2024.6.30前) read as its date, or null when the text is none. */
function deadlinePhrase(s: string): DateParse | null {
  const end = MONTH_END.exec(s)
  if (end) {
    const iso = monthEndIso(Number(end[1]), Number(end[2]))
    return iso ? { ok: true, iso, phrase: 'monthEnd' } : { ok: false, code: 'DATE_UNPARSEABLE' }
  }
  const m = DAY_BEFORE[0].exec(s) ?? DAY_BEFORE[1].exec(s)
  if (m) {
    const iso = isoFromParts(Number(m[1]), Number(m[3]), Number(m[4]))
    return iso ? { ok: true, iso, phrase: 'before' } : { ok: false, code: 'DATE_UNPARSEABLE' }
  }
  return null
}

/** A midnight time after a date, as Excel, WPS or a program writes it: 0:00, 00:00:00, T00:00:00.000Z. */
const MIDNIGHT = /(?:[\s\u200b-\u200d]+|T)0{1,2}:00(?::00(?:\.0+)?)?Z?[\s\u200b-\u200d]*$/

const DAY_MS = 86_400_000
const pad = (n: number): string => String(n).padStart(2, '0')

/** A real calendar date as ISO, or null (2024-06-31 is not a date). */
export function isoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null
  // Month 13 or day 31 of June roll over into another date, so the round trip refuses every impossible part.
  const t = new Date(Date.UTC(y, m - 1, d))
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

/**
 * Date text as clerks write it: 2024-6-30, 2024/6/30, 2024.6.30, 2024年6月30日, 20240630 (a trailing 0:00:00 is
 * ignored), and the deadline phrases of notices: 2024年6月底(前) is the month's last day, 2024年6月30日前 (之前, 以前,
 * 2024.6.30前) that day, each marked with its `phrase` so that the reader can say what was taken. Year-less text
 * (6月30日, 6.30, 6月底前) is never guessed.
 */
export function parseDateText(raw: string): DateParse {
  const text = raw.normalize('NFKC')
  const s = text.replace(ANY_SPACE, '')
  // The time is cut off at its space or T before the spaces go, so that the 0 of 2024-6-3 00:00 never joins the day.
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text.replace(MIDNIGHT, '').replace(ANY_SPACE, '')) ??
    /^(\d{4})()年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s) ??
    /^(\d{4})()(\d{2})(\d{2})$/.exec(s)
  if (m) {
    const iso = isoFromParts(Number(m[1]), Number(m[3]), Number(m[4]))
    return iso ? { ok: true, iso } : { ok: false, code: 'DATE_UNPARSEABLE' }
  }
  const phrase = deadlinePhrase(s)
  if (phrase) return phrase
  if (/^\d{1,2}月\d{1,2}[日号]?$/.test(s) || /^\d{1,2}[-/.]\d{1,2}$/.test(s) || NO_YEAR_PHRASE.test(s)) return { ok: false, code: 'DATE_NO_YEAR' }
  return { ok: false, code: 'DATE_UNPARSEABLE' }
}

/**
 * Year-less date text (6月30日, 6.30, 6月底前) read in the given year, as a clerk would mean it in that year's
 * campaign; null for any other text, or a day the year has not (2月29日 of 2023). Never applied without the clerk:
 * it is what a DATE_NO_YEAR message proposes.
 */
export function dateInYear(raw: string, year: number): DateParse | null {
  const parsed = parseDateText(raw)
  if (parsed.ok || parsed.code !== 'DATE_NO_YEAR') return null
  const s = raw.normalize('NFKC').replace(ANY_SPACE, '')
  // The year is written the way the rest is: 2024年 before 6月…, 2024. before 6.30, 2024- before 6-30.
  const sep = s.includes('月') ? '年' : (/[-/.]/.exec(s)?.[0] ?? '')
  const d = parseDateText(`${year}${sep}${s}`)
  return d.ok ? d : null
}

/**
 * An Excel date serial as ISO (the time part is ignored). In the 1900 system serial 60 is Excel's fictitious
 * 1900-02-29 and gives null; the 1904 system counts from 1904-01-01.
 */
export function isoFromExcelSerial(serial: number, date1904 = false): string | null {
  // Written so that NaN is refused too; an infinite serial makes no date below.
  if (!(serial >= 1)) return null
  const day = Math.floor(serial)
  let ms: number
  if (date1904) ms = Date.UTC(1904, 0, 1) + day * DAY_MS
  else if (day < 60) ms = Date.UTC(1899, 11, 31) + day * DAY_MS
  else if (day > 60) ms = Date.UTC(1899, 11, 30) + day * DAY_MS
  else return null
  const t = new Date(ms)
  return isoFromParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** A choice as typed, for looking it up: full-width folded (NFKC) and spaces of any kind removed, wherever they stand. */
export function choiceWord(raw: string): string {
  // One by one (a + would change nothing, and leave a mutant no test can see).
  return raw.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b]/g, '')
}

/** Splits a 问题类型 cell: 散、乱 / 散,乱 / 散，乱 / 散/乱 / 散 乱. */
export function splitMulti(raw: string): string[] {
  return raw
    .normalize('NFKC')
    .split(/[、,;/\s]/) // after NFKC, ，；／ are , ; /
    .filter((x) => x !== '')
}

/** Text with C0 control characters (except tab / line breaks) or bidi overrides, which hide what a cell says. */
export function hasControlChars(s: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(s)
}

/** Text that Excel/WPS would take for a formula if it were typed in; we keep it as text and say so. */
export function looksLikeFormula(s: string): boolean {
  return s.startsWith('=')
}
