/**
 * 立案 counted one way (issue 20, finding 4): the Friday report's 累计立案/罚款, 附件3's 立案数/罚款 and the unit's
 * dashboard give the same figures for the same records, whether 是否立案 was said or left blank.
 */
import { describe, expect, it } from 'vitest'
import { annex3 } from '@shared/annexes/annex3'
import { illegal } from '@shared/annexes/illegal'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { unitDashboard } from '@shared/reports/dashboard'
import { weekFigures } from '@shared/reports/weekly'

const base = { name: '甲', category: '升级改造', foundDate: '2024-05-08' }
const records: RecordFields[] = [
  { ...base, caseFiled: '是', caseDate: '2024-05-14', decisionNo: '临市罚〔2024〕1号', decisionDate: '2024-05-16', fineAmount: '1.20' },
  // Filled as a case, 是否立案 left blank: a case.
  { ...base, caseDate: '2024-05-15', decisionNo: '临市罚〔2024〕2号', fineAmount: '3.30' },
  // Said 否: never a case, its amount not a fine of a case.
  { ...base, caseFiled: '否', fineAmount: '0.50' },
  // 是 without a date: a case from the start, in no week.
  { ...base, caseFiled: '是' },
  { ...base }
]
const stat = (header: string): number | null => {
  const column = annex3.stats?.columns.find((c) => c.header === header)
  return column ? column.compute(records) : null
}

describe('立案 and 罚款, one count', () => {
  it('the Friday report, 附件3 and the dashboard agree', () => {
    const week = weekFigures(records, [], '2024-05-17')
    expect([week.casesToDate, week.finesToDate]).toEqual([3, 4.5])
    expect([stat('立案数'), stat('罚款（万元）')]).toEqual([3, 4.5])
    const unit = defaultCampaign.units.find((u) => u.name === '八坊街道')
    if (!unit) throw new Error('八坊街道')
    const d = unitDashboard(defaultCampaign, unit, records, [], '2024-05-17')
    expect([d.cases, d.fines]).toEqual([3, 4.5])
    // The week counts the dated ones; the dateless case only in the 累计.
    expect([week.casesThisWeek, week.finesThisWeek]).toEqual([2, 4.5])
    // The 违法问题查处清单 lists the same three cases.
    expect(records.filter((f) => illegal.rowFilter?.(f))).toHaveLength(3)
  })
})
