/**
 * 待补充 (the grid's 未填完): a record with required fields still blank. It is kept and worked on like any other,
 * but a form listing it is a draft: never exported to be sealed and sent until it is complete.
 */
import type { AnnexDefinition } from '../annexes/types'
import { formIncludes } from '../annexes/registry'
import type { FieldIssue } from '../domain/issues'
import type { RecordFields } from '../ledger/record'
import type { ValidationContext } from './validateRecord'
import { isBlank, validateRecord } from './validateRecord'

/** A required field left blank; REQUIRED_EMPTY is also the code of a 无 written where a code is required, which is a wrong value. */
export function isBlankRequired(issue: FieldIssue, fields: RecordFields): boolean {
  return issue.severity === 'error' && issue.code === 'REQUIRED_EMPTY' && issue.field !== null && isBlank(fields[issue.field])
}

export interface IncompleteRecord {
  problemNo: string
  name: string
  /** Headers of the blank required columns, in the form's order. */
  missing: string[]
}

/** The records a form lists that still have required fields blank. */
export function incompleteRecords(
  records: readonly { problemNo: string; fields: RecordFields }[],
  annex: AnnexDefinition<RecordFields>,
  ctx: ValidationContext
): IncompleteRecord[] {
  const out: IncompleteRecord[] = []
  for (const r of records) {
    if (!formIncludes(annex, r.fields)) continue
    const blank = new Set(validateRecord(r.fields, annex, ctx).filter((i) => isBlankRequired(i, r.fields)).map((i) => i.field))
    if (blank.size === 0) continue
    const name = r.fields['name']
    out.push({ problemNo: r.problemNo, name: typeof name === 'string' ? name : '', missing: annex.columns.filter((c) => blank.has(c.key)).map((c) => c.header) })
  }
  return out
}

const NAMED = 3

/** Why a form cannot be exported to send yet, naming the first records and their blank columns. */
export function incompleteMessage(formName: string, list: readonly IncompleteRecord[]): string {
  const named = list
    .slice(0, NAMED)
    .map((r) => `${r.problemNo || '（未编号）'} ${r.name || '（无名称）'}缺「${r.missing.join('」「')}」`)
    .join('；')
  const more = list.length > NAMED ? `等 ${list.length} 条` : ''
  return `${formName}中有 ${list.length} 条记录未填完（待补充），不能导出为正式报送的表格：${named}${more}。请补全后再导出。`
}
