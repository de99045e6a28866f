import { describe, expect, it } from 'vitest'
import { defaultCampaign, unitById } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { unitDashboard } from '@shared/reports/dashboard'

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
