/** The office's dashboard across all units, derived from the consolidations and the 督办通知 register. */
import type { Campaign } from '../campaign/campaign'
import { weeklyDueText } from '../campaign/schedule'
import type { Consolidation } from '../merge/types'
import type { Complaint, ComplaintCounts } from '../complaints/register'
import { complaintCounts } from '../complaints/register'
import type { UnitProgress } from '../reports/dashboard'
import { unitsProgress } from '../reports/dashboard'
import { reportFridays } from '../reports/draft'
import type { UnitDues } from './behind'
import { behindUnits, campaignDues } from './behind'
import type { StoredNotice } from './notices'
import { noticeOverdue, officeProblems } from './notices'
import type { GroupProgress, LeadProgress } from './taskGroups'
import { taskGroupProgress } from './taskGroups'
import { reportingStatus } from './reporting'

export interface OfficeDashboard {
  today: string
  city: { records: number; done: number; rate: number | null }
  /** Per unit with rows: completion from its latest 附件3 (整治进展), else its 附件2 rows. */
  units: UnitProgress[]
  /** The units behind (office/behind.ts), each with what it owes past due. */
  behind: UnitDues[]
  /** Progress by 专责组 and by 牵头单位 (office/taskGroups.ts). */
  taskGroups: GroupProgress[]
  leads: LeadProgress[]
  /** Per report of the plan so far: how many of the expected units have reported, how many of them late. */
  reporting: { id: string; label: string; deadline: string; what: string; expected: number; received: number; late: number }[]
  upcoming: { date: string; what: string }[]
  openConflicts: number
  overdueNotices: number
  /** 举报受理: how many, 办结率 and how many past their 办理时限 (complaints/register.ts). */
  complaints: ComplaintCounts
}

export interface DashboardInput {
  /** Every consolidation the office keeps (streams.ts). */
  streams: ReadonlyMap<string, Consolidation>
  supervision: readonly StoredNotice[]
  /** The office's 举报受理登记 register. */
  complaints: readonly Complaint[]
  today: string
}

export function officeDashboard(campaign: Campaign, input: DashboardInput): OfficeDashboard {
  const { streams, today } = input
  const annex2 = streams.get('annex2')
  const annex3 = streams.get('annex3')
  // A unit's 附件3 says how far it got (整治进展); a unit that has sent none yet counts by its 附件2 rows.
  const with3 = new Set(annex3?.rows.map((r) => r.unit))
  const rows = [...(annex3?.rows ?? []), ...(annex2?.rows ?? []).filter((r) => !with3.has(r.unit))]
  const dues = campaignDues(campaign, { streams, notices: input.supervision, today })
  const behind = behindUnits(dues)
  const { city, units } = unitsProgress(campaign, rows, new Set(behind.map((b) => b.unit)))
  const { groups, leads } = taskGroupProgress(campaign, officeProblems(campaign, streams, today))
  return {
    today,
    city,
    units,
    behind,
    taskGroups: groups,
    leads,
    reporting: reportingStatus(dues).map((r) => ({
      id: r.id,
      label: r.label,
      deadline: r.deadline,
      what: r.what,
      expected: r.units.length,
      received: r.units.filter((u) => u.received).length,
      late: r.units.filter((u) => u.received?.late).length
    })),
    upcoming: upcoming(campaign, today),
    openConflicts: annex2?.duplicateGroups.filter((g) => g.decision === null).length ?? 0,
    overdueNotices: input.supervision.filter((n) => noticeOverdue(n, today)).length,
    complaints: complaintCounts(input.complaints, today)
  }
}

/** The plan's deadlines from today on, and the next Friday report. */
function upcoming(campaign: Campaign, today: string): OfficeDashboard['upcoming'] {
  const deadlines = campaign.deadlines.filter((d) => d.date >= today).map((d) => ({ date: d.date, what: d.what }))
  const friday = reportFridays(campaign).find((f) => f >= today)
  const next = friday ? [{ date: friday, what: weeklyDueText(campaign) }] : []
  return [...deadlines, ...next].sort((a, b) => a.date.localeCompare(b.date))
}
