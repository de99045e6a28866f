/**
 * What the date inputs of the program (grid, 办理 panel, date filter) tell the clerk while typing, and the month a
 * calendar shows. Text is read by dateFromTyped, the same reading as import and paste.
 */
import { parseDateText } from '@shared/domain/normalize'
import { dateFromTyped } from '@shared/validation/cellInput'

/** The forms every date input accepts, named in every hint (and nothing it does not accept). */
export const DATE_FORMS = '2024-6-30、2024/6/30、2024.6.30、2024年6月30日 或 20240630'

/** A date typed any way the program reads one, as stored (ISO); left as typed when it is not one, for the check to name. */
export const typedDate = (text: string): string => (text.trim() === '' ? '' : (dateFromTyped(text) ?? text))

export type DateHint = { level: 'ok' | 'bad'; text: string } | null

/** null when there is nothing to say (empty, or already written as it will be stored). */
export function dateHint(raw: string): DateHint {
  const text = raw.trim()
  if (text === '') return null
  const iso = dateFromTyped(text)
  const d = parseDateText(text)
  // A deadline phrase (2024年6月底前) is stored as one day; say which, as the importer's DATE_CONVERTED does.
  if (d.ok && d.phrase) return { level: 'ok', text: `按 ${d.iso}${d.phrase === 'monthEnd' ? '（该月最后一天）' : ''} 保存，请核对` }
  if (iso) return iso === text ? null : { level: 'ok', text: `即 ${iso}` }
  if (!d.ok && d.code === 'DATE_NO_YEAR') return { level: 'bad', text: `没有年份，请写完整日期，如 ${DATE_FORMS}` }
  return { level: 'bad', text: `不是日期，可写 ${DATE_FORMS}` }
}

export interface Month {
  year: number
  /** 1–12 */
  month: number
}

export function monthOf(iso: string): Month {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) }
}

export function addMonths({ year, month }: Month, n: number): Month {
  const i = year * 12 + (month - 1) + n
  return { year: Math.floor(i / 12), month: (i % 12) + 1 }
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The days of a month as ISO, in weeks from Monday (as Chinese calendars print them); null before the 1st and after the last day. */
export function monthWeeks({ year, month }: Month): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1))
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const lead = (first.getUTCDay() + 6) % 7
  const cells: (string | null)[] = Array.from({ length: lead }, () => null)
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`)
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (string | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}
