import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { valueFromText } from '@shared/validation/cellInput'
import { cleanText, isoFromExcelSerial, normalizePhone, parseDateText } from '@shared/domain/normalize'
import { createValidationContext, validateLedger, validateRecord } from '@shared/validation/validateRecord'
import { VALID_RECORD } from '../helpers/validRecord'

const ctx = createValidationContext(defaultCampaign, annex2)
const good = VALID_RECORD
const codes = (f: RecordFields): string[] => validateRecord(f, annex2, ctx).map((i) => `${i.severity}:${i.code}:${i.field}`)

describe('validateRecord', () => {
  it('a complete, correct row has no issue', () => {
    expect(codes(good)).toEqual([])
  })
  it('flags each defect on its field, errors apart from warnings', () => {
    expect(codes({ ...good, uscc: '91622901MA76YR07N7' })).toEqual(['error:USCC_CHECKSUM:uscc'])
    expect(codes({ ...good, phone: '139309123456789' })).toEqual(['error:PHONE_FORMAT:phone'])
    expect(codes({ ...good, phone: '0931-8123456' })).toEqual(['warning:PHONE_AREA:phone'])
    expect(codes({ ...good, town: '城东街道' })).toEqual(['error:TOWN_UNKNOWN:town'])
    expect(codes({ ...good, category: '整改' })).toEqual(['error:ENUM_INVALID:category'])
    expect(codes({ ...good, problemTypes: [] })).toEqual(['error:REQUIRED_EMPTY:problemTypes'])
    expect(codes({ ...good, deadline: '2023-01-01' })).toEqual(['error:DATE_OUT_OF_RANGE:deadline'])
    expect(codes({ ...good, deadline: '6月30日' })).toEqual(['error:DATE_NO_YEAR:deadline'])
    expect(codes({ ...good, problems: '=HYPERLINK("http://x","y")' })).toEqual(['warning:FORMULA_TEXT:problems'])
    expect(codes({ ...good, name: '临夏市\u202e厂' })).toEqual(['error:CONTROL_CHAR:name'])
    expect(codes({ ...good, measures: '' })).toEqual(['warning:REQUIRED_BY_CATEGORY:measures'])
  })
  it('takes the plan’s own words for 拟整治类别 and refuses the ambiguous ones with the choices named', () => {
    const category = annex2.columns.find((c) => c.key === 'category')!
    const stored = (typed: string): unknown => valueFromText(category, typed, defaultCampaign)
    expect(['停产整治', '整治类', ' 整 治 类 '].map(stored)).toEqual(['升级改造', '升级改造', '升级改造'])
    expect(['关停', '关闭取缔', '依法取缔'].map(stored)).toEqual(['关停取缔', '关停取缔', '关停取缔'])
    // The words of the lists units receive (issue 22; one test each in realWords.test.ts).
    expect(['淘汰类', '提升改造', '改造提升', '规范类'].map(stored)).toEqual(['关停取缔', '升级改造', '升级改造', '升级改造'])
    for (const word of ['清理类', '关停并转', '清理 类', '取缔搬离']) {
      const issues = validateRecord({ ...good, category: stored(word) as string }, annex2, ctx)
      expect(issues.map((i) => `${i.severity}:${i.code}:${i.field}`)).toEqual(['error:ENUM_AMBIGUOUS:category'])
    }
    expect(validateRecord({ ...good, category: '清理类' }, annex2, ctx)[0]?.message).toBe('「拟整治类别」“清理类”可指关停取缔或整合搬迁，请按该企业的实际情况改填其中之一')
    expect(validateRecord({ ...good, category: '关停并转' }, annex2, ctx)[0]?.message).toBe('「拟整治类别」“关停并转”可指关停取缔、整合搬迁或升级改造，请按该企业的实际情况改填其中之一')
    expect(validateRecord({ ...good, category: '取缔搬离' }, annex2, ctx)[0]?.message).toBe('「拟整治类别」“取缔搬离”可指关停取缔或整合搬迁，请按该企业的实际情况改填其中之一')
  })
  it('allows 无 as code only for unlicensed businesses', () => {
    expect(codes({ ...good, uscc: '无' })).toEqual(['error:REQUIRED_EMPTY:uscc'])
    expect(codes({ ...good, uscc: '无', licBusiness: '无' })).toEqual([])
    expect(codes({ ...good, uscc: '无', sector: '无证照' })).toEqual([])
  })
  it('messages are Chinese and say what to do', () => {
    const [issue] = validateRecord({ ...good, uscc: '91622901MA76YR07N7' }, annex2, ctx)
    expect(issue?.message).toBe('「统一社会信用代码」校验位错误（按 GB 32100 应为“0”），请对照营业执照逐位核对')
  })
})

