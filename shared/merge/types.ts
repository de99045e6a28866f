/**
 * The office's consolidation as data: what was received (submissions), what the office decided (decisions), and
 * what follows from both (Consolidation). `consolidate` derives the last from the first two, deterministically, so
 * the office's state is only submissions + decisions and every figure can be recomputed and checked.
 */
import type { LocatedIssue } from '../domain/issues'
import type { RecordFields } from '../ledger/record'
import type { ReceivedEvidence } from '../evidence/evidencePackage'

export type SubmissionStatus = 'accepted' | 'superseded' | 'duplicate-file' | 'rejected'

export interface SubmissionRow {
  /** Row of the sheet as stored (1-based). */
  rowNumber: number
  fields: RecordFields
  /** From the `_meta` sheet of one of our exports. */
  recordId?: string
  problemNo?: string
  /**
   * The row has an error-level issue. It is still taken into the consolidation, counted where it belongs and shown
   * flagged with its errors: the enterprise the office most needs to see is the one whose row is wrong.
   */
  flagged: boolean
  /** Only in a consolidated workbook used as input (roll-up): the unit the row was reported by. */
  sourceUnit?: string
}

/** One received file, as the importer read it. The office keeps the file's bytes under its sha256. */
export interface Submission {
  /** File name as received. */
  file: string
  sha256: string
  /** When the office took the file in (ISO). */
  receivedAt: string
  /** 填报单位 (canonical short name), or null when the file does not say and the rows do not tell. */
  unit: string | null
  annex: string | null
  /** 填报日期 (ISO), or null. */
  filledDate: string | null
  sheet: string | null
  /** The file cannot be used at all (not a spreadsheet, no annex table, …). */
  refused: boolean
  /** Set when the file is one of this program's exports (a unit's, or a consolidation). */
  ownExport: { kind: 'export' | 'consolidated'; exportedAt: string; checkCode: string; consistent: boolean; edited: number } | null
  /** Rows of the data area looked at, and how many of them were blank / 合计 / template rows. */
  counts: { read: number; blankSkipped: number }
  rows: SubmissionRow[]
  issues: LocatedIssue[]
  /**
   * Only for a 报送包: the evidence it carried, each file checked against its manifest. The package's bytes are kept as
   * the received file, so the photos are read from it when shown.
   */
  evidence?: ReceivedEvidence[]
}

interface DecisionBase {
  at: string
  by: string
  note?: string
}

/** What the office decided. Nothing about duplicates or versions is resolved without one. */
export type Decision =
  /** The enterprise is reported by both units on purpose (e.g. on their border); both rows stay, flagged. */
  | (DecisionBase & { kind: 'keep-both'; key: string })
  /** The enterprise belongs to `unit`; the other units' rows leave the consolidation. */
  | (DecisionBase & { kind: 'attribute'; key: string; unit: string })
  /** One record under `unit`, its blank fields filled from the other rows; the other rows leave the consolidation. */
  | (DecisionBase & { kind: 'merge'; key: string; unit: string })
  /** Use this version of a unit's annex instead of the newest (restore a superseded file). */
  | (DecisionBase & { kind: 'use-version'; unit: string; annex: string; sha256: string })

export interface Provenance {
  unit: string
  file: string
  sha256: string
  sheet: string
  row: number
  recordId?: string
  /** 问题编号, when the file is one of our exports. */
  problemNo?: string
}

export interface ConsolidatedRow {
  /** Enterprise key (uscc:… or name:…), null when the row has neither code nor name + address. */
  key: string | null
  /** 来源单位 */
  unit: string
  fields: RecordFields
  provenance: Provenance
  /** Rows folded into this one by a `merge` decision. */
  mergedFrom?: Provenance[]
  /** Part of a duplicate group (reported by more than one unit). */
  duplicate?: boolean
  /** The errors the importer found in the row (Chinese, each naming its column), when it has any. */
  errors?: string[]
}

export interface DuplicateMember {
  unit: string
  file: string
  sha256: string
  row: number
  name: string
  address: string
  uscc: string
}

export interface DuplicateGroup {
  key: string
  keyType: 'uscc' | 'name_address'
  units: string[]
  rows: DuplicateMember[]
  /** The office's decision, or null while the conflict is open. */
  decision: Decision | null
}

/** A reconciliation check shown as a `差异 = 0` line; a failing one stops the export. */
export interface Equation {
  name: string
  /** Chinese: what is compared, e.g. 城郊镇：读取 58 = 采用 56 + 退回 0 + 空行 2 */
  label: string
  left: number
  right: number
  ok: boolean
}

export interface SubmissionSummary {
  file: string
  sha256: string
  /** When the office took the file in (ISO): what its lateness is judged by. */
  receivedAt: string
  unit: string | null
  /** The units whose rows the file provides: its 填报单位, or in a roll-up each row's 来源单位. */
  covers: string[]
  annex: string | null
  filledDate: string | null
  status: SubmissionStatus
  read: number
  /** Rows taken into the consolidation, flagged ones included. */
  accepted: number
  /** Of those, rows with errors, taken in flagged. */
  flagged: number
  /** Rows not taken: every row of a file not used, or a roll-up row that names no 来源单位. */
  rejected: number
  blankSkipped: number
  /** For a superseded or duplicate file: the file that is used instead. */
  replacedBy?: string
  /** Chinese reason for rejected / superseded / duplicate-file. */
  reason?: string
}

export interface VersionDiff {
  unit: string
  annex: string
  from: { file: string; sha256: string; filledDate: string | null }
  to: { file: string; sha256: string; filledDate: string | null }
  added: { key: string | null; row: number; name: string }[]
  removed: { key: string | null; row: number; name: string }[]
  changed: { key: string; rowFrom: number; rowTo: number; name: string; fields: string[] }[]
}

export interface DecisionOutcome {
  decision: Decision
  /** applied: in force; replaced: a later decision on the same target wins; idle: in force but nothing to apply to. */
  status: 'applied' | 'replaced' | 'idle'
  /** Chinese: what the decision did, or why it does nothing now. */
  note: string
}

export interface Consolidation {
  annex: string
  submissions: SubmissionSummary[]
  /** Sorted by unit in campaign order, then by file row. */
  rows: ConsolidatedRow[]
  /** Distinct enterprises: rows sharing a key count once. */
  distinctProblems: number
  duplicateGroups: DuplicateGroup[]
  /** Units expected to report this annex (campaign deadlines) that sent no usable file. */
  missingUnits: string[]
  equations: Equation[]
  /** What a newer version changed against the one it superseded. */
  versionDiffs: VersionDiff[]
  /** Every decision received, in the order made, with what became of it: none is dropped without a word. */
  decisions: DecisionOutcome[]
}
