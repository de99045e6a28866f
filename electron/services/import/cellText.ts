import { isoFromExcelSerial } from '@shared/validation/normalize'
import type { RawCell } from './rawWorkbook'

/** A number as a person would write it: no binary noise (0.30000000000000004 → 0.3), no exponent below 1e21. */
export function numberText(n: number): string {
  return String(Number(n.toPrecision(15)))
}

/** What a cell shows as text: dates as ISO, errors as #N/A, a never-calculated formula as blank. */
export function cellText(cell: RawCell | null | undefined, date1904: boolean): string {
  if (!cell || cell.v === null) return ''
  if (typeof cell.v === 'number') return (cell.date && isoFromExcelSerial(cell.v, date1904)) || numberText(cell.v)
  if (typeof cell.v === 'boolean') return cell.v ? 'TRUE' : 'FALSE'
  return cell.v
}

/** 'A' for 0, 'AC' for 28. */
export function columnLetter(c: number): string {
  let s = ''
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/** A1 reference of a 0-based row and column. */
export function cellRef(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`
}