describe('validateLedger', () => {
  it('flags a code used twice on the later row and a repeated name + address as a warning', () => {
    const rows = [
      { id: 'a', fields: good },
      { id: 'b', fields: { ...good, address: '别处' } },
      { id: 'c', fields: { ...good, uscc: '无', licBusiness: '无', address: ' 临夏市八坊街道大南岔社区东环路8号 ' } }
    ]
    const r = validateLedger(rows, annex2, ctx)
    expect(r.get('a')).toEqual([])
    expect(r.get('b')?.map((i) => i.code)).toEqual(['USCC_DUPLICATE'])
    expect(r.get('b')?.[0]?.message).toContain('与第1行重复')
    expect(r.get('c')?.map((i) => i.code)).toEqual(['NAME_ADDRESS_DUPLICATE'])
  })
  it('re-checks only changed rows when given a cache', () => {
    const cache = new WeakMap()
    const rows = [{ id: 'a', fields: good }]
    validateLedger(rows, annex2, ctx, cache)
    expect(cache.has(good)).toBe(true)
  })
})

describe('normalisation of typed and pasted text', () => {
  it('trims every kind of space a paste brings at either end, and only there', () => {
    const cases: [string, string][] = [
      ['\u3000临夏市八坊街道\u3000', '临夏市八坊街道'],
      ['\u200b\ufeff马家皮毛 加工\u00a0\t', '马家皮毛 加工'],
      [' \n', ''],
      ['', ''],
      ['a', 'a'],
      ['临夏　市', '临夏　市'],
      ['\u200c', '']
    ]
    for (const [raw, clean] of cases) expect(cleanText(raw)).toBe(clean)
  })
  it('trims exactly what the space pattern finds at the ends, whatever the characters', () => {
    // Every space JavaScript knows, the zero-width ones, and neighbours of the ranges the fast path decides alone.
    const edges = ' \t\n\v\f\r\u0085\u00a0\u1680\u2000\u200a\u200b\u200d\u200e\u2028\u2029\u202f\u205f\u3000\u3001\ufeff\uff01!~临a'
    const edge = /^[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+|[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+$/g
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...edges), { maxLength: 6 }), fc.string({ maxLength: 4 }), (ends, middle) => {
        const s = `${ends.join('')}${middle}${[...ends].reverse().join('')}`
        expect(cleanText(s)).toBe(s.replace(edge, ''))
      }),
      { numRuns: 2000 }
    )
  })
  it('reads dates as clerks write them and never guesses a year', () => {
    for (const s of ['2024-6-30', '2024/6/30', '2024.06.30', '2024年6月30日', '２０２４年６月３０日', '2024-06-30 00:00:00']) {
      expect(parseDateText(s)).toEqual({ ok: true, iso: '2024-06-30' })
    }
    expect(parseDateText('6月30日')).toEqual({ ok: false, code: 'DATE_NO_YEAR' })
    expect(parseDateText('2024-06-31')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    expect(parseDateText('2024年6月底')).toEqual({ ok: true, iso: '2024-06-30', phrase: 'monthEnd' })
    expect(parseDateText('2024年6月初')).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
  })
  it('converts Excel serials in both date systems and refuses the fictitious 1900-02-29', () => {
    expect(isoFromExcelSerial(45292)).toBe('2024-01-01')
    expect(isoFromExcelSerial(45292, true)).toBe('2028-01-02')
    expect(isoFromExcelSerial(61)).toBe('1900-03-01')
    expect(isoFromExcelSerial(59)).toBe('1900-02-28')
    expect(isoFromExcelSerial(60)).toBeNull()
  })
  it('normalises phones and codes, maps synonyms and unit aliases', () => {
    expect(normalizePhone('+86 157 8498 4265')).toBe('15784984265')
    expect(normalizePhone('０９３０－６２１２３４５')).toBe('0930-6212345')
    const col = (k: string) => annex2.columns.find((c) => c.key === k)!
    expect(valueFromText(col('category'), ' 治理改造 ', defaultCampaign)).toBe('升级改造')
    expect(valueFromText(col('leadDept'), '市水务局', defaultCampaign)).toBe('市水务水电局')
    expect(valueFromText(col('town'), '临夏市八坊街道办事处', defaultCampaign)).toBe('八坊街道')
    expect(valueFromText(col('problemTypes'), '散,乱／污', defaultCampaign)).toEqual(['散', '乱', '污'])
    expect(valueFromText(col('uscc'), ' ９１６２２９０１ｍａ７ＦＬＤ４ＥＮ１ ', defaultCampaign)).toBe('91622901MA7FLD4EN1')
  })
})
