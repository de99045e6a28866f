/**
 * The figures of a Friday progress report (plan 四(二); annexes.md §1.8), computed from a unit's records: what was
 * done in the report week (Saturday to Friday) and in all weeks up to it. Dates come from the records' own fields
 * (发现日期, 完成日期, 两断三清 dates, 立案 and 决定 dates, 核查日期), so a report for any Friday can be recomputed.
 */
import { sumMoney } from '../annexes/shared'
import { CATEGORIES } from '../domain/enums'
import type { Category } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import { reached } from '../lifecycle/requirements'
import { tlcApplies, tlcDoneDate } from '../lifecycle/tlc'

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

/** The report week a date falls in (Saturday … Friday), named by its Friday. */
export function reportFriday(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`)
  const toFriday = (5 - new Date(t).getUTCDay() + 7) % 7
  return new Date(t + toFriday * DAY).toISOString().slice(0, 10)
}

const byCategory = (rows: readonly RecordFields[], test: (f: RecordFields) => boolean): Record<Category, number> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, rows.filter((f) => f['category'] === c && test(f)).length])) as Record<Category, number>

/** Figures of one unit for the week ending on `friday`; `records` are its 2024 records, `items` its 回头看 items. */
export function weekFigures(records: readonly RecordFields[], items: readonly RecordFields[], friday: string): WeekFigures {
  const from = weekStart(friday)
  const inWeek = (d: string): boolean => d !== '' && d >= from && d <= friday
  const byNow = (d: string): boolean => d !== '' && d <= friday
  const done = (when: (d: string) => boolean) => (f: RecordFields): boolean => reached(f, '已完成') && when(fieldText(f, 'completeDate'))
  const tlcDone = (when: (d: string) => boolean) => (f: RecordFields): boolean => tlcApplies(f) && when(tlcDoneDate(f))
  const caseOpened = (when: (d: string) => boolean) => (f: RecordFields): boolean => when(fieldText(f, 'caseDate'))
  const fined = (when: (d: string) => boolean) => (f: RecordFields): boolean => when(fieldText(f, 'decisionDate') || fieldText(f, 'caseDate'))
  const existing = records.filter((f) => !fieldText(f, 'foundDate') || byNow(fieldText(f, 'foundDate')))
  const doneToDate = byCategory(existing, done(byNow))
  const totalDone = CATEGORIES.reduce((n, c) => n + doneToDate[c], 0)
  const checked = items.filter((f) => byNow(fieldText(f, 'hkCheckDate')))
  return {
    friday,
    from,
    records: existing.length,
    newFinds: records.filter((f) => inWeek(fieldText(f, 'foundDate'))).length,
    doneThisWeek: byCategory(existing, done(inWeek)),
    doneToDate,
    doneRate: existing.length ? Math.round((totalDone / existing.length) * 1000) / 10 : null,
    tlcThisWeek: existing.filter(tlcDone(inWeek)).length,
    tlcToDate: existing.filter(tlcDone(byNow)).length,
    casesThisWeek: existing.filter(caseOpened(inWeek)).length,
    casesToDate: existing.filter(caseOpened(byNow)).length,
    finesThisWeek: sumMoney(existing.filter(fined(inWeek)), 'fineAmount'),
    finesToDate: sumMoney(existing.filter(fined(byNow)), 'fineAmount'),
    huikanChecked: checked.length,
    huikanRebounds: checked.filter((f) => fieldText(f, 'hkResurgent') === '是').length,
    overdue: existing.filter((f) => fieldText(f, 'deadline') !== '' && fieldText(f, 'deadline') < friday && !done(byNow)(f)).length
  }
}
