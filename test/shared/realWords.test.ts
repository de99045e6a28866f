/**
 * The words real tables use (issue 22): deadline phrases of notices, category words of the lists units receive,
 * other counties' header words, headers in traditional characters, a 排污许可证 number in the code column. Each
 * word is checked on the real rules, with the value stored and the Chinese message the clerk reads.
 */
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { columnForHeader, headerLookup, isKnownHeader, normalizeHeader } from '@shared/annexes/headers'
import { ANNEXES } from '@shared/annexes/registry'
import type { AnnexColumn } from '@shared/annexes/types'
import { defaultCampaign } from '@shared/campaign/campaign'
import { dateInYear, parseDateText } from '@shared/domain/normalize'
import { permitNumberCode } from '@shared/domain/uscc'
import type { RecordFields } from '@shared/ledger/record'
import { dateConversionIssue, dateFromTyped, valueFromText, valueFromTyped } from '@shared/validation/cellInput'
import { createValidationContext, validateRecord } from '@shared/validation/validateRecord'
import { VALID_RECORD } from '../helpers/validRecord'

const column = (key: string): AnnexColumn => annex2.columns.find((c) => c.key === key)!
const deadline = column('deadline')
const ctx = createValidationContext(defaultCampaign, annex2)
const good = VALID_RECORD
const issuesOf = (fields: RecordFields): string[] => validateRecord(fields, annex2, ctx).map((i) => `${i.severity}:${i.code}:${i.field}:${i.message}`)

