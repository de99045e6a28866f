import { isoFromExcelSerial } from '@shared/domain/normalize'
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
