/** The office's pure pieces: which stream a file joins, the report week, lateness, the 合计 and the city's draft. */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { consolidate } from '@shared/merge/consolidate'
import type { Decision } from '@shared/merge/types'
import { receivedLate } from '@shared/office/behind'
import { attachmentLine, cityDraft, cityWeek, totalsFigures, weeklyTotals } from '@shared/office/cityWeekly'
import { officeDashboard } from '@shared/office/dashboard'
import { decisionsFor, streamAnnex, streamOf } from '@shared/office/streams'
import type { WeekFigures } from '@shared/reports/weekly'
import { reportFriday, weeklyRow } from '@shared/reports/weekly'
import { submission } from '../merge/builders'

const figures = (over: Partial<WeekFigures>): WeekFigures => ({
  friday: '2024-05-24',
  from: '2024-05-18',
  records: 0,
  newFinds: 0,
  doneThisWeek: { 关停取缔: 0, 整合搬迁: 0, 升级改造: 0 },
  doneToDate: { 关停取缔: 0, 整合搬迁: 0, 升级改造: 0 },
  doneRate: null,
  tlcThisWeek: 0,
  tlcToDate: 0,
  casesThisWeek: 0,
  casesToDate: 0,
  finesThisWeek: 0,
  finesToDate: 0,
  huikanChecked: 0,
  huikanRebounds: 0,
  overdue: 0,
  ...over
})

const a = weeklyRow('八坊街道', figures({ records: 10, doneToDate: { 关停取缔: 3, 整合搬迁: 0, 升级改造: 0 }, doneRate: 30, finesThisWeek: 0.35, finesToDate: 1.1 }), '2个问题逾期未完成。', '')
const b = weeklyRow('城郊镇', figures({ records: 3, newFinds: 1, doneToDate: { 关停取缔: 0, 整合搬迁: 1, 升级改造: 2 }, doneRate: 100, finesToDate: 0.2 }), '', '')

describe('the report week and lateness', () => {
  it('a date belongs to the week Saturday … Friday, named by its Friday', () => {
    expect(['2024-05-18', '2024-05-20', '2024-05-24'].map(reportFriday)).toEqual(['2024-05-24', '2024-05-24', '2024-05-24'])
    expect(reportFriday('2024-05-25')).toBe('2024-05-31')
  })

  it('late is after 12:00 on the Friday, on the office’s clock', () => {
    expect(receivedLate(new Date('2024-05-24T11:59:00').toISOString(), '2024-05-24', '12:00')).toBe(false)
    expect(receivedLate(new Date('2024-05-24T12:01:00').toISOString(), '2024-05-24', '12:00')).toBe(true)
    expect(receivedLate(new Date('2024-05-27T09:00:00').toISOString(), '2024-05-24', '12:00')).toBe(true)
  })
})

describe('streams', () => {
  it('附件3, 附件4, the contact list and the 回头看台账 merge apart; a 附表 by week; anything else with 附件2', () => {
    const s = (annex: string | null, filledDate: string | null = '2024-05-21'): string => streamOf({ annex, filledDate, receivedAt: new Date('2024-05-27T09:00:00').toISOString() })
    expect([s('annex2'), s('annex3'), s('annex4'), s('contacts'), s('huikan'), s(null)]).toEqual(['annex2', 'annex3', 'annex4', 'contacts', 'huikan', 'annex2'])
    expect(s('weekly')).toBe('weekly:2024-05-24')
    expect(s('weekly', null)).toBe('weekly:2024-05-31')
    expect(streamAnnex('weekly:2024-05-24').id).toBe('weekly')
  })

  it('a decision on an enterprise holds on every form, a chosen version on its own form only', () => {
    const decisions: Decision[] = [
      { kind: 'attribute', key: 'uscc:1', unit: '城郊镇', at: '1', by: '王' },
      { kind: 'use-version', unit: '城郊镇', annex: 'annex2', sha256: 'a'.repeat(64), at: '2', by: '王' }
    ]
    expect(decisionsFor(decisions, 'annex3').map((d) => d.kind)).toEqual(['attribute'])
    expect(decisionsFor(decisions, 'annex2')).toHaveLength(2)
  })
})

