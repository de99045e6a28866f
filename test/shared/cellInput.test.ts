import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { annex3 } from '@shared/annexes/annex3'
import type { AnnexColumn } from '@shared/annexes/types'
import { weekly } from '@shared/annexes/weekly'
import { defaultCampaign } from '@shared/campaign/campaign'
import { canonicalOption, valueFromText, valueToText } from '@shared/validation/cellInput'

const col = (k: string): AnnexColumn => annex2.columns.find((c) => c.key === k)!
const fine = annex3.columns.find((c) => c.key === 'fineAmount')!
const records = weekly.columns.find((c) => c.key === 'records')!
const read = (c: AnnexColumn, raw: string) => valueFromText(c, raw, defaultCampaign)

describe('the stored value of a cell, from the text typed, pasted or read from a file', () => {
  it('an empty cell (or one of spaces) is empty: no text, and no 问题类型 chosen', () => {
    for (const c of [col('name'), col('phone'), col('deadline'), col('category'), fine, records]) {
      expect(read(c, ''), c.key).toBe('')
      expect(read(c, ' \u3000 '), c.key).toBe('')
    }
    expect(read(col('problemTypes'), '')).toEqual([])
    expect(read(col('problemTypes'), ' ')).toEqual([])
  })

  it('a phone is normalised: no +86, a mobile without dashes, a landline with one after its area code', () => {
    expect(read(col('phone'), '+86 157 8498 4265')).toBe('15784984265')
    expect(read(col('phone'), '0930 6212345')).toBe('0930-6212345')
  })

  it('a date is stored as ISO; what is no date stays as typed, for validation to point at', () => {
    expect(read(col('deadline'), '2024年6月30日')).toBe('2024-06-30')
    expect(read(col('deadline'), '6月底')).toBe('6月底')
  })

  it('an amount or a count in full-width digits becomes the number it shows, decimals included', () => {
    expect(read(fine, '１２')).toBe('12')
    expect(read(fine, '１.２５')).toBe('1.25')
    expect(read(fine, '１２．５')).toBe('12.5')
    expect(read(records, '３５')).toBe('35')
  })

  it('an amount or a count with anything beside its digits stays exactly as typed', () => {
    for (const s of ['约１２', '１２万', '１２.', '.５', '１.２.３', '壹万']) {
      expect(read(fine, s), s).toBe(s)
      expect(read(records, s), s).toBe(s)
    }
  })

  it('text of other kinds is kept as typed, only trimmed', () => {
    expect(read(col('name'), ' 临夏市 恒发石材厂 ')).toBe('临夏市 恒发石材厂')
  })
})

describe('the canonical word of a choice', () => {
  it('spaces of any kind inside a choice do not count (NBSP, 全角空格, zero-width space)', () => {
    expect(canonicalOption(col('category'), '关停 取缔', defaultCampaign)).toBe('关停取缔')
    expect(canonicalOption(col('category'), '关停\u00a0\u3000\u200b取缔', defaultCampaign)).toBe('关停取缔')
    expect(read(col('sector'), '工\u3000业')).toBe('工业')
    expect(read(col('problemTypes'), '散、乱 污')).toEqual(['散', '乱', '污'])
  })

  it('a synonym becomes its word, also with spaces inside', () => {
    expect(canonicalOption(col('category'), '取 缔', defaultCampaign)).toBe('关停取缔')
  })

  it('a unit list takes a unit by its full name or alias', () => {
    expect(canonicalOption(col('town'), '临夏市八坊街道办事处', defaultCampaign)).toBe('八坊街道')
    expect(canonicalOption(col('responsibleUnit'), '临夏市八坊街道办事处', defaultCampaign)).toBe('八坊街道')
  })

  it('a fixed list is matched by its own words and synonyms only, never by a unit alias', () => {
    const fixed: AnnexColumn = { key: 'x', header: 'x', kind: 'enum', options: ['八坊街道'], width: 5 }
    expect(canonicalOption(fixed, '临夏市八坊街道办事处', defaultCampaign)).toBe('临夏市八坊街道办事处')
    expect(canonicalOption(fixed, '八坊 街道', defaultCampaign)).toBe('八坊街道')
  })

  it('a word of no list is kept as typed (trimmed, inner spaces kept) for validation to point at', () => {
    expect(canonicalOption(col('category'), ' 整改 中 ', defaultCampaign)).toBe('整改 中')
    expect(read(col('problemTypes'), '散、臭、散')).toEqual(['散', '臭'])
  })
})

describe('a stored value as one line of text', () => {
  it('joins a list with 、, shows text as it is, and nothing for a missing value', () => {
    expect(valueToText(['散', '污'])).toBe('散、污')
    expect(valueToText([])).toBe('')
    expect(valueToText('关停取缔')).toBe('关停取缔')
    expect(valueToText(undefined)).toBe('')
  })
})
