import { z } from 'zod'

/** Issue codes shared by the grid, imports and merges (fixtures README "Codes"). */
export type IssueCode =
  // file level (imports)
  | 'NOT_XLSX'
  | 'EMPTY_FILE'
  | 'CORRUPT_ZIP'
  | 'ZIP_BOMB'
  | 'UNSUPPORTED_FORMAT'
  | 'ENCRYPTED'
  | 'ZIP_UNSAFE_PATH'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_HEADER'
  | 'NO_DATA_ROWS'
  // cell level
  | 'REQUIRED_EMPTY'
  | 'TOWN_UNKNOWN'
  | 'ENUM_INVALID'
  | 'ENUM_AMBIGUOUS'
  | 'USCC_LENGTH'
  | 'USCC_CHARSET'
  | 'USCC_CHECKSUM'
  | 'USCC_NUMERIC'
  | 'USCC_DUPLICATE'
  | 'USCC_OLD_NUMBER'
  | 'USCC_UNUSUAL_TYPE'
  | 'USCC_REGION'
  | 'PHONE_FORMAT'
  | 'PHONE_AREA'
  | 'DATE_NO_YEAR'
  | 'DATE_UNPARSEABLE'
  /** A deadline phrase (2024年6月底前, 2024年6月30日之前) stored as the date it names: the clerk is asked to check it. */
  | 'DATE_CONVERTED'
  | 'DATE_OUT_OF_RANGE'
  | 'FORMULA_NO_VALUE'
  | 'CELL_ERROR'
  | 'CONTROL_CHAR'
  | 'HIDDEN_ROWS'
  | 'FORMULA_TEXT'
  | 'FORMULA_CACHED'
  | 'EXTRA_COLUMN'
  | 'COLUMN_BY_VALUES'
  | 'MERGED_CELLS'
  | 'NAME_ADDRESS_DUPLICATE'
  | 'REQUIRED_BY_CATEGORY'
  /** 立案日期 or 处罚决定书文号 filled, 是否立案 blank: counted as a case, the clerk is asked to say 是. */
  | 'CASE_UNFLAGGED'
  | 'NUMBER_INVALID'
  // lifecycle (annexes.md §4.3, §4.4)
  | 'STATUS_REQUIREMENT'
  | 'DATE_ORDER'
  | 'RESTART_WITHOUT_ACCEPTANCE'
  | 'OVERDUE'
  | 'SHOULD_CONVERT'
  | 'PENALTY_DECISION_MISSING'
  | 'FINE_MISMATCH'
  | 'RESURGENCE_SUSPECT'

export type Severity = 'error' | 'warning'

/** A problem with one field of one record (field null: the record as a whole). */
export interface FieldIssue {
  severity: Severity
  code: IssueCode
  field: string | null
  message: string
}

/** A finding located in a file: an import's or a merge's issue as the user sees it. */
export const LocatedIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  row: z.number().nullable(),
  /** Header of the annex column (统一社会信用代码), or the header text as written for an unknown column. */
  column: z.string().nullable(),
  message: z.string(),
  range: z.string().optional()
})
export type LocatedIssue = z.infer<typeof LocatedIssueSchema>
