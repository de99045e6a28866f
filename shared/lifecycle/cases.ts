/**
 * 立案 — one definition for every form, report and dashboard (附件3 立案数, the Friday 累计立案, the dashboard): 是否立案
 * “是”, or left blank while the record carries a case's own facts (立案日期 or 处罚决定书文号). “否” is never a case,
 * whatever else is filled. A fine counts with its case.
 */
import type { RecordFields } from '../ledger/record'
import { lifecycleText } from './fields'

const hasCaseFacts = (f: RecordFields): boolean => lifecycleText(f, 'caseDate') !== '' || lifecycleText(f, 'decisionNo') !== ''

export function caseFiled(f: RecordFields): boolean {
  const said = lifecycleText(f, 'caseFiled')
  return said === '是' || (said === '' && hasCaseFacts(f))
}

/** Counted as a case although 是否立案 was left blank: the clerk is asked to say so. */
export const caseUnflagged = (f: RecordFields): boolean => lifecycleText(f, 'caseFiled') === '' && hasCaseFacts(f)

/** The day a case counts from (立案日期), and its fine (处罚决定日期, else 立案日期); '' when not given. */
export const caseDay = (f: RecordFields): string => lifecycleText(f, 'caseDate')
export const fineDay = (f: RecordFields): string => lifecycleText(f, 'decisionDate') || lifecycleText(f, 'caseDate')
