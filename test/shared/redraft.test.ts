/** A saved report text kept current: untouched parts redrafted from new figures, rewritten ones kept and named. */
import { describe, expect, it } from 'vitest'
import { basisOf, currentText } from '@shared/reports/redraft'
import type { WeeklyText } from '@shared/reports/weekly'

const text = (overview: string, problems = '无。'): WeeklyText => ({ overview, thisWeek: '本周完成1个。', problems, nextWeek: '一是…', openItems: '甲', nextPlan: '乙' })

describe('a saved report text as the figures move', () => {
  const then = text('共摸底问题30个，完成3个。')
  const now = text('共摸底问题30个，完成5个。', '2个问题逾期。')

  it('redrafts the parts the clerk left as drafted, keeps the clerk’s own columns', () => {
    const saved = { ...then, openItems: '资金未到位', basis: basisOf(then) }
    expect(currentText(saved, now)).toEqual({ text: { ...now, openItems: '资金未到位', nextPlan: '乙' }, changed: [] })
  })

  it('keeps a rewritten part whose draft has moved, and names it; a rewritten part whose draft stands is not named', () => {
    const saved = { ...then, overview: '共摸底问题30个，完成3个，另有2户正在验收。', thisWeek: '本周完成1个，较上周提速。', basis: basisOf(then) }
    const r = currentText(saved, now)
    expect(r.changed).toEqual(['overview'])
    expect(r.text.overview).toBe(saved.overview)
    expect(r.text.thisWeek).toBe(saved.thisWeek)
    expect(r.text.problems).toBe('2个问题逾期。')
  })

  it('shows the draft when nothing is saved, and a text saved before drafts were kept as it was', () => {
    expect(currentText(null, now)).toEqual({ text: now, changed: [] })
    expect(currentText({ ...then }, now)).toEqual({ text: then, changed: [] })
  })
})
