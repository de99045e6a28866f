import type { AnnexColumn } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { FieldValue } from '@shared/ledger/record'
import { dateConversionIssue, valueFromText } from '@shared/validation/cellInput'
import type { IssueCode, Severity } from '@shared/domain/issues'
import { cellText, numberText } from './cellText'
import type { RawCell } from './rawWorkbook'

/** A finding about the cell itself (how it was stored), before any rule looks at its value. */
export interface CellIssue {
  severity: Severity
  code: IssueCode
  message: string
}

export interface CellReading {
  value: FieldValue
  issues: readonly CellIssue[]
}

/** Shared by the many cells read without a finding. */
const NO_ISSUES: readonly CellIssue[] = Object.freeze([])

const FORMULA_SHOWN = 60

/**
 * Turns a stored cell into the value of its annex column. What only the file format can tell is decided here:
 * formulas (cached value used, or none), error values, a code stored as a number, date serials (1900 or 1904
 * system). A number in a date column without a date format stays a number, so validation refuses it; it is never
 * guessed to be a serial. Everything else is text for valueFromText.
 */
export function readCell(cell: RawCell | null, column: AnnexColumn, campaign: Campaign, date1904: boolean): CellReading {
  const h = `「${column.header}」`
  if (cell?.t === 'z') {
    return fail('', 'FORMULA_NO_VALUE', `${h}是公式（=${shown(cell.formula)}）但没有计算结果，请在 Excel 或 WPS 中打开、重新计算并保存后再导入`)
  }
  if (cell?.t === 'e') {
    const what = cell.formula ? `公式（=${shown(cell.formula)}）的结果是错误值` : '是错误值'
    return fail(String(cell.v), 'CELL_ERROR', `${h}${what} ${String(cell.v)}，请改正该单元格后再导入`)
  }
  if (cell?.t === 'n' && column.kind === 'uscc') {
    const text = numberText(cell.v as number)
    return fail(text, 'USCC_NUMERIC', `${h}是数字格式（${text}），超过15位的数字已被 Excel 截断，请把该列设为文本格式后照营业执照重新录入`)
  }
  if (cell?.t === 'n' && column.kind === 'phone' && !/^1[3-9]\d{9}$/.test(numberText(cell.v as number))) {
    const text = numberText(cell.v as number)
    return fail(text, 'PHONE_FORMAT', `${h}是数字格式（${text}），开头的 0 或区号后的“-”可能已被 Excel 去掉，请把该列设为文本格式后照原号码重新录入`)
  }
  const text = cellText(cell, date1904)
  const value = valueFromText(column, text, campaign)
  const converted = phraseIssues(column, text)
  if (!cell?.formula) return { value, issues: converted }
  const message = `${h}是公式（=${shown(cell.formula)}），已取其计算结果“${text}”，请核对`
  return { value, issues: [{ severity: 'warning', code: 'FORMULA_CACHED', message }, ...converted] }
}

/** DATE_CONVERTED for a deadline phrase stored as its date (2024年6月底前 → 2024-06-30), worded once for every reader (dateConversionIssue). */
function phraseIssues(column: AnnexColumn, text: string): readonly CellIssue[] {
  const issue = dateConversionIssue(column, text)
  return issue ? [{ severity: issue.severity, code: issue.code, message: issue.message }] : NO_ISSUES
}

/** Columns whose text is turned into a value (NFKC, synonyms, date parsing), and repeats from row to row. */
const CONVERTED: ReadonlySet<AnnexColumn['kind']> = new Set(['enum', 'multiEnum', 'date'])

/**
 * readCell for the cells of one sheet, remembering what each text became in each choice or date column: a unit's
 * rows repeat the same few choices and dates thousands of times. A list (问题类型) is a copy for every row.
 */
export function cellReader(campaign: Campaign, date1904: boolean): (cell: RawCell | null, column: AnnexColumn) => CellReading {
  const known = new Map<AnnexColumn, Map<string, CellReading>>()
  return (cell, column) => {
    // Plain text is all readCell looks at in these cells: no formula, error or number to report.
    if (cell?.t !== 's' || typeof cell.v !== 'string' || cell.formula !== undefined || !CONVERTED.has(column.kind)) {
      return readCell(cell, column, campaign, date1904)
    }
    let readings = known.get(column)
    if (!readings) known.set(column, (readings = new Map()))
    let reading = readings.get(cell.v)
    if (reading === undefined) {
      // A deadline phrase's DATE_CONVERTED goes with every cell that says it, as readCell gives it.
      reading = { value: valueFromText(column, cell.v, campaign), issues: phraseIssues(column, cell.v) }
      readings.set(cell.v, reading)
    }
    const { value, issues } = reading
    return { value: Array.isArray(value) ? [...value] : value, issues }
  }
}

function fail(value: string, code: IssueCode, message: string): CellReading {
  return { value, issues: [{ severity: 'error', code, message }] }
}

function shown(formula: string | undefined): string {
  const f = formula ?? ''
  return f.length > FORMULA_SHOWN ? `${f.slice(0, FORMULA_SHOWN)}…` : f
}
