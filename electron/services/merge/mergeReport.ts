import type { FlaggedRow } from '@shared/merge/flaggedRows'
import { flaggedRows } from '@shared/merge/flaggedRows'
import type { Consolidation } from '@shared/merge/types'

/** A file that could not be read at all (no bytes, so no submission). */
export interface UnreadableFile {
  file: string
  message: string
}

export type MergeReport = Omit<Consolidation, 'rows'> & {
  unreadable: UnreadableFile[]
  rowCount: number
  /** Consolidated rows per unit, in campaign order. */
  perUnit: Record<string, number>
  /** Rows taken in with errors (counted in perUnit), each with its errors. */
  flaggedRows: FlaggedRow[]
}

/**
 * The report JSON of `slw merge`: everything the consolidation derived except the rows themselves, which are in the
 * workbook. Unresolved conflicts are listed with decision null.
 */
export function mergeReport(c: Consolidation, unreadable: readonly UnreadableFile[] = []): MergeReport {
  const { rows, ...derived } = c
  // Counted in a Map: a roll-up's unit is the file's text, and `perUnit['toString']` would start from a function.
  const perUnit = new Map<string, number>()
  for (const r of rows) perUnit.set(r.unit, (perUnit.get(r.unit) ?? 0) + 1)
  return { ...derived, unreadable: [...unreadable], rowCount: rows.length, perUnit: Object.fromEntries(perUnit), flaggedRows: flaggedRows(c) }
}
