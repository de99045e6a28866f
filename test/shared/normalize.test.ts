import { describe, expect, it } from 'vitest'
import {
  cleanText,
  hasControlChars,
  isoFromExcelSerial,
  isoFromParts,
  looksLikeFormula,
  normalizeCode,
  normalizePhone,
  parseDateText,
  splitMulti
} from '@shared/domain/normalize'

describe('cleanText trims the spaces a paste brings, at the ends only', () => {
  it('trims ASCII spaces, tabs and line breaks, NBSP, the ideographic space and the zero-width characters', () => {
    for (const sp of [' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2003']) {
      expect(cleanText(`${sp}临夏`), `leading U+${sp.charCodeAt(0).toString(16)}`).toBe('临夏')
      expect(cleanText(`临夏${sp}`), `trailing U+${sp.charCodeAt(0).toString(16)}`).toBe('临夏')
    }
  })
  it('trims one end when only that end has spaces', () => {
    expect(cleanText('  八坊街道')).toBe('八坊街道')
    expect(cleanText('八坊街道  ')).toBe('八坊街道')
    expect(cleanText(' \u3000 ')).toBe('')
  })
  it('keeps the characters next to the space ranges: !, ~, the control character U+0001, 、 and full-width ！', () => {
    for (const s of ['!a!', '~a~', '\u0001a\u0001', '、a、', '！a！', '\u00a1a\u00a1', '\u3001']) expect(cleanText(s)).toBe(s)
  })
  it('keeps spaces inside the text', () => {
    expect(cleanText('马家皮毛 加工')).toBe('马家皮毛 加工')
  })
})

describe('codes are compared in one spelling', () => {
  it('full-width turns half-width, every space goes, letters go upper case', () => {
    expect(normalizeCode(' ９１６２２９０１ｍａ７ＦＬＤ４ＥＮ１ ')).toBe('91622901MA7FLD4EN1')
    expect(normalizeCode('9162 2901\u00a0MA7F\u3000LD4E\u200bN1\t')).toBe('91622901MA7FLD4EN1')
  })
})

describe('phones are written one way', () => {
  it('a mobile loses its +86 or 86, spaces and dashes', () => {
    expect(normalizePhone('+86 157 8498 4265')).toBe('15784984265')
    expect(normalizePhone('86-157-8498-4265')).toBe('15784984265')
    expect(normalizePhone('8615784984265')).toBe('15784984265')
    expect(normalizePhone(' 157 8498 4265 ')).toBe('15784984265')
    expect(normalizePhone(' +86 157 8498 4265')).toBe('15784984265')
  })
  it('every dash, full-width or typographic, becomes the ASCII hyphen', () => {
    for (const d of ['－', '﹣', '﹘', '\u2010', '\u2011', '\u2013', '\u2014', '\u2015', '\u2212']) {
      expect(normalizePhone(`0930${d}6212345-12`), `U+${d.charCodeAt(0).toString(16)}`).toBe('0930-6212345-12')
    }
  })
  it('a landline gets one dash after its area code: three digits for 010 and 02x, four for the rest', () => {
    expect(normalizePhone('0930 6212345')).toBe('0930-6212345')
    expect(normalizePhone('09306212345')).toBe('0930-6212345')
    expect(normalizePhone('0931-82345678')).toBe('0931-82345678')
    expect(normalizePhone('010 12345678')).toBe('010-12345678')
    expect(normalizePhone('0211234567')).toBe('021-1234567')
    expect(normalizePhone('0930 6012345')).toBe('0930-6012345')
    expect(normalizePhone('+86 0930 6212345')).toBe('0930-6212345')
    expect(normalizePhone('86 0930-6212345')).toBe('0930-6212345')
  })
  it('86 is a prefix only before a mobile or an area code', () => {
    expect(normalizePhone('+86 120 1234 5678')).toBe('+8612012345678')
    expect(normalizePhone('861234567')).toBe('861234567')
    expect(normalizePhone('0086 157 8498 4265')).toBe('008615784984265')
  })
  it('a number that fits no pattern is kept as typed, without spaces, for the validator to name', () => {
    expect(normalizePhone('0930 621234')).toBe('0930621234')
    expect(normalizePhone('0930 621234567')).toBe('0930621234567')
    expect(normalizePhone('0930-621-2345')).toBe('0930-621-2345')
    expect(normalizePhone('09 30 6212345')).toBe('09306212345')
    expect(normalizePhone('0930-6212345-8001')).toBe('0930-6212345-8001')
    expect(normalizePhone('0930x6212345')).toBe('0930x6212345')
    expect(normalizePhone('1930 6212345')).toBe('19306212345')
    expect(normalizePhone('x09306212345')).toBe('x09306212345')
    expect(normalizePhone('093062123456x')).toBe('093062123456x')
    expect(normalizePhone('157 8498 42651')).toBe('157849842651')
    expect(normalizePhone('157-8498-42651')).toBe('157-8498-42651')
    expect(normalizePhone('x-157-8498-4265')).toBe('x-157-8498-4265')
    expect(normalizePhone('x0930 6212345')).toBe('x09306212345')
    expect(normalizePhone('0930 6212345-')).toBe('09306212345-')
  })
  it('the area code decides where the dash goes: digits that fit only with another area code are kept as typed', () => {
    expect(normalizePhone('0101 23456789')).toBe('010123456789')
    expect(normalizePhone('093 0621234')).toBe('0930621234')
  })
})

