import type { IssueCode, Severity } from '@shared/validation/issues'
import type { RecordFields } from '@shared/ledger/record'

/** Codes only the file reader produces; the rest are the shared field/file codes (fixtures README "Codes"). */
export type ReadFailureCode = 'FILE_TOO_LARGE' | 'READ_FAILED' | 'PARSE_FAILED' | 'PARSE_TIMEOUT' | 'TOO_MANY_ROWS'
export type ImportIssueCode = IssueCode | ReadFailureCode

/**
 * One finding of an import, located as precisely as the file allows: a cell (E7), a merged range (B6:B13), a row,
 * or the file as a whole (all locations null). The message is a complete Chinese sentence naming file, sheet and cell.
 */
export interface ImportIssue {
  severity: Severity
  code: ImportIssueCode
  sheet: string | null
  cell: string | null
  row: number | null
  /** Header of the annex column (统一社会信用代码), or the header text as written for an unknown column. */
  column: string | null
  message: string
  range?: string
}

export interface ImportRow {
  /** 1-based row number in the sheet as stored (for CSV, row 1 is the header line). */
  rowNumber: number
  fields: RecordFields
  issues: ImportIssue[]
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
  rows: ImportRow[]
  issues: ImportIssue[]
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
  'TOO_MANY_ROWS'
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
    rows: [],
    issues: [issue]
  }
}
