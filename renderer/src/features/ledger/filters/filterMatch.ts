/** What the ledger's value-list and date-range filters let through (pure, so the rules are tested without a grid). */
import type { FieldValue } from '@shared/ledger/record'
import { dateFromTyped } from '@shared/validation/cellInput'

/** How an empty cell is listed in a value-list filter. */
export const BLANK = '（空白）'

/** The kept values; a filter that keeps every listed value is no filter (null model). */
export interface ValueListModel {
  values: string[]
}

/** ISO days, either end open. */
export interface DateRangeModel {
  from?: string
  to?: string
}

/** The values a cell is listed under: each of 问题类型's, or BLANK for an empty cell. */
export function listedUnder(value: FieldValue | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : []
  return values.length ? values : [BLANK]
}

/** The column's options in their order, then values found in the rows that are not options (errors to find), then BLANK. */
export function listValues(options: readonly string[], present: Iterable<FieldValue | undefined>): string[] {
  const known = new Set(options)
  const others = new Set<string>()
  let blank = false
  for (const value of present) {
    for (const v of listedUnder(value)) {
      if (v === BLANK) blank = true
      else if (!known.has(v)) others.add(v)
    }
  }
  return [...options, ...[...others].sort((a, b) => a.localeCompare(b, 'zh-CN')), ...(blank ? [BLANK] : [])]
}

export function passesValueList(value: FieldValue | undefined, kept: ReadonlySet<string>): boolean {
  return listedUnder(value).some((v) => kept.has(v))
}

/** A row passes when its date is in the range; a cell that is no date (or empty) never does once a range is set. */
export function passesDateRange(value: FieldValue | undefined, range: DateRangeModel): boolean {
  const iso = typeof value === 'string' ? dateFromTyped(value) : null
  if (!iso) return false
  return (!range.from || iso >= range.from) && (!range.to || iso <= range.to)
}
