/**
 * The 通报 on the campaign's progress (plan 五(三)), drafted from the office's figures: the city's totals, each
 * report's receipt, the units ranked by completion, who is behind and with what, problems past 完成时限 and 督办
 * without 反馈, then the requirements. Its words are the office's to change in Word; its figures are not typed.
 */
import type { Campaign } from '../campaign/campaign'
import { isTownLike } from '../campaign/campaign'
import { cnDate, monthDay } from '../domain/dates'
import type { BulletinText } from './accountability'
import type { OfficeDashboard } from './dashboard'
import type { StoredNotice } from './notices'
import { noticeOverdue } from './notices'

export const BULLETIN_TITLE = '关于全市“散乱污”问题清理整治工作进展情况的通报'

const rateText = (rate: number | null): string => (rate === null ? '—' : `${rate.toFixed(1)}%`)

export const BULLETIN_REQUIREMENTS = [
  '一是被通报的单位要对照问题逐项整改，于通报印发之日起5个工作日内将整改情况书面报市“散乱污”领导小组办公室。',
  '二是各单位要严格按照工作方案确定的时间节点按时报送，逾期未报送的，领导小组办公室将约谈单位分管负责人。',
  '三是对整改不力、问题反弹、造成不良影响的，按照实施方案规定追究相关单位和人员责任。'
]

/**
 * The draft as of `today`: `overdue` counts each unit's problems past 完成时限 not reported done (ProblemChoice
 * state 逾期); `copyTo` are full names for the 版记.
 */
export function bulletinDraft(
  campaign: Campaign,
  d: OfficeDashboard,
  overdue: ReadonlyMap<string, number>,
  notices: readonly StoredNotice[],
  copyTo: readonly string[]
): BulletinText {
  const today = d.today
  const owed = new Map(d.behind.map((b) => [b.unit, b.items.map((i) => i.label).join('、')]))
  const ranked = [...d.units].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.records - a.records)
  const ranking = ranked.map((u, i) => ({ rank: i + 1, unit: u.unit, records: u.records, done: u.done, rate: u.rate, overdue: overdue.get(u.unit) ?? 0, owed: owed.get(u.unit) ?? '' }))

  const passed = d.reporting.filter((r) => r.deadline < today)
  const reportingText = passed.length
    ? passed.map((r) => `${r.label}（${monthDay(r.deadline)}前）应报${r.expected}个单位，已报${r.received}个${r.late ? `，其中逾期报送${r.late}个` : ''}`).join('；') + '。'
    : '各项报送时间均未到。'
  const overview =
    `截至${cnDate(today)}，全市共摸底排查“散乱污”问题${d.city.records}个，已完成整治${d.city.done}个，完成率${rateText(d.city.rate)}。` +
    `报送情况：${reportingText}`

  const top = ranking.slice(0, 3)
  // The lowest three, never the same units as the highest.
  const bottom = ranking.slice(Math.max(3, ranking.length - 3)).reverse()
  const progress = !ranking.length
    ? '各单位尚未报送摸底情况，暂无进展数据。'
    : !ranking[0]?.rate
      ? `各单位尚无完成整治的问题；摸底问题较多的是${[...ranking].sort((a, b) => b.records - a.records).slice(0, 3).map((u) => `${u.unit}（${u.records}个）`).join('、')}。各单位具体情况见附表。`
      : `完成率较高的是${top.map((u) => `${u.unit}（${rateText(u.rate)}）`).join('、')}` +
        (bottom.length ? `；完成率较低的是${bottom.map((u) => `${u.unit}（${rateText(u.rate)}）`).join('、')}` : '') +
        '。各单位具体情况见附表。'

  // Grouped by report, in due order: who has not sent each (督办 反馈 have their own line below).
  const problems: string[] = []
  const byItem = new Map<string, { label: string; due: string; units: string[] }>()
  for (const b of d.behind) {
    for (const i of b.items.filter((x) => x.kind === 'report')) {
      const entry = byItem.get(i.id) ?? { label: i.label, due: i.due, units: [] }
      entry.units.push(b.unit)
      byItem.set(i.id, entry)
    }
  }
  for (const e of [...byItem.values()].sort((a, b) => a.due.localeCompare(b.due))) {
    problems.push(`${e.label}（${monthDay(e.due)}前）逾期未报送的有${e.units.length}个单位：${e.units.join('、')}。`)
  }
  const lateProblems = ranking.filter((u) => u.overdue > 0)
  if (lateProblems.length) {
    problems.push(`${lateProblems.map((u) => `${u.unit}${u.overdue}个`).join('、')}问题超过完成时限仍未完成整治。`)
  }
  const unanswered = notices.filter((n) => noticeOverdue(n, today))
  if (unanswered.length) {
    problems.push(`${unanswered.map((n) => `${n.unit}（${n.number}）`).join('、')}逾期未反馈督办事项办理情况。`)
  }

  const towns = campaign.units.some(isTownLike) ? '各镇人民政府、街道办事处，' : ''
  return {
    title: BULLETIN_TITLE,
    toUnits: `${towns}市直各有关部门`,
    opening: `为加快推进全市“散乱污”问题清理整治工作，根据《${campaign.plan}》要求，现将截至${cnDate(today)}全市工作进展情况通报如下：`,
    sections: [
      { heading: '一、总体进展情况', text: overview },
      { heading: '二、各单位进展情况', text: progress },
      { heading: '三、存在的主要问题', text: problems.length ? problems.join('\n') : '各单位均按时报送，暂未发现逾期问题。' },
      { heading: '四、下一步工作要求', text: BULLETIN_REQUIREMENTS.join('\n') }
    ],
    ranking,
    copyTo: [...copyTo]
  }
}