describe('the city’s week', () => {
  it('合计 sums counts and money and recomputes 累计完成率 from the sums', () => {
    const t = weeklyTotals([a, b])
    expect(t).toMatchObject({ unit: '合计', records: '13', newFinds: '1', 'doneTotal关停取缔': '3', 'doneTotal升级改造': '2', finesWeek: '0.35', finesTotal: '1.30' })
    // (3 + 1 + 2) / 13, not the mean of 30% and 100%.
    expect(t['doneRate']).toBe('46.2')
    expect(weeklyTotals([])['doneRate']).toBe('')
    expect(totalsFigures(t, '2024-05-24')).toMatchObject({ records: 13, doneRate: 46.2, finesToDate: 1.3, from: '2024-05-18' })
  })

  it('rows, late and missing units from the week’s consolidation; the draft speaks for 临夏市', () => {
    const weekly = { annex: 'weekly', filledDate: '2024-05-24', sheet: '工作进展' }
    const subs = [
      submission(1, '八坊街道', [{ rowNumber: 6, fields: a, flagged: false }], { ...weekly, receivedAt: new Date('2024-05-24T10:00:00').toISOString() }),
      submission(2, '城郊镇', [{ rowNumber: 6, fields: b, flagged: false }], { ...weekly, receivedAt: new Date('2024-05-24T14:00:00').toISOString() })
    ]
    const c = consolidate(subs, [], defaultCampaign, streamAnnex('weekly:2024-05-24'))
    const at = new Map(subs.map((s) => [s.sha256, s.receivedAt]))
    const week = cityWeek(defaultCampaign, '2024-05-24', c, (sha) => at.get(sha) ?? '')
    expect(week.rows.map((r) => [r.unit, r.late])).toEqual([['八坊街道', false], ['城郊镇', true]])
    expect(week.missing).toHaveLength(18 - 2)
    const text = cityDraft(defaultCampaign, '2024-05-24', week)
    // Two units of 18: the 合计 is theirs, not the city's, and the draft says who is missing.
    expect(text.overview).toMatch(/^截至5月24日，已报送的2个单位共摸底排查“散乱污”问题13个，累计完成整治6个/)
    expect(text.problems).toBe('16个单位未报送本周工作进展。各单位报告的未完成事项：八坊街道：2个问题逾期未完成。')
    const withGroups = cityDraft(defaultCampaign, '2024-05-24', week, '分专责组看：工业专责组问题4个。')
    expect(withGroups.overview).toBe(`${text.overview}\n分专责组看：工业专责组问题4个。`)
    const everyone = cityDraft(defaultCampaign, '2024-05-24', { ...week, missing: [] })
    expect(everyone.overview).toMatch(/^截至5月24日，临夏市共摸底排查“散乱污”问题13个/)
    expect(everyone.problems).toBe('各单位报告的未完成事项：八坊街道：2个问题逾期未完成。')
    const none = cityDraft(defaultCampaign, '2024-05-24', cityWeek(defaultCampaign, '2024-05-24', consolidate([], [], defaultCampaign, streamAnnex('weekly:2024-05-24')), () => ''))
    expect(none.overview).toBe('截至5月24日，各单位均未报送本周工作进展附表，全市数据待报送后汇总。')
    expect(none.problems).toBe('18个单位未报送本周工作进展。')
    expect(attachmentLine(defaultCampaign, week.rows, ['折桥镇', '市公安局'])).toBe('详细情况见附表。城郊镇未在周五12:00前报送。折桥镇、市公安局未报送。')
  })
})