describe('deadline phrases of notices', () => {
  const PHRASES: [text: string, iso: string, message: string][] = [
    ['2024年6月底前', '2024-06-30', '「完成时限」“2024年6月底前”按2024-06-30（该月最后一天）导入，请核对'],
    ['2024年6月底', '2024-06-30', '「完成时限」“2024年6月底”按2024-06-30（该月最后一天）导入，请核对'],
    ['2024年6月底之前', '2024-06-30', '「完成时限」“2024年6月底之前”按2024-06-30（该月最后一天）导入，请核对'],
    ['2024年6月30日前', '2024-06-30', '「完成时限」“2024年6月30日前”按2024-06-30导入，请核对'],
    ['2024年6月30日之前', '2024-06-30', '「完成时限」“2024年6月30日之前”按2024-06-30导入，请核对'],
    ['2024年6月30日以前', '2024-06-30', '「完成时限」“2024年6月30日以前”按2024-06-30导入，请核对'],
    ['2024年6月30号前', '2024-06-30', '「完成时限」“2024年6月30号前”按2024-06-30导入，请核对'],
    ['2024.6.30前', '2024-06-30', '「完成时限」“2024.6.30前”按2024-06-30导入，请核对'],
    ['2024年9月底前', '2024-09-30', '「完成时限」“2024年9月底前”按2024-09-30（该月最后一天）导入，请核对'],
    [' ２０２４年 ７ 月底前 ', '2024-07-31', '「完成时限」“２０２４年 ７ 月底前”按2024-07-31（该月最后一天）导入，请核对']
  ]
  for (const [text, iso, message] of PHRASES) {
    it(`${text.trim()} is stored as ${iso}, typed or imported, with DATE_CONVERTED saying so`, () => {
      expect(valueFromText(deadline, text, defaultCampaign)).toBe(iso)
      expect(valueFromTyped(deadline, text, defaultCampaign)).toBe(iso)
      expect(dateFromTyped(text)).toBe(iso)
      expect(dateConversionIssue(deadline, text)).toEqual({ severity: 'warning', code: 'DATE_CONVERTED', field: 'deadline', message })
      // What is stored is a date like any other: nothing more to say about it.
      expect(issuesOf({ ...good, deadline: iso })).toEqual([])
    })
  }

  it('takes the last day of the month: 28 or 29 for 2月, 31 for 12月', () => {
    expect(parseDateText('2024年2月底')).toEqual({ ok: true, iso: '2024-02-29', phrase: 'monthEnd' })
    expect(parseDateText('2023年2月底前')).toEqual({ ok: true, iso: '2023-02-28', phrase: 'monthEnd' })
    expect(parseDateText('2024年12月底前')).toEqual({ ok: true, iso: '2024-12-31', phrase: 'monthEnd' })
    expect(parseDateText('2024年4月底')).toEqual({ ok: true, iso: '2024-04-30', phrase: 'monthEnd' })
    expect(parseDateText('2024年6月30日前')).toEqual({ ok: true, iso: '2024-06-30', phrase: 'before' })
  })

  it('refuses a phrase that names no day, and keeps the rest as it was', () => {
    for (const s of ['2024年13月底', '2024年0月底前', '2024年6月31日前', '2024年6月底后', '2024年6月中旬', '约2024年6月底', '2024年6月底前后']) {
      expect(parseDateText(s), s).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    }
    // A plain date is no phrase: stored as before, with no DATE_CONVERTED.
    expect(parseDateText('2024年6月30日')).toEqual({ ok: true, iso: '2024-06-30' })
    expect(dateConversionIssue(deadline, '2024年6月30日')).toBeNull()
    expect(dateConversionIssue(deadline, '6月底前')).toBeNull()
    expect(dateConversionIssue(column('name'), '2024年6月底前')).toBeNull()
    expect(valueFromText(column('name'), '2024年6月底前', defaultCampaign)).toBe('2024年6月底前')
  })

  it('6月底前, 6月底 and 6月30日前 have no year: DATE_NO_YEAR, kept as typed, the campaign year proposed', () => {
    const NO_YEAR: [text: string, message: string][] = [
      ['6月底前', '「完成时限」“6月底前”没有年份，请写完整日期，如 2024年6月30日（该月最后一天）'],
      ['6月底', '「完成时限」“6月底”没有年份，请写完整日期，如 2024年6月30日（该月最后一天）'],
      ['11月底前', '「完成时限」“11月底前”没有年份，请写完整日期，如 2024年11月30日（该月最后一天）'],
      ['2月底前', '「完成时限」“2月底前”没有年份，请写完整日期，如 2024年2月29日（该月最后一天）'],
      ['6月30日前', '「完成时限」“6月30日前”没有年份，请写完整日期，如 2024年6月30日'],
      ['6月30日之前', '「完成时限」“6月30日之前”没有年份，请写完整日期，如 2024年6月30日'],
      ['7月15日', '「完成时限」“7月15日”没有年份，请写完整日期，如 2024年7月15日'],
      ['7.15', '「完成时限」“7.15”没有年份，请写完整日期，如 2024年7月15日']
    ]
    for (const [text, message] of NO_YEAR) {
      expect(parseDateText(text), text).toEqual({ ok: false, code: 'DATE_NO_YEAR' })
      expect(valueFromText(deadline, text, defaultCampaign), text).toBe(text)
      expect(issuesOf({ ...good, deadline: text }), text).toEqual([`error:DATE_NO_YEAR:deadline:${message}`])
    }
  })

  it('proposes the year of the campaign at hand, and the plain example when that year has no such day', () => {
    const ctx2025 = createValidationContext({ ...defaultCampaign, year: 2025 }, annex2)
    expect(validateRecord({ ...good, deadline: '6月底前' }, annex2, ctx2025)[0]?.message).toBe('「完成时限」“6月底前”没有年份，请写完整日期，如 2025年6月30日（该月最后一天）')
    expect(validateRecord({ ...good, deadline: '2月底' }, annex2, ctx2025)[0]?.message).toBe('「完成时限」“2月底”没有年份，请写完整日期，如 2025年2月28日（该月最后一天）')
    expect(issuesOf({ ...good, deadline: '6月31日' })).toEqual(['error:DATE_NO_YEAR:deadline:「完成时限」“6月31日”没有年份，请写完整日期，如 2024年6月30日'])
    expect(dateInYear('6.30', 2024)).toEqual({ ok: true, iso: '2024-06-30' })
    expect(dateInYear('6/30前', 2024)).toEqual({ ok: true, iso: '2024-06-30', phrase: 'before' })
    expect(dateInYear('2月29日', 2023)).toBeNull()
    expect(dateInYear('2024年6月30日', 2024)).toBeNull()
    expect(dateInYear('月底', 2024)).toBeNull()
  })
})

