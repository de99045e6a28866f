/**
 * The weekly report (annexes.md §1.8 structure) and the monthly summary drafted with their numbers filled in: the
 * clerk edits the wording, never types the figures. Each part is plain text; paragraphs are separated by a line break.
 */
import { CATEGORIES } from '../domain/enums'
import type { Campaign } from '../campaign/campaign'
import type { MonthlySummaryDocument, WeeklyNarrative } from './documents'
import type { PeriodCounts, WeekFigures } from './weekly'
import { monthDay } from '../domain/dates'

const byCategory = (counts: Record<string, number>): string => CATEGORIES.map((c) => `${c}${counts[c] ?? 0}个`).join('、')
const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0)

/** 第 N 期: the Friday's place among the campaign's weekly reports (0 when it is not one of them). */
export function issueNumber(campaign: Campaign, friday: string): number {
  const w = campaign.weeklyReports
  if (friday < w.from || friday > w.to) return 0
  return Math.round((Date.parse(friday) - Date.parse(w.from)) / (7 * 86_400_000)) + 1
}

/**
 * A Friday outside the plan's weekly reports (before 5/17, after 6/28) still gets its report, with no number: this
 * says why, for the page to show. Null for a report Friday.
 */
export function outsideReports(campaign: Campaign, friday: string): string | null {
  if (issueNumber(campaign, friday) > 0) return null
  const w = campaign.weeklyReports
  return `${monthDay(friday)}不在方案规定的每周报送期间（${monthDay(w.from)}至${monthDay(w.to)}），这份报告不编期号。`
}

/** The campaign's report Fridays (5/17 … 6/28). */
export function reportFridays(campaign: Campaign): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${campaign.weeklyReports.from}T00:00:00Z`); t <= Date.parse(`${campaign.weeklyReports.to}T00:00:00Z`); t += 7 * 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

export function draftNarrative(unitName: string, f: WeekFigures): WeeklyNarrative {
  const totalDone = sum(f.doneToDate)
  return {
    overview:
      `截至${monthDay(f.friday)}，${unitName}共摸底排查“散乱污”问题${f.records}个，累计完成整治${totalDone}个（${byCategory(f.doneToDate)}），` +
      `完成率${f.doneRate === null ? '0' : f.doneRate.toFixed(1)}%；累计实施“两断三清”${f.tlcToDate}户，立案查处${f.casesToDate}起，罚款${f.finesToDate.toFixed(2)}万元；` +
      `“回头看”核查2023年销号问题${f.huikanChecked}个，发现反弹${f.huikanRebounds}个。`,
    thisWeek:
      `本周（${monthDay(f.from)}—${monthDay(f.friday)}）新发现问题${f.newFinds}个；完成整治${sum(f.doneThisWeek)}个（${byCategory(f.doneThisWeek)}）；` +
      `实施“两断三清”${f.tlcThisWeek}户；立案查处${f.casesThisWeek}起，罚款${f.finesThisWeek.toFixed(2)}万元。`,
    problems: f.overdue > 0 ? `截至本周五，仍有${f.overdue}个问题超过完成时限未完成整治。` : '本周未发现超过完成时限未完成整治的问题。',
    nextWeek: '一是加快推进未完成问题的整治，逐户落实“一企一策”，确保按期完成。\n二是对已关停取缔的问题开展巡查，严防死灰复燃。\n三是按时报送工作进展。'
  }
}

/** 2024-06-28 → 2024-06-01: the 本月 of a monthly summary runs from the first of the month to its date. */
export const monthStart = (iso: string): string => `${iso.slice(0, 8)}01`

type SummaryDraft = Pick<MonthlySummaryDocument, 'title' | 'opening' | 'sections'>

/**
 * The 月度工作总结 drafted from the figures: 本月 (`month`, from monthStart(date)) and 累计 (`week`, the report
 * figures on `date`) written out; 主要做法 left as a prompt, since only the unit knows what it did.
 */
export function draftMonthlySummary(unitName: string, campaign: Campaign, week: WeekFigures, month: PeriodCounts): SummaryDraft {
  const date = week.friday
  const monthName = `${Number(date.slice(5, 7))}月份`
  const rebounds = week.huikanRebounds > 0 ? `“回头看”发现${week.huikanRebounds}个2023年销号问题反弹，需重新整治。` : ''
  return {
    title: `${unitName}${date.slice(0, 4)}年${monthName}“散乱污”问题清理整治工作总结`,
    opening: `按照《${campaign.plan}》要求，现将${unitName}${monthName}“散乱污”问题清理整治工作情况总结如下：`,
    sections: [
      {
        heading: '一、工作开展情况',
        text:
          `${monthDay(monthStart(date))}至${monthDay(date)}，新发现“散乱污”问题${month.newFinds}个，完成整治${sum(month.done)}个（${byCategory(month.done)}），` +
          `实施“两断三清”${month.tlc}户，立案查处${month.cases}起，罚款${month.fines.toFixed(2)}万元。\n` +
          draftNarrative(unitName, week).overview
      },
      { heading: '二、主要做法', text: '（请结合本单位实际填写本月的主要做法，如排查方式、部门联合执法、“一企一策”整治、宣传引导等。）' },
      {
        heading: '三、存在问题',
        text: (week.overdue > 0 ? `截至${monthDay(date)}，仍有${week.overdue}个问题超过完成时限未完成整治。` : '未发现超过完成时限未完成整治的问题。') + rebounds
      },
      {
        heading: '四、下步工作打算',
        text:
          '一是加快推进未完成问题的整治，逐户落实“一企一策”，确保按期完成。\n' +
          '二是对已关停取缔的问题定期巡查，严防死灰复燃。\n' +
          '三是督促整治类企业完善污染防治措施和相关手续，做到稳定达标排放。'
      }
    ]
  }
}
