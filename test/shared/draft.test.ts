import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { draftMonthlySummary, draftNarrative, issueNumber, monthStart, outsideReports, reportFridays } from '@shared/reports/draft'
import type { PeriodCounts } from '@shared/reports/weekly'
import { week } from './reportFigures'

const month: PeriodCounts = { newFinds: 7, done: { 关停取缔: 3, 整合搬迁: 1, 升级改造: 0 }, tlc: 4, cases: 3, fines: 1.2 }

/** The drafts carry every figure into the wording; the clerk edits the words, never the numbers. */
describe('the weekly report drafted from the figures', () => {
  it('writes each figure where the report says it, rate to one decimal and 万元 to two', () => {
    expect(draftNarrative('八坊街道', week)).toEqual({
      overview:
        '截至6月14日，八坊街道共摸底排查“散乱污”问题12个，累计完成整治7个（关停取缔4个、整合搬迁1个、升级改造2个），完成率58.3%；' +
        '累计实施“两断三清”5户，立案查处6起，罚款3.25万元；“回头看”核查2023年销号问题9个，发现反弹0个。',
      thisWeek: '本周（6月8日—6月14日）新发现问题3个；完成整治3个（关停取缔1个、整合搬迁0个、升级改造2个）；实施“两断三清”1户；立案查处2起，罚款0.50万元。',
      problems: '本周未发现超过完成时限未完成整治的问题。',
      nextWeek: '一是加快推进未完成问题的整治，逐户落实“一企一策”，确保按期完成。\n二是对已关停取缔的问题开展巡查，严防死灰复燃。\n三是按时报送工作进展。'
    })
  })

  it('says 完成率0% with no records, and names the overdue count when there is one', () => {
    const none = draftNarrative('城郊镇', { ...week, records: 0, doneRate: null, overdue: 2 })
    expect(none.overview).toContain('完成率0%；')
    expect(none.problems).toBe('截至本周五，仍有2个问题超过完成时限未完成整治。')
  })

  it('numbers the Fridays from the first report (第1期 5/17) to the last (第7期 6/28), 0 outside them', () => {
    expect(reportFridays(defaultCampaign)).toEqual(['2024-05-17', '2024-05-24', '2024-05-31', '2024-06-07', '2024-06-14', '2024-06-21', '2024-06-28'])
    expect(reportFridays(defaultCampaign).map((d) => issueNumber(defaultCampaign, d))).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(issueNumber(defaultCampaign, '2024-05-10')).toBe(0)
    // Counting back would make this 第0期 and the week before 第-1期: outside the campaign is 0, however far.
    expect(issueNumber(defaultCampaign, '2024-05-03')).toBe(0)
    expect(issueNumber(defaultCampaign, '2024-07-05')).toBe(0)
    // A day between two Fridays belongs to the nearer one.
    expect(issueNumber(defaultCampaign, '2024-05-20')).toBe(1)
    expect(issueNumber(defaultCampaign, '2024-05-21')).toBe(2)
  })

  it('says why a Friday outside them has no number', () => {
    expect(outsideReports(defaultCampaign, '2024-07-05')).toBe('7月5日不在方案规定的每周报送期间（5月17日至6月28日），这份报告不编期号。')
    expect(outsideReports(defaultCampaign, '2024-05-10')).toBe('5月10日不在方案规定的每周报送期间（5月17日至6月28日），这份报告不编期号。')
    expect(reportFridays(defaultCampaign).map((d) => outsideReports(defaultCampaign, d))).toEqual(Array(7).fill(null))
  })
})

describe('the monthly summary drafted from the figures', () => {
  it('writes 本月 from the first of the month and the 累计 of the report, with a prompt for 主要做法', () => {
    const draft = draftMonthlySummary('八坊街道', defaultCampaign, week, month)
    expect(draft.title).toBe('八坊街道2024年6月份“散乱污”问题清理整治工作总结')
    expect(draft.sections).toEqual([
      {
        heading: '一、工作开展情况',
        text:
          '6月1日至6月14日，新发现“散乱污”问题7个，完成整治4个（关停取缔3个、整合搬迁1个、升级改造0个），实施“两断三清”4户，立案查处3起，罚款1.20万元。\n' +
          draftNarrative('八坊街道', week).overview
      },
      { heading: '二、主要做法', text: '（请结合本单位实际填写本月的主要做法，如排查方式、部门联合执法、“一企一策”整治、宣传引导等。）' },
      { heading: '三、存在问题', text: '未发现超过完成时限未完成整治的问题。' },
      {
        heading: '四、下步工作打算',
        text:
          '一是加快推进未完成问题的整治，逐户落实“一企一策”，确保按期完成。\n' +
          '二是对已关停取缔的问题定期巡查，严防死灰复燃。\n' +
          '三是督促整治类企业完善污染防治措施和相关手续，做到稳定达标排放。'
      }
    ])
  })

  it('names overdue problems and 回头看 rebounds under 存在问题', () => {
    const draft = draftMonthlySummary('八坊街道', defaultCampaign, { ...week, overdue: 3, huikanRebounds: 2 }, month)
    expect(draft.sections[2]?.text).toBe('截至6月14日，仍有3个问题超过完成时限未完成整治。“回头看”发现2个2023年销号问题反弹，需重新整治。')
  })

  it('starts 本月 on the first of the month', () => {
    expect(monthStart('2024-06-28')).toBe('2024-06-01')
    expect(monthStart('2024-12-31')).toBe('2024-12-01')
  })
})
