import type { Campaign, CampaignUnit } from './campaign'
import { expectedReporters } from './campaign'

export interface DueReport {
  date: string
  what: string
  /** Whole days from today (0: due today). */
  daysLeft: number
}

const DAY = 86_400_000
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)

/** Whole days from `today` to `date`: 0 on the day itself, negative once it has passed. */
export const daysFrom = (today: string, date: string): number => dayNumber(date) - dayNumber(today)

/** The Friday report as a due item says it: 每周五中午下班前上报工作进展（周五12:00前）. */
export const weeklyDueText = (campaign: Campaign): string => `${campaign.weeklyReports.what}（周五${campaign.weeklyReports.dueTime}前）`

/** Every report the plan asks of this unit: the annex deadlines and, in 清理整治, each Friday's progress report. */
export function reportsDue(campaign: Campaign, unit: CampaignUnit): DueReport[] {
  const mine = (who: Campaign['deadlines'][number]['reporters']): boolean => expectedReporters(campaign, who).some((u) => u.id === unit.id)
  const out: { date: string; what: string }[] = campaign.deadlines.filter((d) => mine(d.reporters)).map((d) => ({ date: d.date, what: d.what }))
  const w = campaign.weeklyReports
  if (mine(w.reporters)) {
    for (let d = dayNumber(w.from); d <= dayNumber(w.to); d += 7) out.push({ date: isoOf(d), what: weeklyDueText(campaign) })
  }
  return out.sort((a, b) => a.date.localeCompare(b.date)).map((r) => ({ ...r, daysLeft: 0 }))
}

/** The next report this unit owes on or after today, or null once the campaign's reporting is over. */
export function nextDue(campaign: Campaign, unit: CampaignUnit, today: string): DueReport | null {
  const next = reportsDue(campaign, unit).find((r) => r.date >= today)
  return next ? { ...next, daysLeft: daysFrom(today, next.date) } : null
}
