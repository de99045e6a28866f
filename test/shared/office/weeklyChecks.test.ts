/** A unit's 累计 follows on from last week's plus this week's (issue 20, finding 5): where not, the office is told. */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { consolidate } from '@shared/merge/consolidate'
import type { RecordFields } from '@shared/ledger/record'
import { cityWeek } from '@shared/office/cityWeekly'
import { streamAnnex } from '@shared/office/streams'
import { followOnProblems } from '@shared/office/weeklyChecks'
import { submission } from '../merge/builders'

const last: RecordFields = { records: '10', 'doneTotal关停取缔': '3', 'doneTotal升级改造': '1', tlcTotal: '2', casesTotal: '1', finesTotal: '1.10' }
const fine: RecordFields = { records: '12', newFinds: '2', 'doneWeek关停取缔': '1', 'doneTotal关停取缔': '4', 'doneTotal升级改造': '1', tlcTotal: '2', casesWeek: '1', casesTotal: '2', finesWeek: '0.40', finesTotal: '1.50' }

describe('figures that follow on from last week', () => {
  it('hold when every 累计 is last week’s plus this week’s', () => {
    expect(followOnProblems(last, fine)).toEqual([])
  })

  it('name each figure that does not, with the sum it should be', () => {
    // The case: 本周 4 + 2 + 3 never made the 累计 of 10.
    const off = { ...fine, 'doneWeek关停取缔': '2', finesTotal: '1.60' }
    expect(followOnProblems(last, off)).toEqual(['累计完成（关停取缔）：上周3 + 本周2 = 5，报为4', '罚款累计（万元）：上周1.10 + 本周0.40 = 1.50，报为1.60'])
  })

  it('are checked in the city’s week against the week just before only', () => {
    const weekly = (n: number, unit: string, fields: RecordFields, friday: string) =>
      submission(n, unit, [{ rowNumber: 6, fields: { ...fields, unit }, flagged: false }], { annex: 'weekly', sheet: '工作进展', filledDate: friday })
    const week = (friday: string, ...subs: ReturnType<typeof weekly>[]) => consolidate(subs, [], defaultCampaign, streamAnnex(`weekly:${friday}`))
    const earlier = new Map([
      ['2024-05-17', week('2024-05-17', weekly(1, '八坊街道', last, '2024-05-17'))],
      ['2024-05-24', week('2024-05-24', weekly(2, '城郊镇', last, '2024-05-24'))]
    ])
    const off = { ...fine, 'doneWeek关停取缔': '2' }
    // 城郊镇 reported 5/24: its 5/31 must follow on. 八坊街道 skipped 5/24: nothing to check against.
    const now = week('2024-05-31', weekly(3, '城郊镇', off, '2024-05-31'), weekly(4, '八坊街道', off, '2024-05-31'))
    const rows = cityWeek(defaultCampaign, '2024-05-31', now, () => '2024-05-31T02:00:00.000Z', earlier).rows
    expect(rows.map((r) => [r.unit, r.followOn])).toEqual([
      ['八坊街道', undefined],
      ['城郊镇', ['累计完成（关停取缔）：上周3 + 本周2 = 5，报为4']]
    ])
  })
})
