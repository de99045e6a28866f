import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { canonicalOption } from '@shared/validation/cellInput'
import { optionsOf } from '@shared/validation/validateRecord'
import { indexChoices, matchChoices, pinyinInitials } from '../../renderer/src/features/ledger/editors/choiceMatch'
import { dateHint, monthWeeks, addMonths } from '../../renderer/src/features/ledger/editors/dateText'
import { BLANK, listValues, passesDateRange, passesValueList } from '../../renderer/src/features/ledger/filters/filterMatch'

const col = (k: string) => annex2.columns.find((c) => c.key === k)!

describe('a dropdown cell narrows its options as the clerk types', () => {
  const town = col('town')
  const index = indexChoices(optionsOf(town, defaultCampaign))
  const match = (typed: string) => matchChoices(index, typed, canonicalOption(town, typed, defaultCampaign))
  it('by the characters typed: 八坊 offers 八坊街道 first', () => {
    expect(match('八坊')[0]).toBe('八坊街道')
    expect(match('街道').every((o) => o.includes('街道'))).toBe(true)
    expect(match('镇').length).toBeGreaterThan(0)
  })
  it('by pinyin initials, from the collation the browser has', () => {
    expect(pinyinInitials('八坊街道')).toBe('bfjd')
    expect(pinyinInitials('城郊镇')).toBe('cjz')
    expect(match('bfjd')).toEqual(['八坊街道'])
    expect(match('BF')[0]).toBe('八坊街道')
  })
  it('by the aliases import knows, and nothing for text matching no option', () => {
    expect(match('临夏市八坊街道办事处')).toEqual(['八坊街道'])
    const cat = col('category')
    const catIndex = indexChoices(optionsOf(cat, defaultCampaign))
    expect(matchChoices(catIndex, '治理改造', canonicalOption(cat, '治理改造', defaultCampaign))[0]).toBe('升级改造')
    expect(match('火星')).toEqual([])
  })
  it('offers every option, in order, before anything is typed', () => {
    expect(match('')).toEqual(optionsOf(town, defaultCampaign))
  })
})

describe('date inputs say what they will store', () => {
  it('nothing for an empty or already ISO date; the ISO day for another form', () => {
    expect(dateHint('')).toBeNull()
    expect(dateHint('2024-06-30')).toBeNull()
    expect(dateHint('2024年6月30日')).toEqual({ level: 'ok', text: '即 2024-06-30' })
    expect(dateHint('45473')).toEqual({ level: 'ok', text: '即 2024-06-30' })
  })
  it('says which day a deadline phrase is stored as', () => {
    expect(dateHint('2024年6月底前')).toEqual({ level: 'ok', text: '按 2024-06-30（该月最后一天） 保存，请核对' })
    expect(dateHint('2024年2月底')).toEqual({ level: 'ok', text: '按 2024-02-29（该月最后一天） 保存，请核对' })
    expect(dateHint('2024年6月20日之前')).toEqual({ level: 'ok', text: '按 2024-06-20 保存，请核对' })
    expect(dateHint('6月底前')?.text).toContain('没有年份')
  })
  it('names only forms the inputs accept when the text is no date', () => {
    const bad = dateHint('6月底')
    expect(bad?.level).toBe('bad')
    expect(dateHint('6月30日')?.text).toContain('没有年份')
    // Every form the message names is one the inputs read.
    for (const form of ['2024-6-30', '2024/6/30', '2024.6.30', '2024年6月30日', '20240630']) {
      expect(bad?.text).toContain(form)
      expect(dateHint(form)?.level ?? 'ok').toBe('ok')
    }
    expect(bad?.text).not.toMatch(/mm|dd|yyyy/i)
  })
  it('lays a month out in weeks from Monday', () => {
    const june = monthWeeks({ year: 2024, month: 6 })
    expect(june[0]).toEqual([null, null, null, null, null, '2024-06-01', '2024-06-02'])
    expect(june.flat().filter(Boolean)).toHaveLength(30)
    expect(june.at(-1)?.includes('2024-06-30')).toBe(true)
    expect(addMonths({ year: 2024, month: 12 }, 1)).toEqual({ year: 2025, month: 1 })
    expect(addMonths({ year: 2024, month: 1 }, -1)).toEqual({ year: 2023, month: 12 })
  })
})

describe('ledger filters', () => {
  it('list the options, then values that are not options, then blanks', () => {
    expect(listValues(['散', '乱', '污'], [['散'], [], ['乱', '其他'], undefined])).toEqual(['散', '乱', '污', '其他', BLANK])
    expect(listValues(['甲', '乙'], ['甲', '乙'])).toEqual(['甲', '乙'])
  })
  it('keep a row when any of its values is kept; blanks by BLANK', () => {
    expect(passesValueList(['散', '污'], new Set(['污']))).toBe(true)
    expect(passesValueList(['散'], new Set(['污']))).toBe(false)
    expect(passesValueList([], new Set([BLANK]))).toBe(true)
    expect(passesValueList('', new Set([BLANK]))).toBe(true)
    expect(passesValueList('关停取缔', new Set([BLANK]))).toBe(false)
  })
  it('keep a date within the range, ends included and either end open; never a cell that is no date', () => {
    expect(passesDateRange('2024-06-30', { from: '2024-06-30', to: '2024-06-30' })).toBe(true)
    expect(passesDateRange('2024-07-01', { to: '2024-06-30' })).toBe(false)
    expect(passesDateRange('2024-05-01', { from: '2024-06-01' })).toBe(false)
    expect(passesDateRange('2024-09-30', { from: '2024-06-01' })).toBe(true)
    expect(passesDateRange('6月底', { from: '2024-06-01' })).toBe(false)
    expect(passesDateRange('', {})).toBe(false)
  })
})