describe('category words of the lists units receive (拟整治类别)', () => {
  const category = column('category')
  const WORDS: [word: string, stored: string][] = [
    ['淘汰类', '关停取缔'],
    ['提升改造', '升级改造'],
    ['改造提升', '升级改造'],
    ['规范类', '升级改造'],
    [' 淘 汰 类 ', '关停取缔']
  ]
  for (const [word, stored] of WORDS) {
    it(`${word.trim()} is stored as ${stored}`, () => {
      expect(valueFromText(category, word, defaultCampaign)).toBe(stored)
      expect(issuesOf({ ...good, category: stored })).toEqual([])
    })
  }

  it('取缔搬离 is kept as written and refused with both of its meanings named', () => {
    expect(valueFromText(category, '取缔搬离', defaultCampaign)).toBe('取缔搬离')
    expect(issuesOf({ ...good, category: '取缔搬离' })).toEqual([
      'error:ENUM_AMBIGUOUS:category:「拟整治类别」“取缔搬离”可指关停取缔或整合搬迁，请按该企业的实际情况改填其中之一'
    ])
  })
})

describe('header words of other counties', () => {
  const lookup = headerLookup(annex2)
  const SYNONYMS: [header: string, key: string][] = [
    ['企业地址', 'address'], ['地址', 'address'],
    ['法人代表', 'operator'], ['法人', 'operator'], ['法定代表人', 'operator'],
    ['企业存在的问题', 'problems'], ['存在的问题', 'problems'], ['问题描述', 'problems'], ['主要问题', 'problems'],
    ['整改意见', 'measures'], ['整改措施', 'measures'], ['处理和整改情况', 'measures'],
    ['整改时限', 'deadline'], ['完成时间', 'deadline'], ['整改期限', 'deadline'],
    ['所在镇', 'town'], ['镇街', 'town'], ['所属乡镇', 'town'],
    ['受理方式', 'source']
  ]
  for (const [header, key] of SYNONYMS) {
    it(`${header} is the column ${key}`, () => {
      expect(columnForHeader(lookup, header)?.key).toBe(key)
    })
  }

  it('leaves 行政区域 unbound: its values are sometimes 临夏市, not a town', () => {
    expect(isKnownHeader(lookup, '行政区域')).toBe(false)
  })

  it('under 受理方式, 来电, 来信, 信访 and 举报 are stored as 来源 群众举报', () => {
    const source = column('source')
    for (const word of ['来电', '来信', '来访', '信访', '举报', '12345', '12369', ' 来 电 ']) {
      expect(valueFromText(source, word, defaultCampaign), word).toBe('群众举报')
    }
    expect(valueFromText(source, '上级交办', defaultCampaign)).toBe('上级交办')
    expect(issuesOf({ ...good, source: valueFromText(source, '来电', defaultCampaign) as string })).toEqual([])
  })

  it('in every form, a header text outside a two-level group names one column only', () => {
    for (const annex of ANNEXES) {
      const seen = new Map<string, AnnexColumn>()
      for (const c of annex.columns) {
        for (const text of [c.header, ...(c.headerSynonyms ?? [])]) {
          const key = normalizeHeader(text)
          const first = seen.get(key)
          // Leaves shared under different groups (完成日期 under 断水 and 断电) are bound through their group.
          if (first && first.key !== c.key) expect(Boolean(first.group && c.group), `${annex.id}: ${text} → ${first.key}, ${c.key}`).toBe(true)
          if (!first) seen.set(key, c)
        }
      }
    }
  })
})