describe('dates', () => {
  it('a date is a real calendar day between 1900 and 2100', () => {
    expect(isoFromParts(2024, 2, 29)).toBe('2024-02-29')
    expect(isoFromParts(1900, 1, 1)).toBe('1900-01-01')
    expect(isoFromParts(2100, 12, 31)).toBe('2100-12-31')
    for (const [y, m, d] of [[2023, 2, 29], [2024, 6, 31], [2024, 13, 1], [2024, 0, 10], [2024, 1, 0], [2024, 1, 32], [2023, 1, 366], [1899, 12, 31], [2101, 1, 1], [2024.5, 1, 1], [2024, 1.5, 1], [2024, 1, 1.5]] as const) {
      expect(isoFromParts(y, m, d), `${y}-${m}-${d}`).toBeNull()
    }
  })
  it('reads year, month and day with one separator, -, / or ., and pads them', () => {
    expect(parseDateText('2024-6-3')).toEqual({ ok: true, iso: '2024-06-03' })
    expect(parseDateText('2024/06/30')).toEqual({ ok: true, iso: '2024-06-30' })
    expect(parseDateText('2024.6.30')).toEqual({ ok: true, iso: '2024-06-30' })
    expect(parseDateText('2024 - 6 - 30')).toEqual({ ok: true, iso: '2024-06-30' })
    expect(parseDateText('2024-6/30')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    expect(parseDateText('2024-6-30-1')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    expect(parseDateText('24-6-30')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    expect(parseDateText('12024-06-30')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    expect(parseDateText('x2024-06-30')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    expect(parseDateText('2024-123-1')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    expect(parseDateText('2024-1-123')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
  })
  it('ignores a midnight time that Excel or a program adds, and nothing else', () => {
    for (const s of ['2024-06-30 0:00', '2024/6/30 0:00 ', '2024-06-30\u200b00:00', '2024-06-30 00:00:00', '2024-06-30T00:00:00Z', '2024-06-30T00:00:00.000Z', '2024-06-30T00:00']) {
      expect(parseDateText(s), s).toEqual({ ok: true, iso: '2024-06-30' })
    }
    for (const s of ['2024-06-30 12:00', '2024-06-30 00:30', '2024-06-30 000:00', '2024-06-30 00:00:01', '2024-06-30 00:00:00.5', '2024-06-30 00:00:00.', '2024-06-3000:00', '2024-06-30 00:00x']) {
      expect(parseDateText(s), s).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    }
  })
  it('keeps the day a day when a time follows it: 2024-6-3 00:00 is the 3rd, not the 30th', () => {
    expect(parseDateText('2024-6-3 00:00')).toEqual({ ok: true, iso: '2024-06-03' })
    expect(parseDateText('2024-6-3 00:00:00')).toEqual({ ok: true, iso: '2024-06-03' })
    expect(parseDateText('2024/6/1T00:00:00Z')).toEqual({ ok: true, iso: '2024-06-01' })
  })
  it('reads 年月日 and 号, or no day word at all', () => {
    expect(parseDateText('2024年6月3日')).toEqual({ ok: true, iso: '2024-06-03' })
    expect(parseDateText('2024年06月30号')).toEqual({ ok: true, iso: '2024-06-30' })
    expect(parseDateText('2024年6月30')).toEqual({ ok: true, iso: '2024-06-30' })
    expect(parseDateText(' 2024 年 6 月 30 日 ')).toEqual({ ok: true, iso: '2024-06-30' })
    // A deadline phrase is read, and says so (issue 22; its cases in realWords.test.ts).
    expect(parseDateText('2024年6月30日前')).toEqual({ ok: true, iso: '2024-06-30', phrase: 'before' })
    expect(parseDateText('约2024年6月30日')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    expect(parseDateText('2024年6月31日')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
  })
  it('never guesses the year of 6月30日, 6.30, 6/30 or 6-30', () => {
    for (const s of ['6月30日', '6 月 30 日', '6月30号', '12月1', '6.30', '6/30', '6-30', '06-30']) expect(parseDateText(s), s).toEqual({ ok: false, code: 'DATE_NO_YEAR' })
    expect(parseDateText('6月30日前')).toEqual({ ok: false, code: 'DATE_NO_YEAR' })
    for (const s of ['第6月30日', '6.30.1', 'a6.30', '6.30a', '6:30', '123.30']) expect(parseDateText(s), s).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
  })
  it('turns an Excel serial into its day, the time of day ignored, from serial 1 = 1900-01-01', () => {
    expect(isoFromExcelSerial(1)).toBe('1900-01-01')
    expect(isoFromExcelSerial(45292.99)).toBe('2024-01-01')
    expect(isoFromExcelSerial(1, true)).toBe('1904-01-02')
    expect(isoFromExcelSerial(0, true)).toBeNull()
    expect(isoFromExcelSerial(59.5)).toBe('1900-02-28')
    expect(isoFromExcelSerial(60.5)).toBeNull()
    expect(isoFromExcelSerial(61)).toBe('1900-03-01')
    for (const s of [0, 0.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e6]) expect(isoFromExcelSerial(s), String(s)).toBeNull()
  })
})

describe('multi-choice cells (问题类型)', () => {
  it('split at 、 , ， ; ； / ／ and spaces, empty parts dropped', () => {
    expect(splitMulti('散、乱,污')).toEqual(['散', '乱', '污'])
    expect(splitMulti('散，乱；污')).toEqual(['散', '乱', '污'])
    expect(splitMulti('散;乱/污')).toEqual(['散', '乱', '污'])
    expect(splitMulti(' 散 ／乱\u3000污、、')).toEqual(['散', '乱', '污'])
    expect(splitMulti('')).toEqual([])
  })
})

describe('text that would fool the reader', () => {
  it('control characters other than tab and line breaks, and bidi overrides, are found', () => {
    for (const c of [0x0, 0x8, 0xb, 0xc, 0xe, 0x1f, 0x7f, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069]) {
      expect(hasControlChars(`临${String.fromCharCode(c)}夏`), `U+${c.toString(16)}`).toBe(true)
    }
    for (const s of ['临\t夏', '临\n夏', '临\r\n夏', '临 夏', '\u200d', '\u2065', '\u202f', '\u0080']) expect(hasControlChars(s), JSON.stringify(s)).toBe(false)
  })
  it('text that starts with = would be a formula in Excel; = elsewhere is plain text', () => {
    expect(looksLikeFormula('=HYPERLINK("http://x","y")')).toBe(true)
    expect(looksLikeFormula('a=b')).toBe(false)
    expect(looksLikeFormula('1+1=')).toBe(false)
  })
})
