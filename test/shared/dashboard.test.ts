import { describe, expect, it } from 'vitest'
import { defaultCampaign, unitById } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { unitDashboard, unitsProgress } from '@shared/reports/dashboard'

const records: RecordFields[] = [
  { category: '关停取缔', status: '已销号', completeDate: '2024-06-10', deadline: '2024-06-15', caseDate: '2024-05-20', fineAmount: '1.5' },
  { category: '升级改造', status: '已完成', completeDate: '2024-07-20', deadline: '2024-08-31' },
  { category: '升级改造', status: '整治中', deadline: '2024-06-01' },
  { category: '整合搬迁', status: '已登记', deadline: '2024-09-30' }
]

describe('unit dashboard', () => {
  it('counts completion by category, status and phase, the overdue records and the next reports', () => {
    const d = unitDashboard(defaultCampaign, unitById(defaultCampaign, 't005')!, records, [], '2024-07-25')
    expect(d).toMatchObject({ records: 4, done: 2, rate: 50, overdue: 1, cases: 1, fines: 1.5 })
    expect(d.byCategory).toEqual([
      { category: '关停取缔', due: 1, done: 1 },
      { category: '整合搬迁', due: 1, done: 0 },
      { category: '升级改造', due: 2, done: 1 }
    ])
    expect(d.byStatus.find((s) => s.status === '整治中')?.count).toBe(1)
    expect(d.byPhase).toEqual([
      { phase: '排查摸底阶段', done: 0 },
      { phase: '清理整治阶段', done: 1 },
      { phase: '整治提升阶段', done: 1 }
    ])
    expect(d.weeks).toHaveLength(7)
    expect(d.weeks.at(-1)).toMatchObject({ friday: '2024-06-28', done: 1 })
    expect(d.upcoming).toEqual([{ date: '2024-09-30', what: expect.stringContaining('附件4'), daysLeft: 67 }])
  })
})

describe('unit dashboard, edge of each figure', () => {
  const unit = unitById(defaultCampaign, 't005')!
  it('a unit without records has no rate, and every status counted at 0', () => {
    const d = unitDashboard(defaultCampaign, unit, [], [], '2024-05-01')
    expect(d).toMatchObject({ records: 0, done: 0, rate: null, overdue: 0, weeks: [] })
    expect(d.byStatus.map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 0])
  })
  it('the rate has one decimal; a deadline due today or blank is not overdue; a completion counts in its phase, ends included', () => {
    const three: RecordFields[] = [
      { category: '关停取缔', status: '已完成', completeDate: '2024-05-15' },
      { category: '关停取缔', status: '整治中', deadline: '2024-07-25' },
      { category: '关停取缔', status: '整治中', deadline: '' }
    ]
    const d = unitDashboard(defaultCampaign, unit, three, [], '2024-07-25')
    expect(d).toMatchObject({ rate: 33.3, overdue: 0 })
    expect(d.byPhase[1]).toEqual({ phase: '清理整治阶段', done: 1 })
    expect(unitDashboard(defaultCampaign, unit, [{ ...three[0]!, completeDate: '2024-06-28' }], [], '2024-07-25').byPhase[1]?.done).toBe(1)
    expect(unitDashboard(defaultCampaign, unit, [{ ...three[0]!, completeDate: '2024-06-29' }], [], '2024-07-25').byPhase[1]?.done).toBe(0)
  })
  it('lists the report Fridays up to today, each with the completions to date', () => {
    const d = unitDashboard(defaultCampaign, unit, records, [], '2024-05-24')
    expect(d.weeks).toEqual([
      { friday: '2024-05-17', done: 0, rate: 0 },
      { friday: '2024-05-24', done: 0, rate: 0 }
    ])
  })
  it('shows at most the next five reports, from today on, with the days left', () => {
    const d = unitDashboard(defaultCampaign, unit, records, [], '2024-05-17')
    expect(d.upcoming).toHaveLength(5)
    expect(d.upcoming[0]).toMatchObject({ date: '2024-05-17', daysLeft: 0 })
  })
})

describe('units\' progress for the office', () => {
  const row = (unit: string, fields: RecordFields) => ({ unit, fields })
  it('counts each unit\'s completed rows (by status or 整治进展) and the city\'s, and leaves out units with nothing', () => {
    const rows = [
      row('城南街道', { status: '已完成' }), row('城南街道', { progress: '已完成' }), row('城南街道', {}),
      row('城北街道', {}), row('城北街道', {}), row('城北街道', { status: '已验收' })
    ]
    const p = unitsProgress(defaultCampaign, rows, new Set(['城北街道', '西关街道']))
    expect(p.city).toEqual({ records: 6, done: 3, rate: 50 })
    // 西关街道 is behind but has no rows: no completion to show.
    expect(p.units).toEqual([
      { unit: '城南街道', records: 3, done: 2, rate: 66.7, behind: false },
      { unit: '城北街道', records: 3, done: 1, rate: 33.3, behind: true }
    ])
  })
  it('with no rows at all the city has no rate', () => {
    expect(unitsProgress(defaultCampaign, [], new Set())).toEqual({ city: { records: 0, done: 0, rate: null }, units: [] })
  })
})
