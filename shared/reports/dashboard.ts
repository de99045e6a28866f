/** Figures of the dashboards, computed from records (a unit) or from the consolidation (the office). */
import { isDone } from '../annexes/shared'
import type { Campaign, CampaignUnit } from '../campaign/campaign'
import type { DueReport } from '../campaign/schedule'
import { daysFrom, reportsDue } from '../campaign/schedule'
import { CATEGORIES, STATUSES } from '../domain/enums'
import type { Category, Status } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { recordText } from '../annexes/registry'
import { reached, statusOf } from '../lifecycle/requirements'
import { reportFridays } from './draft'
import { weekFigures } from './weekly'

export interface UnitDashboard {
  records: number
  done: number
  /** %, one decimal; null without records. */
  rate: number | null
  overdue: number
  tlcDone: number
  cases: number
  fines: number
  byCategory: { category: Category; due: number; done: number }[]
  byStatus: { status: Status; count: number }[]
  /** Completions by the phase of the plan their 完成日期 falls in. */
  byPhase: { phase: string; done: number }[]
  /** Cumulative completions at each report Friday up to today. */
  weeks: { friday: string; done: number; rate: number | null }[]
  /** The unit's next reports from today on. */
  upcoming: DueReport[]
}

export function unitDashboard(campaign: Campaign, unit: CampaignUnit, records: readonly RecordFields[], items: readonly RecordFields[], today: string): UnitDashboard {
  const now = weekFigures(records, items, today)
  const done = records.filter((f) => reached(f, '已完成')).length
  return {
    records: records.length,
    done,
    rate: percent(done, records.length),
    overdue: records.filter((f) => recordText(f, 'deadline') !== '' && recordText(f, 'deadline') < today && !reached(f, '已完成')).length,
    tlcDone: now.tlcToDate,
    cases: now.casesToDate,
    fines: now.finesToDate,
    byCategory: CATEGORIES.map((category) => {
      const of = records.filter((f) => f['category'] === category)
      return { category, due: of.length, done: of.filter((f) => reached(f, '已完成')).length }
    }),
    byStatus: STATUSES.map((status) => ({ status, count: records.filter((f) => statusOf(f) === status).length })),
    byPhase: campaign.phases.map((p) => ({
      phase: p.name,
      done: records.filter((f) => reached(f, '已完成') && recordText(f, 'completeDate') >= p.start && recordText(f, 'completeDate') <= p.end).length
    })),
    weeks: reportFridays(campaign)
      .filter((f) => f <= today)
      .map((friday) => {
        const w = weekFigures(records, items, friday)
        const total = CATEGORIES.reduce((n, c) => n + w.doneToDate[c], 0)
        return { friday, done: total, rate: w.doneRate }
      }),
    upcoming: reportsDue(campaign, unit)
      .filter((r) => r.date >= today)
      .slice(0, 5)
      .map((r) => ({ ...r, daysLeft: daysFrom(today, r.date) }))
  }
}

export interface UnitProgress {
  unit: string
  records: number
  done: number
  rate: number | null
  /** Owes something past due (office/behind.ts). */
  behind: boolean
}

/**
 * The office's view across units: each unit's completion from its latest 附件3 rows (整治进展), else from its 附件2
 * rows (nothing completed yet); units with no rows are left out. `behind` names the units behind.
 */
export function unitsProgress(
  campaign: Campaign,
  rows: readonly { unit: string; fields: RecordFields }[],
  behind: ReadonlySet<string>
): { city: { records: number; done: number; rate: number | null }; units: UnitProgress[] } {
  const units = campaign.units
    .map((u) => {
      const mine = rows.filter((r) => r.unit === u.name)
      const done = mine.filter((r) => isDone(r.fields)).length
      return { unit: u.name, records: mine.length, done, rate: percent(done, mine.length), behind: behind.has(u.name) }
    })
    .filter((u) => u.records > 0)
  const records = units.reduce((n, u) => n + u.records, 0)
  const done = units.reduce((n, u) => n + u.done, 0)
  return { city: { records, done, rate: percent(done, records) }, units }
}

/** %, one decimal; null of nothing. */
const percent = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 1000) / 10 : null)
