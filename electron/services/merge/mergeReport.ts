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
}

/**
 * The report JSON of `slw merge`: everything the consolidation derived except the rows themselves, which are in the
 * workbook. Unresolved conflicts are listed with decision null.
 */
export function mergeReport(c: Consolidation, unreadable: readonly UnreadableFile[] = []): MergeReport {
  const { rows, ...derived } = c
  const perUnit: Record<string, number> = {}
  for (const r of rows) perUnit[r.unit] = (perUnit[r.unit] ?? 0) + 1
  return { ...derived, unreadable: [...unreadable], rowCount: rows.length, perUnit }
}
