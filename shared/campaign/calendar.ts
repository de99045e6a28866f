/**
 * The campaign's calendar as the office changes it: the plan was issued after some of its own dates, so deadlines
 * are moved (extended) by the office with a reason and an approval. Each change is kept; the calendar in force is
 * the embedded plan with every change applied in order. The office sends the calendar to the units as a file
 * (versioned, hashed), and every due date, warning and report follows it.
 */
import { z } from 'zod'
import type { Campaign } from './campaign'
import { cnDate } from '../domain/dates'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD')

/** What can be moved: a deadline of the plan (its id), or the last Friday of the weekly reports. */
export const WEEKLY_END = 'weekly-to'

export const CalendarChangeSchema = z.object({
  target: z.string().min(1).max(40),
  date: isoDate,
  reason: z.string().trim().min(1, '请写明调整原因').max(200),
  approvedBy: z.string().trim().min(1, '请写明批准人或批准文件').max(60),
  /** When the office recorded it (ISO), and who. */
  at: z.string().max(40),
  by: z.string().max(40)
})
export type CalendarChange = z.infer<typeof CalendarChangeSchema>

export const CalendarSchema = z.object({
  campaignId: z.string().max(60),
  /** 第N版: one more with each change; a unit takes only a newer one. */
  version: z.number().int().min(0),
  changes: z.array(CalendarChangeSchema).max(200)
})
export type Calendar = z.infer<typeof CalendarSchema>

/** The file the office sends: the calendar and the sha256 of its JSON (calendarDigestText), checked on import. */
export const CalendarFileSchema = z.object({
  format: z.literal('slw-calendar'),
  calendar: CalendarSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})
export type CalendarFile = z.infer<typeof CalendarFileSchema>

/** The bytes the file's sha256 is taken over: the calendar as JSON, keys in schema order. */
export const calendarDigestText = (c: Calendar): string => JSON.stringify(CalendarSchema.parse(c))

export const emptyCalendar = (campaign: Campaign): Calendar => ({ campaignId: campaign.id, version: 0, changes: [] })

export interface CalendarTarget {
  id: string
  what: string
  /** As the plan set it. */
  planned: string
  /** In force. */
  date: string
}

/** The calendar as the pages show it: its version, every movable date, and the changes that moved them. */
export interface CalendarView {
  version: number
  targets: CalendarTarget[]
  changes: CalendarChange[]
}

/** Every date the office may move, as planned and as in force under `calendar`. */
export function calendarTargets(base: Campaign, calendar: Calendar): CalendarTarget[] {
  const now = withCalendar(base, calendar)
  const deadlines = base.deadlines.map((d) => ({ id: d.id, what: d.what, planned: d.date, date: now.deadlines.find((x) => x.id === d.id)?.date ?? d.date }))
  const w = base.weeklyReports
  return [...deadlines, { id: WEEKLY_END, what: `${w.what}（最后一次）`, planned: w.to, date: now.weeklyReports.to }]
}

/** Why a change cannot be made (Chinese), or null. The weekly end must stay a report weekday after the first. */
export function changeProblem(base: Campaign, change: Pick<CalendarChange, 'target' | 'date'>): string | null {
  if (change.target === WEEKLY_END) {
    const w = base.weeklyReports
    const weekday = new Date(`${change.date}T00:00:00Z`).getUTCDay()
    if (weekday !== w.weekday) return `每周报送在星期${'日一二三四五六'[w.weekday]}，最后一次报送日期须为星期${'日一二三四五六'[w.weekday]}（${cnDate(change.date)}不是）。`
    if (change.date < w.from) return `最后一次报送日期不能早于第一次（${cnDate(w.from)}）。`
    return null
  }
  return base.deadlines.some((d) => d.id === change.target) ? null : `工作方案中没有“${change.target}”这项报送时间。`
}

/** The campaign with the calendar's changes applied in order (the embedded plan is never changed). */
export function withCalendar(base: Campaign, calendar: Calendar): Campaign {
  let deadlines = base.deadlines
  let weeklyTo = base.weeklyReports.to
  for (const c of calendar.changes) {
    if (c.target === WEEKLY_END) weeklyTo = c.date
    else deadlines = deadlines.map((d) => (d.id === c.target ? { ...d, date: c.date } : d))
  }
  // An annex is due when its deadline is: the form's own notes and the unit's warnings say the same date.
  const annexes = base.annexes.map((a) => ({ ...a, due: deadlines.find((d) => d.annex === a.id)?.date ?? a.due }))
  return { ...base, deadlines, annexes, weeklyReports: { ...base.weeklyReports, to: weeklyTo } }
}
