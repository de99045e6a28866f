/** The problems of every record of the ledger, found after paint so a large ledger is usable at once. */
import { useEffect, useState } from 'react'
import type { FieldIssue } from '@shared/domain/issues'
import type { UnitLedgerValidator } from '@shared/validation/validateUnitLedger'
import type { GridRow } from './ledgerModel'

/** Records validated per slice: the user's clicks can come between two slices. */
const SLICE = 2000

export function useIssueScan(all: readonly GridRow[], validator: UnitLedgerValidator): ReadonlyMap<string, FieldIssue[]> {
  const [issues, setIssues] = useState<ReadonlyMap<string, FieldIssue[]>>(new Map())
  // The validator's cache makes later runs incremental. The scan starts after the next paint, so the edit that
  // caused it is on screen first (a 20,000-row scan is ~30 ms even when incremental).
  useEffect(() => {
    let cancelled = false
    let t: ReturnType<typeof setTimeout> | undefined
    const run = (from: number): void => {
      if (cancelled) return
      if (from < all.length) {
        validator.warm(all.slice(from, from + SLICE))
        setTimeout(() => run(from + SLICE), 0)
      } else setIssues(validator.validate(all))
    }
    const frame = requestAnimationFrame(() => (t = setTimeout(() => run(0), 0)))
    return () => {
      cancelled = true
      cancelAnimationFrame(frame)
      clearTimeout(t)
    }
  }, [all, validator])
  return issues
}