describe('headers in traditional characters', () => {
  const lookup = headerLookup(annex2)
  const TRADITIONAL: [header: string, key: string][] = [
    ['企業（場所）名稱', 'name'],
    ['詳細地址', 'address'],
    ['統一社會信用代碼', 'uscc'],
    ['經營者（法定代表人）', 'operator'],
    ['聯繫電話', 'phone'],
    ['鄉鎮（街道）', 'town'],
    ['村（社區）', 'village'],
    ['所屬領域', 'sector'],
    ['問題類型', 'problemTypes'],
    ['存在的主要問題', 'problems'],
    ['污染治理設施', 'facilities'],
    ['擬整治類別', 'category'],
    ['整治措施', 'measures'],
    ['完成時限', 'deadline'],
    ['責任單位', 'responsibleUnit'],
    ['行業主管部門', 'leadDept'],
    ['來源', 'source'],
    ['備註', 'remarks'],
    ['企業地址', 'address'],
    ['法人代表', 'operator']
  ]
  for (const [header, key] of TRADITIONAL) {
    it(`${header} is the column ${key}`, () => {
      expect(columnForHeader(lookup, header)?.key).toBe(key)
    })
  }

  it('binds a leaf under its group in traditional characters too', () => {
    expect(columnForHeader(lookup, '營業執照', '手續辦理情況')?.key).toBe('licBusiness')
    expect(columnForHeader(lookup, '環評手續', '手續辦理情況')?.key).toBe('licEia')
  })

  it('leaves simplified text as it is, a character the Hong Kong table maps and back (台) included', () => {
    expect(normalizeHeader('企業 （場所）\n名稱')).toBe('企业(场所)名称')
    expect(normalizeHeader('台账')).toBe('台账')
    expect(normalizeHeader('Name *')).toBe('Name')
    for (const annex of ANNEXES) {
      for (const c of annex.columns) {
        for (const text of [c.header, ...(c.headerSynonyms ?? []), ...(c.group ? [c.group] : [])]) {
          expect(normalizeHeader(text), text).toBe(text.normalize('NFKC').replace(/[\s*]+/g, ''))
        }
      }
    }
  })
})

describe('a 排污许可证 number in the code column', () => {
  const PERMIT = '91622901MA7FLD4EN1001P'

  it('is kept as written, its first 18 characters proposed as the code', () => {
    expect(valueFromText(column('uscc'), ' 91622901ma7fld4en1001p ', defaultCampaign)).toBe(PERMIT)
    expect(issuesOf({ ...good, uscc: PERMIT })).toEqual([
      'error:USCC_LENGTH:uscc:「统一社会信用代码」91622901MA7FLD4EN1001P 为22位，前18位 91622901MA7FLD4EN1 是有效的统一社会信用代码，疑为排污许可证编号，建议填写 91622901MA7FLD4EN1'
    ])
  })

  it('is recognised without its last letter too (21 characters)', () => {
    expect(issuesOf({ ...good, uscc: '91622901MA7FLD4EN1002' })).toEqual([
      'error:USCC_LENGTH:uscc:「统一社会信用代码」91622901MA7FLD4EN1002 为21位，前18位 91622901MA7FLD4EN1 是有效的统一社会信用代码，疑为排污许可证编号，建议填写 91622901MA7FLD4EN1'
    ])
  })

  it('is not proposed when the first 18 are no valid code or the rest is no 顺序码 and 标识码', () => {
    for (const code of ['91622901MA7FLD4EN2001P', '91622901MA7FLD4EN1ABCD', '91622901MA7FLD4EN1001PP', '91622901MA7FLD4EN10']) {
      expect(permitNumberCode(code), code).toBeNull()
      expect(issuesOf({ ...good, uscc: code }), code).toEqual([`error:USCC_LENGTH:uscc:「统一社会信用代码」应为18位，现为${code.length}位，请对照营业执照核对`])
    }
    expect(permitNumberCode(PERMIT)).toBe('91622901MA7FLD4EN1')
    expect(permitNumberCode('91130200699229617X001P')).toBe('91130200699229617X')
  })
})
