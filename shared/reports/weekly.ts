/**
 * The figures of a Friday progress report (plan 四(二); annexes.md §1.8), computed from a unit's records: what was
 * done in the report week (Saturday to Friday) and in all weeks up to it. Dates come from the records' own fields
 * (发现日期, 完成日期, 两断三清 dates, 立案 and 决定 dates, 核查日期), so a report for any Friday can be recomputed.
 */
import { z } from 'zod'
import { sumMoney } from '../annexes/shared'
import { CATEGORIES } from '../domain/enums'
import type { Category } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { recordText } from '../annexes/registry'
import { caseDay, caseFiled, fineDay } from '../lifecycle/cases'
import { reached } from '../lifecycle/requirements'
import { tlcApplies, tlcDoneDate } from '../lifecycle/tlc'

/** The six texts of a Friday report (unit or city): drafted from the figures, then edited and saved. */
export const WeeklyTextSchema = z.object({
  overview: z.string().max(5000),
  thisWeek: z.string().max(5000),
  problems: z.string().max(5000),
  nextWeek: z.string().max(5000),
  openItems: z.string().max(2000),
  nextPlan: z.string().max(2000)
})
export type WeeklyText = z.infer<typeof WeeklyTextSchema>

const DAY = 86_400_000

export interface WeekFigures {
  friday: string
  /** Saturday before the Friday. */
  from: string
  records: number
  newFinds: number
  doneThisWeek: Record<Category, number>
  doneToDate: Record<Category, number>
  /** 累计完成率 in %, one decimal; null when there are no records. */
  doneRate: number | null
  tlcThisWeek: number
  tlcToDate: number
  casesThisWeek: number
  casesToDate: number
  /** 万元, 2 decimals. */
  finesThisWeek: number
  finesToDate: number
  huikanChecked: number
  huikanRebounds: number
  /** Past their 完成时限 on the Friday and not completed by then. */
  overdue: number
}

export function isFriday(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T00:00:00Z`).getUTCDay() === 5
}

export function weekStart(friday: string): string {
  return new Date(Date.parse(`${friday}T00:00:00Z`) - 6 * DAY).toISOString().slice(0, 10)
}

/** The Friday of the week before. */
export const previousFriday = (friday: string): string => new Date(Date.parse(`${friday}T00:00:00Z`) - 7 * DAY).toISOString().slice(0, 10)

/** The report week a date falls in (Saturday … Friday), named by its Friday. */
export function reportFriday(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`)
  const toFriday = (5 - new Date(t).getUTCDay() + 7) % 7
  return new Date(t + toFriday * DAY).toISOString().slice(0, 10)
}

const byCategory = (rows: readonly RecordFields[], test: (f: RecordFields) => boolean): Record<Category, number> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, rows.filter((f) => f['category'] === c && test(f)).length])) as Record<Category, number>

/** What a unit did in a period: the weekly report's 本周, the monthly summary's 本月, and (from '') 累计. */
export interface PeriodCounts {
  newFinds: number
  done: Record<Category, number>
  tlc: number
  cases: number
  /** 万元, 2 decimals. */
  fines: number
}

/** A date filled in and inside `from` … `to` (ISO dates, both included; from '' means from the start). */
const between = (from: string, to: string) => (d: string): boolean => d !== '' && d >= from && d <= to

const completed = (f: RecordFields, within: (d: string) => boolean): boolean =>
  reached(f, '已完成') && within(recordText(f, 'completeDate'))

/**
 * Counts of `from` … `to` (ISO dates, both included; from '' counts from the start), from the records' own dates;
 * 立案 and 罚款 as lifecycle/cases.ts defines them.
 */
export function periodCounts(records: readonly RecordFields[], from: string, to: string): PeriodCounts {
  const within = between(from, to)
  // A case without its date still counts from the start (附件3 counts it too), never in a week.
  const counts = (d: string): boolean => within(d) || (d === '' && from === '')
  return {
    newFinds: records.filter((f) => within(recordText(f, 'foundDate'))).length,
    done: byCategory(records, (f) => completed(f, within)),
    tlc: records.filter((f) => tlcApplies(f) && within(tlcDoneDate(f))).length,
    cases: records.filter((f) => caseFiled(f) && counts(caseDay(f))).length,
    fines: sumMoney(records.filter((f) => caseFiled(f) && counts(fineDay(f))), 'fineAmount')
  }
}

/** The records found by `date` (or undated), the ones a report on that day counts. */
const foundBy = (records: readonly RecordFields[], date: string): RecordFields[] =>
  records.filter((f) => !recordText(f, 'foundDate') || recordText(f, 'foundDate') <= date)

/** Figures of one unit for the week ending on `friday`; `records` are its 2024 records, `items` its 回头看 items. */
export function weekFigures(records: readonly RecordFields[], items: readonly RecordFields[], friday: string): WeekFigures {
  const from = weekStart(friday)
  const existing = foundBy(records, friday)
  const week = periodCounts(existing, from, friday)
  const toDate = periodCounts(existing, '', friday)
  const totalDone = CATEGORIES.reduce((n, c) => n + toDate.done[c], 0)
  const byNow = between('', friday)
  const checked = items.filter((f) => byNow(recordText(f, 'hkCheckDate')))
  return {
    friday,
    from,
    records: existing.length,
    newFinds: week.newFinds,
    doneThisWeek: week.done,
    doneToDate: toDate.done,
    doneRate: existing.length ? Math.round((totalDone / existing.length) * 1000) / 10 : null,
    tlcThisWeek: week.tlc,
    tlcToDate: toDate.tlc,
    casesThisWeek: week.cases,
    casesToDate: toDate.cases,
    finesThisWeek: week.fines,
    finesToDate: toDate.fines,
    huikanChecked: checked.length,
    huikanRebounds: checked.filter((f) => recordText(f, 'hkResurgent') === '是').length,
    overdue: existing.filter((f) => recordText(f, 'deadline') !== '' && recordText(f, 'deadline') < friday && !completed(f, byNow)).length
  }
}

/** One unit's row of the 附表. */
export function weeklyRow(unit: string, f: WeekFigures, openItems: string, nextPlan: string): RecordFields {
  const n = (x: number): string => String(x)
  return {
    unit,
    records: n(f.records),
    newFinds: n(f.newFinds),
    ...Object.fromEntries(CATEGORIES.map((c) => [`doneWeek${c}`, n(f.doneThisWeek[c])])),
    ...Object.fromEntries(CATEGORIES.map((c) => [`doneTotal${c}`, n(f.doneToDate[c])])),
    doneRate: f.doneRate === null ? '' : f.doneRate.toFixed(1),
    tlcWeek: n(f.tlcThisWeek),
    tlcTotal: n(f.tlcToDate),
    casesWeek: n(f.casesThisWeek),
    casesTotal: n(f.casesToDate),
    finesWeek: f.finesThisWeek.toFixed(2),
    finesTotal: f.finesToDate.toFixed(2),
    huikanChecked: n(f.huikanChecked),
    huikanRebounds: n(f.huikanRebounds),
    openItems,
    nextPlan
  }
}
