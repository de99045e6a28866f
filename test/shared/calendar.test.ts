/** The calendar in force: the plan's dates with the office's changes applied in order, and what may be moved. */
import { describe, expect, it } from 'vitest'
import type { Calendar } from '@shared/campaign/calendar'
import { calendarTargets, changeProblem, emptyCalendar, WEEKLY_END, withCalendar } from '@shared/campaign/calendar'
import { defaultCampaign } from '@shared/campaign/campaign'
import { nextDue } from '@shared/campaign/schedule'
import { reportFridays } from '@shared/reports/draft'

const change = (target: string, date: string) => ({ target, date, reason: '方案印发晚于报送时间', approvedBy: '市领导小组', at: '2024-05-08T02:00:00.000Z', by: '王主任' })
const calendar = (...changes: ReturnType<typeof change>[]): Calendar => ({ campaignId: defaultCampaign.id, version: changes.length, changes })

describe('the campaign calendar', () => {
  it('moves a deadline, the annex’s due date with it, and leaves the embedded plan as it was', () => {
    const c = withCalendar(defaultCampaign, calendar(change('annex2', '2024-05-15')))
    expect(c.deadlines.find((d) => d.id === 'annex2')?.date).toBe('2024-05-15')
    expect(c.annexes.find((a) => a.id === 'annex2')?.due).toBe('2024-05-15')
    expect(defaultCampaign.deadlines.find((d) => d.id === 'annex2')?.date).toBe('2024-05-10')
    const town = defaultCampaign.units.find((u) => u.name === '八坊街道')
    if (!town) throw new Error('八坊街道')
    expect(nextDue(defaultCampaign, town, '2024-05-11')?.date).toBe('2024-05-17')
    expect(nextDue(c, town, '2024-05-11')).toMatchObject({ date: '2024-05-15', daysLeft: 4 })
  })

  it('applies changes in order (the later one wins) and can extend the weekly reports to a later Friday', () => {
    const c = withCalendar(defaultCampaign, calendar(change('annex3', '2024-07-05'), change('annex3', '2024-07-10'), change(WEEKLY_END, '2024-07-05')))
    expect(c.deadlines.find((d) => d.id === 'annex3')?.date).toBe('2024-07-10')
    expect(reportFridays(c).at(-1)).toBe('2024-07-05')
    expect(reportFridays(c)).toHaveLength(8)
    const targets = calendarTargets(defaultCampaign, calendar(change('annex3', '2024-07-10')))
    expect(targets.map((t) => [t.id, t.planned, t.date])).toEqual([
      ['contacts', '2024-04-30', '2024-04-30'],
      ['annex2', '2024-05-10', '2024-05-10'],
      ['annex3', '2024-06-28', '2024-07-10'],
      ['annex4', '2024-09-30', '2024-09-30'],
      [WEEKLY_END, '2024-06-28', '2024-06-28']
    ])
    expect(withCalendar(defaultCampaign, emptyCalendar(defaultCampaign))).toEqual(defaultCampaign)
  })

  it('refuses what cannot be moved, in Chinese', () => {
    expect(changeProblem(defaultCampaign, { target: 'annex9', date: '2024-07-01' })).toBe('工作方案中没有“annex9”这项报送时间。')
    expect(changeProblem(defaultCampaign, { target: WEEKLY_END, date: '2024-07-04' })).toBe('每周报送在星期五，最后一次报送日期须为星期五（2024年7月4日不是）。')
    expect(changeProblem(defaultCampaign, { target: WEEKLY_END, date: '2024-05-10' })).toBe('最后一次报送日期不能早于第一次（2024年5月17日）。')
    expect(changeProblem(defaultCampaign, { target: WEEKLY_END, date: '2024-07-05' })).toBeNull()
    expect(changeProblem(defaultCampaign, { target: 'annex4', date: '2024-10-15' })).toBeNull()
  })
})
