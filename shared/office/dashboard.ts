/** The office's dashboard across all units, derived from the consolidations and the 督办通知 register. */
import type { Campaign } from '../campaign/campaign'
import { weeklyDueText } from '../campaign/schedule'
import type { Consolidation, SubmissionSummary } from '../merge/types'
import type { UnitProgress } from '../reports/dashboard'
import { unitsProgress } from '../reports/dashboard'
import { reportFridays } from '../reports/draft'
import type { StoredNotice } from './notices'
import { noticeOverdue } from './notices'
import { reportingStatus } from './reporting'

export interface OfficeDashboard {
  today: string
  city: { records: number; done: number; rate: number | null }
  /** Per unit: completion from its latest 附件3 (整治进展), else its 附件2 rows; behind when lagging or overdue notices. */
  units: UnitProgress[]
  /** Per deadline of the plan: how many of the expected units have reported. */
  reporting: { annex: string; deadline: string; what: string; expected: number; received: number; late: number }[]
  upcoming: { date: string; what: string }[]
  openConflicts: number
  overdueNotices: number
}

export interface DashboardInput {
  annex2: Consolidation
  annex3: Consolidation
  /** The files of every form with a deadline (附件2/3/4, the contact list), as their consolidations class them. */
  submissions: readonly SubmissionSummary[]
  supervision: readonly StoredNotice[]
  today: string
}

export function officeDashboard(campaign: Campaign, input: DashboardInput): OfficeDashboard {
  const { annex2, annex3, today } = input
  // A unit's 附件3 says how far it got (整治进展); a unit that has sent none yet counts by its 附件2 rows.
  const with3 = new Set(annex3.rows.map((r) => r.unit))
  const rows = [...annex3.rows, ...annex2.rows.filter((r) => !with3.has(r.unit))]
  const overdue = input.supervision.filter((n) => noticeOverdue(n, today))
  const byUnit = new Map<string, number>()
  for (const n of overdue) byUnit.set(n.unit, (byUnit.get(n.unit) ?? 0) + 1)
  const { city, units } = unitsProgress(campaign, rows, byUnit)
  return {
    today,
    city,
    units,
    reporting: reportingStatus(campaign, input.submissions).map((r) => ({
      annex: r.annex,
      deadline: r.deadline,
      what: r.what,
      expected: r.units.length,
      received: r.units.filter((u) => u.received).length,
      late: r.units.filter((u) => u.received?.late).length
    })),
    upcoming: upcoming(campaign, today),
    openConflicts: annex2.duplicateGroups.filter((g) => g.decision === null).length,
    overdueNotices: overdue.length
  }
}

/** The plan's deadlines from today on, and the next Friday report. */
function upcoming(campaign: Campaign, today: string): OfficeDashboard['upcoming'] {
  const deadlines = campaign.deadlines.filter((d) => d.date >= today).map((d) => ({ date: d.date, what: d.what }))
  const friday = reportFridays(campaign).find((f) => f >= today)
  const next = friday ? [{ date: friday, what: weeklyDueText(campaign) }] : []
  return [...deadlines, ...next].sort((a, b) => a.date.localeCompare(b.date))
}
