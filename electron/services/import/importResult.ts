import type { LocatedIssue } from '@shared/domain/issues'
import type { IssueCode } from '@shared/domain/issues'
import type { RecordFields } from '@shared/ledger/record'
import type { ReceivedEvidence } from '@shared/evidence/evidencePackage'
import type { SourceColumn } from '@shared/annexes/columnMapping'

/** Codes only the file reader produces; the rest are the shared field/file codes (fixtures README "Codes"). */
export type ReadFailureCode =
  | 'FILE_TOO_LARGE'
  | 'READ_FAILED'
  | 'PARSE_FAILED'
  | 'PARSE_TIMEOUT'
  | 'TOO_MANY_ROWS'
  | 'TOO_MANY_CELLS'
/** Findings on one of our own exports (its `_meta` sheet): what a person changed after the export. */
export type OwnExportCode =
  | 'EDITED_AFTER_EXPORT'
  | 'DRAFT_FORM'
  | 'ADDED_AFTER_EXPORT'
  | 'REMOVED_AFTER_EXPORT'
  | 'META_INCONSISTENT'
  | 'META_OTHER_ANNEX'
  | 'META_NEWER_VERSION'
  | 'META_NEWER_FORMAT'
  | 'META_ID_REISSUED'
/** A value the ledger could not store (STORAGE_LIMITS): the file is refused at preview, not rolled back at next start. */
export type StorageCode = 'VALUE_TOO_LONG'
/** Findings on a 报送包 (evidencePackage.ts): a file that is not the one its manifest names, or one it does not name. */
export type PackageCode = 'EVIDENCE_MISMATCH' | 'PACKAGE_FILE_CHANGED'
export type ImportIssueCode = IssueCode | ReadFailureCode | OwnExportCode | StorageCode | PackageCode

/** One finding of an import (see LocatedIssue), with the import's own codes. */
export interface ImportIssue extends LocatedIssue {
  code: ImportIssueCode
}

export interface ImportRow {
  /** 1-based row number in the sheet as stored (for CSV, row 1 is the header line). */
  rowNumber: number
  /** Record id and 问题编号 from the `_meta` sheet of one of our exports. */
  recordId?: string
  problemNo?: string
  fields: RecordFields
  issues: ImportIssue[]
  /** 来源单位 of a consolidated workbook's row (roll-up): the unit that reported it. */
  sourceUnit?: string
}

/** What the `_meta` sheet of one of our exports says about the file (ownExport.ts). */export interface OwnExport {
  appVersion: string
  exportedAt: string
  unitName: string
  checkCode: string
  /** The meta sheet still matches its own file hash (it was not edited). */
  consistent: boolean
  edited: number
  added: number
  removed: number
}

/** Where 填报单位 came from: the `填报单位（盖章）：…` line, or the town every row names. */
export type UnitSource = 'header_line' | 'data' | null

/** Everything a staged import or an office merge needs from one submitted file. */
export interface ImportResult {
  file: string
  /** No error-level issue: every row can be taken as is. */
  ok: boolean
  /** Id of the annex the table was read as ('annex2'); null when no annex table was found. */
  annex: string | null
  unit: string | null
  unitSource: UnitSource
  filledDate: string | null
  filler?: string
  phone?: string
  sheet: string | null
  /** How the sheet's columns were bound: annex key ← column letter and header as written (for previews and tests). */
  columns: { key: string; letter: string; header: string }[]
  rowCount: number
  /** Rows of the data area looked at, and how many were blank / 合计 / template rows (read = records + blankSkipped). */
  counts: { read: number; blankSkipped: number }
  rows: ImportRow[]
  issues: ImportIssue[]
  /** Present when the file is one of this program's exports. */
  ownExport?: OwnExport
  /** The table has 来源单位 / 来源文件 columns: a consolidated workbook used as input (roll-up). */
  rollUp?: true
  /** Read from a 报送包: the evidence it carries, each file marked as matching its manifest or not. */
  evidence?: ReceivedEvidence[]
  /** Every headed column of the table (or of the row most like a header, when none was found), for the clerk to assign. */
  sourceColumns?: SourceColumn[]
}

/** Codes that refuse the whole file: nothing in it may be staged. */
const FILE_REFUSALS: ReadonlySet<ImportIssueCode> = new Set<ImportIssueCode>([
  'NOT_XLSX',
  'EMPTY_FILE',
  'CORRUPT_ZIP',
  'ZIP_BOMB',
  'UNSUPPORTED_FORMAT',
  'ENCRYPTED',
  'ZIP_UNSAFE_PATH',
  'MISSING_COLUMN',
  'DUPLICATE_HEADER',
  'NO_DATA_ROWS',
  'FILE_TOO_LARGE',
  'READ_FAILED',
  'PARSE_FAILED',
  'PARSE_TIMEOUT',
  'TOO_MANY_ROWS',
  'TOO_MANY_CELLS',
  'VALUE_TOO_LONG'
])

export function isFileRefused(result: ImportResult): boolean {
  return result.issues.some((i) => i.severity === 'error' && FILE_REFUSALS.has(i.code))
}

/** A result for a file that could not be taken at all: one file-level error, no rows. */
export function refusedFile(
  file: string,
  code: ImportIssueCode,
  message: string,
  sheet: string | null = null
): ImportResult {
  const issue: ImportIssue = { severity: 'error', code, sheet, cell: null, row: null, column: null, message }
  return {
    file,
    ok: false,
    annex: null,
    unit: null,
    unitSource: null,
    filledDate: null,
    sheet,
    columns: [],
    rowCount: 0,
    counts: { read: 0, blankSkipped: 0 },
    rows: [],
    issues: [issue]
  }
}
