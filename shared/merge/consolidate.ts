/**
 * The office's consolidation of one annex, derived from what was received and what the office decided. Pure and
 * deterministic: the submissions are sorted first, so the result never depends on the order files arrived in, and
 * a file received twice (same sha256) changes nothing.
 */
import type { AnnexDefinition } from '../annexes/types'
import type { Campaign } from '../campaign/campaign'
import { expectedReporters } from '../campaign/campaign'
import type { RecordFields } from '../ledger/record'
import { decisionLog, decisionOutcomes } from './decisionLog'
import { applyDecisions, findDuplicateGroups } from './duplicates'
import { reconciliation } from './equations'
import { compareText, submissionComparator, unitComparator } from './order'
import { rowKey } from './rowKey'
import { classifySubmissions, rowErrorText, rowUnit } from './submissionStatus'
import type { Consolidation, ConsolidatedRow, Decision, Submission } from './types'
import { versionDiff } from './versionDiff'

export function consolidate(
  submissions: Submission[],
  decisions: Decision[],
  campaign: Campaign,
  annex: AnnexDefinition<RecordFields>
): Consolidation {
  const compareUnits = unitComparator(campaign)
  const sorted = [...submissions].sort(submissionComparator(campaign))
  const log = decisionLog(decisions)
  const classified = classifySubmissions(sorted, log.pins, annex)
  const taken = takenRows(classified.accepted, compareUnits)
  const duplicateGroups = findDuplicateGroups(taken, compareUnits)
  const resolved = applyDecisions(taken, duplicateGroups, log.byKey)
  const verdicts = new Map([...classified.verdicts, ...resolved.verdicts])
  return {
    annex: annex.id,
    submissions: classified.summaries,
    rows: resolved.rows,
    distinctProblems: distinctProblems(resolved.rows),
    duplicateGroups,
    missingUnits: missingUnits(campaign, annex.id, taken, classified.accepted),
    equations: reconciliation({
      summaries: classified.summaries,
      accepted: classified.accepted,
      taken: taken.length,
      rows: resolved.rows,
      removed: resolved.removed,
      compareUnits
    }),
    versionDiffs: classified.supersessions.map(({ from, to }) => versionDiff(from, to, annex)),
    decisions: decisionOutcomes(log, verdicts)
  }
}

/**
 * Every row of the accepted files that counts for a unit, with provenance, by unit (campaign order), file and row.
 * A row with errors is taken too, carrying its errors: dropping it would hide the enterprise and shrink the totals.
 */
function takenRows(accepted: readonly Submission[], compareUnits: (a: string, b: string) => number): ConsolidatedRow[] {
  const rows: ConsolidatedRow[] = []
  for (const s of accepted) {
    const errors = rowErrors(s)
    for (const r of s.rows) {
      const unit = rowUnit(s, r)
      if (unit === null) continue
      const provenance = {
        unit,
        file: s.file,
        sha256: s.sha256,
        sheet: s.sheet ?? '',
        row: r.rowNumber,
        ...(r.recordId ? { recordId: r.recordId } : {}),
        ...(r.problemNo ? { problemNo: r.problemNo } : {})
      }
      const flagged = r.flagged ? { errors: errors.get(r.rowNumber) ?? ['该行有错误'] } : {}
      rows.push({ key: rowKey(r.fields), unit, fields: r.fields, provenance, ...flagged })
    }
  }
  // Sorted by the unit each row counts for: a roll-up's rows join their units' own.
  return rows.sort(
    (a, b) =>
      compareUnits(a.unit, b.unit) ||
      compareText(a.provenance.file, b.provenance.file) ||
      compareText(a.provenance.sha256, b.provenance.sha256) ||
      a.provenance.row - b.provenance.row
  )
}

/** Each row's errors, by row number. */
function rowErrors(s: Submission): Map<number, string[]> {
  const byRow = new Map<number, string[]>()
  for (const i of s.issues) {
    if (i.severity === 'error' && i.row !== null) byRow.set(i.row, [...(byRow.get(i.row) ?? []), rowErrorText(i)])
  }
  return byRow
}

/** Rows sharing a key are one problem; a row with no key at all counts on its own. */
function distinctProblems(rows: readonly ConsolidatedRow[]): number {
  const keys = new Set<string>()
  let unkeyed = 0
  for (const r of rows) {
    if (r.key === null) unkeyed++
    else keys.add(r.key)
  }
  return keys.size + unkeyed
}

/** Units the plan expects to send this annex with no accepted file and no rows in an accepted roll-up. */
function missingUnits(
  campaign: Campaign,
  annexId: string,
  rows: readonly ConsolidatedRow[],
  accepted: readonly Submission[]
): string[] {
  const deadline = campaign.deadlines.find((d) => d.annex === annexId)
  if (!deadline) return []
  const reported = new Set<string | null>([...accepted.map((s) => s.unit), ...rows.map((r) => r.unit)])
  return expectedReporters(campaign, deadline.reporters)
    .map((u) => u.name)
    .filter((name) => !reported.has(name))
}
