/** A saved report text kept current: untouched parts redrafted from new figures, rewritten ones kept and named. */
import { describe, expect, it } from 'vitest'
import { basisOf, currentText, refill } from '@shared/reports/redraft'
import type { WeeklyText } from '@shared/reports/weekly'

const text = (overview: string, problems = '无。'): WeeklyText => ({ overview, thisWeek: '本周完成1个。', problems, nextWeek: '一是…', openItems: '甲', nextPlan: '乙' })

describe('a saved report text as the figures move', () => {
  const then = text('共摸底问题30个，完成3个。')
  const now = text('共摸底问题30个，完成5个。', '2个问题逾期。')

  it('redrafts the parts the clerk left as drafted, keeps the clerk’s own columns', () => {
    const saved = { ...then, openItems: '资金未到位', basis: basisOf(then) }
    expect(currentText(saved, now)).toEqual({ text: { ...now, openItems: '资金未到位', nextPlan: '乙' }, changed: [], refilled: [] })
  })

  it('keeps a rewritten part whose draft has moved, its figures filled in again; a rewritten part whose draft stands as it is', () => {
    const saved = { ...then, overview: '共摸底问题30个，完成3个，另有2户正在验收。', thisWeek: '本周完成1个，较上周提速。', basis: basisOf(then) }
    const r = currentText(saved, now)
    expect(r).toMatchObject({ changed: [], refilled: ['overview'] })
    expect(r.text.overview).toBe('共摸底问题30个，完成5个，另有2户正在验收。')
    expect(r.text.thisWeek).toBe(saved.thisWeek)
    expect(r.text.problems).toBe('2个问题逾期。')
  })

  it('names a rewritten part whose moved figure the clerk\'s words no longer hold, and keeps it as written', () => {
    const saved = { ...then, overview: '截至目前已完成整治3户。', basis: basisOf(then) }
    expect(currentText(saved, now)).toMatchObject({ text: { overview: '截至目前已完成整治3户。' }, changed: ['overview'], refilled: [] })
  })

  it('shows the draft when nothing is saved, and a text saved before drafts were kept as it was', () => {
    expect(currentText(null, now)).toEqual({ text: now, changed: [], refilled: [] })
    expect(currentText({ ...then }, now)).toEqual({ text: then, changed: [], refilled: [] })
  })
})

// Issue 20, finding 2: "已报送的1个单位…32个…完成3个" stayed while the 附表 said 152/6.
describe('figures filled in again in the clerk\'s words', () => {
  const basis = '已报送的1个单位共摸底问题32个，累计完成整治3个，完成率9.4%。'
  const draft = '已报送的2个单位共摸底问题152个，累计完成整治6个，完成率3.9%。'

  it('replaces each moved figure found with its drafted words around it, whatever the clerk added', () => {
    const written = '经统计，已报送的1个单位共摸底问题32个，累计完成整治3个，完成率9.4%，整体进展偏慢。'
    expect(refill(written, basis, draft)).toBe('经统计，已报送的2个单位共摸底问题152个，累计完成整治6个，完成率3.9%，整体进展偏慢。')
  })

  it('gives up when a figure is gone, ambiguous, or the drafts differ in more than figures', () => {
    expect(refill('已报送单位共摸底问题32个，累计完成整治3个，完成率9.4%。', basis, draft)).toBeNull()
    expect(refill(`${basis}（上周累计完成整治3个，完成率9.4%）`, basis, draft)).toBeNull()
    expect(refill(basis, basis, `${draft}另有1个逾期。`)).toBeNull()
    // 累计完成整治3 is not the start of 累计完成整治35.
    expect(refill('已报送的1个单位共摸底问题32个，累计完成整治35个，完成率9.4%。', basis, draft)).toBeNull()
  })
})