// Issue 20, finding 6: the city's 累计 went back when a unit skipped a week (its figures counted as zero).
describe('a unit that skips a week', () => {
  const weeklyFile = { annex: 'weekly', sheet: '工作进展' }
  const w1 = figures({ friday: '2024-05-17', from: '2024-05-11', records: 10, newFinds: 10, doneToDate: { 关停取缔: 3, 整合搬迁: 0, 升级改造: 0 }, doneThisWeek: { 关停取缔: 3, 整合搬迁: 0, 升级改造: 0 }, doneRate: 30, finesThisWeek: 1.1, finesToDate: 1.1 })
  const first = consolidate(
    [
      submission(1, '八坊街道', [{ rowNumber: 6, fields: weeklyRow('八坊街道', w1, '', ''), flagged: false }], { ...weeklyFile, filledDate: '2024-05-17' }),
      submission(2, '城郊镇', [{ rowNumber: 6, fields: b, flagged: false }], { ...weeklyFile, filledDate: '2024-05-17' })
    ],
    [],
    defaultCampaign,
    streamAnnex('weekly:2024-05-17')
  )
  // 5/24: only 城郊镇 reports.
  const second = consolidate([submission(3, '城郊镇', [{ rowNumber: 6, fields: b, flagged: false }], { ...weeklyFile, filledDate: '2024-05-24' })], [], defaultCampaign, streamAnnex('weekly:2024-05-24'))
  const earlier = new Map([['2024-05-17', first]])
  const week = cityWeek(defaultCampaign, '2024-05-24', second, () => '2024-05-24T02:00:00.000Z', earlier)

  it('carries its last 累计 forward, marked, with nothing for the week', () => {
    const carried = week.rows.find((r) => r.unit === '八坊街道')
    expect(carried).toMatchObject({ carried: '2024-05-17', late: false })
    expect(carried?.fields).toMatchObject({ records: '10', 'doneTotal关停取缔': '3', finesTotal: '1.10', openItems: '未报送，沿用5月17日的数据' })
    expect(carried?.fields['newFinds']).toBeUndefined()
    expect(carried?.fields['doneWeek关停取缔']).toBeUndefined()
    expect(week.missing).toContain('八坊街道')
  })

  it('so the city’s 累计 never goes back, and the text and the 附表 line say whose figures are carried', () => {
    const before = cityWeek(defaultCampaign, '2024-05-17', first, () => '2024-05-17T02:00:00.000Z')
    for (const key of ['records', 'doneTotal关停取缔', 'doneTotal升级改造', 'finesTotal']) {
      expect(Number(week.totals[key]), key).toBeGreaterThanOrEqual(Number(before.totals[key]))
    }
    expect(week.totals).toMatchObject({ records: '13', 'doneTotal关停取缔': '3', newFinds: '1', finesWeek: '0.00' })
    const text = cityDraft(defaultCampaign, '2024-05-24', week)
    expect(text.problems).toBe(`${week.missing.length}个单位未报送本周工作进展，其中1个单位沿用其最近一次报送的数据。各单位本周未报告未完成事项。`)
    expect(attachmentLine(defaultCampaign, week.rows, ['八坊街道', '折桥镇'])).toBe('详细情况见附表。八坊街道、折桥镇未报送（八坊街道沿用最近一次报送的数据）。')
  })
})

describe('the office dashboard', () => {
  it('lists the plan’s deadlines from today and the next Friday report; every report so far with who sent it', () => {
    const d = officeDashboard(defaultCampaign, { streams: new Map(), supervision: [], complaints: [], today: '2024-05-11' })
    expect(d.upcoming.map((u) => u.date)).toEqual(['2024-05-17', '2024-06-28', '2024-09-30'])
    expect(d.city).toEqual({ records: 0, done: 0, rate: null })
    expect(d.reporting.map((r) => [r.id, r.label, r.expected, r.received])).toEqual([
      ['contacts', '附件1', 24, 0],
      ['annex2', '附件2', 11, 0],
      ['weekly:2024-05-17', '第1期工作进展', 18, 0],
      ['annex3', '附件3', 18, 0],
      ['annex4', '附件4', 18, 0]
    ])
  })
})
