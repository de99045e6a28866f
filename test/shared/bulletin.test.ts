/** The 通报 drafted from the office's figures: totals, receipt of each report, ranking, who is behind with what. */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { bulletinNumber, nextBulletinSeq } from '@shared/office/accountability'
import type { AccountabilityRecord } from '@shared/office/accountability'
import { BULLETIN_TITLE, bulletinDraft } from '@shared/office/bulletin'
import type { OfficeDashboard } from '@shared/office/dashboard'
import type { StoredNotice } from '@shared/office/notices'

const dashboard: OfficeDashboard = {
  today: '2024-06-20',
  city: { records: 60, done: 21, rate: 35 },
  units: [
    { unit: '城南街道', records: 10, done: 2, rate: 20, behind: false },
    { unit: '城北街道', records: 20, done: 10, rate: 50, behind: true },
    { unit: '八坊街道', records: 10, done: 6, rate: 60, behind: false },
    { unit: '城郊镇', records: 15, done: 3, rate: 20, behind: true },
    { unit: '南龙镇', records: 5, done: 0, rate: 0, behind: false }
  ],
  behind: [
    { unit: '城北街道', items: [{ kind: 'report', id: 'weekly:2024-06-14', label: '第5期工作进展', what: '', due: '2024-06-14', received: null, overdue: true }] },
    { unit: '城郊镇', items: [{ kind: 'report', id: 'contacts', label: '附件1', what: '', due: '2024-04-30', received: null, overdue: true }] },
    { unit: '南龙镇', items: [{ kind: 'notice', id: 'notice:临市散办督〔2024〕2号', label: '临市散办督〔2024〕2号反馈', what: '', due: '2024-06-15', received: null, overdue: true }] }
  ],
  reporting: [
    { id: 'contacts', label: '附件1', deadline: '2024-04-30', what: '', expected: 24, received: 23, late: 2 },
    { id: 'annex2', label: '附件2', deadline: '2024-05-10', what: '', expected: 11, received: 11, late: 0 },
    { id: 'annex3', label: '附件3', deadline: '2024-06-28', what: '', expected: 18, received: 0, late: 0 }
  ],
  taskGroups: [],
  leads: [],
  upcoming: [],
  openConflicts: 0,
  overdueNotices: 1,
  complaints: { total: 0, done: 0, rate: null, overdue: 0 }
}

const notice = { unit: '南龙镇', number: '临市散办督〔2024〕2号', deadline: '2024-06-15', feedback: null } as unknown as StoredNotice

describe('the 通报 draft', () => {
  const text = bulletinDraft(defaultCampaign, dashboard, new Map([['城郊镇', 4], ['南龙镇', 1]]), [notice], ['临夏市工业和信息化局'])

  it('states the city’s totals and the receipt of each report already due', () => {
    expect(text.title).toBe(BULLETIN_TITLE)
    expect(text.toUnits).toBe('各镇人民政府、街道办事处，市直各有关部门')
    expect(text.sections.map((s) => s.heading)).toEqual(['一、总体进展情况', '二、各单位进展情况', '三、存在的主要问题', '四、下一步工作要求'])
    expect(text.sections[0]?.text).toBe(
      '截至2024年6月20日，全市共摸底排查“散乱污”问题60个，已完成整治21个，完成率35.0%。' +
        '报送情况：附件1（4月30日前）应报24个单位，已报23个，其中逾期报送2个；附件2（5月10日前）应报11个单位，已报11个。'
    )
  })

  it('ranks the units by completion (more problems first on a tie) and names the top and bottom three', () => {
    expect(text.ranking.map((r) => [r.rank, r.unit, r.rate, r.overdue, r.owed])).toEqual([
      [1, '八坊街道', 60, 0, ''],
      [2, '城北街道', 50, 0, '第5期工作进展'],
      [3, '城郊镇', 20, 4, '附件1'],
      [4, '城南街道', 20, 0, ''],
      [5, '南龙镇', 0, 1, '临市散办督〔2024〕2号反馈']
    ])
    expect(text.sections[1]?.text).toBe(
      '完成率较高的是八坊街道（60.0%）、城北街道（50.0%）、城郊镇（20.0%）；完成率较低的是南龙镇（0.0%）、城南街道（20.0%）。各单位具体情况见附表。'
    )
  })

  it('names who is behind for each report (a 督办 反馈 only once), the problems past 完成时限 and the notices without 反馈', () => {
    expect(text.sections[2]?.text.split('\n')).toEqual([
      '附件1（4月30日前）逾期未报送的有1个单位：城郊镇。',
      '第5期工作进展（6月14日前）逾期未报送的有1个单位：城北街道。',
      '城郊镇4个、南龙镇1个问题超过完成时限仍未完成整治。',
      '南龙镇（临市散办督〔2024〕2号）逾期未反馈督办事项办理情况。'
    ])
    expect(text.copyTo).toEqual(['临夏市工业和信息化局'])
  })

  it('says so when nobody is behind and nothing is reported yet', () => {
    const empty = bulletinDraft(defaultCampaign, { ...dashboard, units: [], behind: [], reporting: [] }, new Map(), [], [])
    expect(empty.sections[1]?.text).toBe('各单位尚未报送摸底情况，暂无进展数据。')
    const none = bulletinDraft(defaultCampaign, { ...dashboard, units: dashboard.units.map((u) => ({ ...u, done: 0, rate: 0 })) }, new Map(), [], [])
    expect(none.sections[1]?.text).toBe('各单位尚无完成整治的问题；摸底问题较多的是城北街道（20个）、城郊镇（15个）、城南街道（10个）。各单位具体情况见附表。')
    expect(empty.sections[2]?.text).toBe('各单位均按时报送，暂未发现逾期问题。')
    expect(empty.sections[0]?.text).toContain('报送情况：各项报送时间均未到。')
  })

  it('numbers 通报 per year after the 督办 prefix', () => {
    expect(bulletinNumber('临市散办督', 2024, 3)).toBe('临市散办通〔2024〕3号')
    const issued = [{ kind: '通报', number: '临市散办通〔2024〕1号' }, { kind: '约谈', number: '' }, { kind: '通报', number: '临市散办通〔2023〕5号' }] as AccountabilityRecord[]
    expect(nextBulletinSeq(issued, 2024)).toBe(2)
  })
})
