/**
 * The weekly report drafted with its numbers filled in: the clerk edits the wording, never types the figures
 * (annexes.md §1.8 structure). Each part is plain text; paragraphs are separated by a line break.
 */
import { CATEGORIES } from '../domain/enums'
import type { Campaign } from '../campaign/campaign'
import type { WeeklyNarrative } from './documents'
import type { WeekFigures } from './weekly'
import { monthDay } from '../domain/dates'

const byCategory = (counts: Record<string, number>): string => CATEGORIES.map((c) => `${c}${counts[c] ?? 0}个`).join('、')
const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0)

/** 第 N 期: the Friday's place among the campaign's weekly reports (0 when it is not one of them). */
export function issueNumber(campaign: Campaign, friday: string): number {
  const w = campaign.weeklyReports
  if (friday < w.from || friday > w.to) return 0
  return Math.round((Date.parse(friday) - Date.parse(w.from)) / (7 * 86_400_000)) + 1
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
