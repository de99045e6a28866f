/**
 * Who is behind — one definition for every view, chart and document of the office: a unit is behind when something
 * due to it (the contact list, 附件2, each Friday's report, 月度总结 with 附件3, 附件4, the 反馈 of each 督办通知) is past
 * due and the office has not received it. Receipt and lateness are judged by when the office took the file in; the
 * unit's own 填报日期 is shown beside it, never trusted for it.
 */
import { annexById } from '../annexes/registry'
import type { Campaign } from '../campaign/campaign'
import { expectedReporters } from '../campaign/campaign'
import { chinaDate, chinaInstant } from '../domain/chinaTime'
import { monthDay } from '../domain/dates'
import type { Consolidation } from '../merge/types'
import { issueNumber, reportFridays } from '../reports/draft'
import type { StoredNotice } from './notices'
import { weeklyStream } from './streams'

export interface Receipt {
  /** The file in use (or 书面反馈 for a notice). */
  file: string
  /** When the office received it (an instant; a notice's 反馈 date). */
  receivedAt: string
  /** What the unit wrote as 填报日期. */
  filledDate: string | null
  late: boolean
}

export interface DueItem {
  /** A report the plan asks for (a deadline, a Friday's report), or the 反馈 of a 督办通知. */
  kind: 'report' | 'notice'
  /** The deadline's id, `weekly:<friday>`, or `notice:<number>`. */
  id: string
  /** Short, for lists: 附件2, 第1期工作进展, 临市散办督〔2024〕1号反馈. */
  label: string
  /** As the plan says it. */
  what: string
  due: string
  received: Receipt | null
  /** Past due and not received: what makes the unit behind. */
  overdue: boolean
}

export interface UnitDues {
  unit: string
  items: DueItem[]
}

export interface DuesInput {
  /** Every consolidation the office keeps (streams.ts), the weekly ones included. */
  streams: ReadonlyMap<string, Consolidation>
  notices: readonly StoredNotice[]
  today: string
}

/** Received after the Friday's due time (12:00, China time) — whatever time zone the office computer is set to. */
export function receivedLate(receivedAt: string, friday: string, dueTime: string): boolean {
  return Date.parse(receivedAt) > chinaInstant(friday, dueTime).getTime()
}

/** The file the office uses for `unit` on a stream (its own, or a roll-up carrying its rows), with when it came in. */
function receiptOf(c: Consolidation | undefined, unit: string): Omit<Receipt, 'late'> | null {
  const used = c?.submissions.find((s) => s.status === 'accepted' && (s.unit === unit || s.covers.includes(unit)))
  return used ? { file: used.file, receivedAt: used.receivedAt, filledDate: used.filledDate } : null
}

/** The report Fridays up to this week's (the week's report is due, not yet overdue, until its Friday has passed). */
function fridaysSoFar(campaign: Campaign, today: string): string[] {
  const all = reportFridays(campaign)
  const next = all.findIndex((f) => f >= today)
  return next < 0 ? all : all.slice(0, next + 1)
}

/**
 * Everything due to each unit up to this week, in campaign order: the plan's deadlines (also those still ahead),
 * the Friday reports so far, the notices issued to it. Units owing nothing are left out.
 */
export function campaignDues(campaign: Campaign, input: DuesInput): UnitDues[] {
  const { streams, today } = input
  const byUnit = new Map<string, DueItem[]>(campaign.units.map((u) => [u.name, []]))
  const add = (unit: string, item: DueItem): void => {
    byUnit.get(unit)?.push(item)
  }
  for (const d of campaign.deadlines) {
    const label = annexById(d.annex)?.label ?? d.what
    for (const u of expectedReporters(campaign, d.reporters)) {
      const r = receiptOf(streams.get(d.annex), u.name)
      const received = r && { ...r, late: chinaDate(r.receivedAt) > d.date }
      add(u.name, { kind: 'report', id: d.id, label, what: d.what, due: d.date, received, overdue: !received && d.date < today })
    }
  }
  const w = campaign.weeklyReports
  for (const friday of fridaysSoFar(campaign, today)) {
    const label = `第${issueNumber(campaign, friday)}期工作进展`
    for (const u of expectedReporters(campaign, w.reporters)) {
      const r = receiptOf(streams.get(weeklyStream(friday)), u.name)
      const received = r && { ...r, late: receivedLate(r.receivedAt, friday, w.dueTime) }
      add(u.name, { kind: 'report', id: weeklyStream(friday), label, what: `${label}（${monthDay(friday)}）`, due: friday, received, overdue: !received && friday < today })
    }
  }
  for (const n of input.notices) {
    const f = n.feedback
    const received = f && { file: '书面反馈', receivedAt: f.date, filledDate: f.date, late: f.date > n.deadline }
    add(n.unit, { kind: 'notice', id: `notice:${n.number}`, label: `${n.number}反馈`, what: `反馈${n.number}办理情况`, due: n.deadline, received, overdue: !received && n.deadline < today })
  }
  return [...byUnit].filter(([, items]) => items.length > 0).map(([unit, items]) => ({ unit, items }))
}

/** The units behind, each with only what it owes past due. */
export function behindUnits(dues: readonly UnitDues[]): UnitDues[] {
  return dues.map((d) => ({ unit: d.unit, items: d.items.filter((i) => i.overdue) })).filter((d) => d.items.length > 0)
}

/** The units that owe the report of a stream (`who`) and from which the office uses no file, in campaign order. */
export function unreceived(campaign: Campaign, who: Campaign['weeklyReports']['reporters'], c: Consolidation): string[] {
  return expectedReporters(campaign, who)
    .map((u) => u.name)
    .filter((unit) => !receiptOf(c, unit))
}

/** The units owing one item (a deadline's id or a week's stream) that the office has not received, in campaign order. */
export function missingFor(dues: readonly UnitDues[], id: string): string[] {
  return dues.filter((d) => d.items.some((i) => i.id === id && !i.received)).map((d) => d.unit)
}
