import type { CellValue } from 'exceljs'
import type { AnnexColumn } from '@shared/annexes/types'
import type { FieldValue } from '@shared/ledger/record'
import { valueToText } from '@shared/validation/cellInput'
import { cnDate } from '@shared/domain/dates'

/** Date cells print as 2024年6月30日 and read back as the same serial, so import gets the exact ISO date. */
const DATE_FORMAT = 'yyyy"年"m"月"d"日"'
const TEXT_FORMAT = '@'
const NUMBER_FORMAT = { count: '0', money: '0.00' } as const

/** Dates do not wrap: a narrower column would print ###### instead of 2024年12月31日. */
const DATE_MIN_WIDTH = 14

/** What one stored value becomes in the printed form. */
export interface PrintedCell {
  value: CellValue
  /** As printed, for estimating the row height. */
  text: string
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isNumericKind(col: AnnexColumn): boolean {
  return col.kind === 'count' || col.kind === 'money'
}

/** Number format of a column's data cells; '@' keeps 18-digit codes and leading zeros as typed in Excel/WPS. */
export function columnFormat(col: AnnexColumn): string | undefined {
  if (col.kind === 'uscc' || col.kind === 'phone') return TEXT_FORMAT
  if (col.kind === 'date') return DATE_FORMAT
  return col.kind === 'count' || col.kind === 'money' ? NUMBER_FORMAT[col.kind] : undefined
}

export function columnWidth(col: AnnexColumn): number {
  const width = col.kind === 'date' ? Math.max(col.width, DATE_MIN_WIDTH) : col.width
  // exceljs leaves out a width of exactly 9 (its default), and Excel would then draw the column at 8.43.
  return width === 9 ? 9.01 : width
}

/** Long free text reads best left-aligned; codes, choices, dates and numbers are centred. */
export function columnAlignment(col: AnnexColumn): 'left' | 'center' {
  return col.kind === 'text' ? 'left' : 'center'
}

/** A number parsed from stored text, or null when the text is not one. */
export function numberOf(value: FieldValue | undefined): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

/**
 * The cell for a stored value, written from the typed model: text is always a string cell (never a formula, so
 * `=HYPERLINK(…)` stays text), valid ISO dates become date cells, counts and money numbers. A value that does not
 * fit its kind (a date the user typed as 6月底) is printed as typed, so nothing is lost.
 */
export function printedCell(col: AnnexColumn, value: FieldValue | undefined): PrintedCell {
  const text = valueToText(value)
  if (col.kind === 'date') {
    const m = ISO_DATE.exec(text)
    if (m) return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), text: cnDate(text) }
  }
  if (isNumericKind(col)) {
    const n = numberOf(value)
    if (n !== null) return { value: n, text }
  }
  return { value: text === '' ? null : text, text }
}

