/**
 * The evidence behind the office's rows (issue 21): a row read from a unit's 报送包 has the photos and files the
 * package carried for its record, each checked against the manifest; a row from a plain form has none (未随附). A row
 * 销号 whose category needs proof (closeEvidence.ts) is counted when that proof did not come intact.
 */
import type { Campaign } from '../campaign/campaign'
import { isClosed, requiredSlots } from '../evidence/closeEvidence'
import type { ReceivedEvidence } from '../evidence/evidencePackage'
import { fieldText } from '../ledger/record'
import type { Consolidation, Submission } from '../merge/types'

export interface RecordEvidence {
  unit: string
  file: string
  /** The received file (the 报送包) the row and its evidence came in. */
  sha256: string
  row: number
  problemNo: string
  name: string
  category: string
  closed: boolean
  /** The file was a 报送包: a plain form carries no evidence, which the office sees as 未随附. */
  carried: boolean
  evidence: ReceivedEvidence[]
  /** For a row 销号: the proof its category needs that did not come intact. */
  missing: string[]
}

export interface EvidenceOverview {
  /** Rows 销号 or with evidence, in the consolidation's order. */
  records: RecordEvidence[]
  closed: number
  /** 销号 rows from a 报送包 without all the proof their category needs. */
  closedWithoutProof: number
  /** 销号 rows from a plain form: their proof was not sent (未随附). */
  closedNotCarried: number
  /** Files whose bytes are not those the manifest names: not taken as proof. */
  mismatched: number
}

export function evidenceOverview(c: Consolidation, submissions: readonly Submission[], campaign: Pick<Campaign, 'closeEvidence'>): EvidenceOverview {
  const bySha = new Map(submissions.map((s) => [s.sha256, s]))
  const records = c.rows.flatMap((r): RecordEvidence[] => {
    const carriedBy = bySha.get(r.provenance.sha256)?.evidence
    const { recordId } = r.provenance
    const evidence = carriedBy && recordId ? carriedBy.filter((e) => e.recordId === recordId) : []
    const closed = isClosed(r.fields)
    if (!closed && evidence.length === 0) return []
    const intact = new Set<string>(evidence.filter((e) => e.ok).map((e) => e.slot))
    return [
      {
        unit: r.unit,
        file: r.provenance.file,
        sha256: r.provenance.sha256,
        row: r.provenance.row,
        problemNo: r.provenance.problemNo ?? fieldText(r.fields, 'problemNo'),
        name: fieldText(r.fields, 'name'),
        category: fieldText(r.fields, 'category'),
        closed,
        carried: carriedBy !== undefined,
        evidence,
        missing: closed ? requiredSlots(r.fields, campaign).filter((slot) => !intact.has(slot)) : []
      }
    ]
  })
  const closedRows = records.filter((r) => r.closed)
  return {
    records,
    closed: closedRows.length,
    closedWithoutProof: closedRows.filter((r) => r.carried && r.missing.length > 0).length,
    closedNotCarried: closedRows.filter((r) => !r.carried && r.missing.length > 0).length,
    mismatched: records.reduce((n, r) => n + r.evidence.filter((e) => !e.ok).length, 0)
  }
}
