/**
 * Record-level rules of the lifecycle (annexes.md §4.3–§4.4): a status needs its requirements, dates follow the
 * order of the work, no restart without acceptance, deadlines against today, and the 违法问题查处清单 rules.
 */
import type { RecordFields } from '../ledger/record'
import type { LifecycleKey } from './fields'
import { lifecycleText } from './fields'
import type { FieldIssue } from '../domain/issues'
import { shouldConvert } from './actions'
import { caseUnflagged } from './cases'
import { missingFor, reached, statusOf } from './requirements'

/** Later date must not be before the earlier one: [earlier, later, wording]. */
const DATE_ORDER: readonly [LifecycleKey, LifecycleKey, string][] = [
  ['stopDate', 'completeDate', '完成日期不能早于停产日期'],
  ['completeDate', 'acceptDate', '验收日期不能早于完成日期'],
  ['acceptDate', 'closeDate', '销号日期不能早于验收日期'],
  ['acceptDate', 'restartDate', '复产日期不能早于验收日期'],
  ['caseDate', 'decisionDate', '处罚决定日期不能早于立案日期'],
  ['decisionDate', 'caseClosedDate', '结案日期不能早于处罚决定日期']
]

const ISO = /^\d{4}-\d{2}-\d{2}$/

export function lifecycleIssues(fields: RecordFields, today?: string): FieldIssue[] {
  const out: FieldIssue[] = []
  const status = statusOf(fields)
  const missing = missingFor(status, fields) // nothing for 已登记
  if (missing.length) {
    out.push({ severity: 'error', code: 'STATUS_REQUIREMENT', field: 'status', message: `状态为“${status}”，但${missing.join('；')}` })
  }
  for (const [a, b, message] of DATE_ORDER) {
    const from = lifecycleText(fields, a)
    const to = lifecycleText(fields, b)
    if (ISO.test(from) && ISO.test(to) && to < from) out.push({ severity: 'error', code: 'DATE_ORDER', field: b, message })
  }
  if (lifecycleText(fields, 'restarted') === '是' && lifecycleText(fields, 'acceptResult') !== '合格') {
    out.push({ severity: 'error', code: 'RESTART_WITHOUT_ACCEPTANCE', field: 'restarted', message: '未经验收合格不得复产（验收结论须为“合格”）' })
  }
  const kinds = fields['penaltyKinds']
  const penalties = Array.isArray(kinds) ? kinds : []
  if (penalties.length > 0 && !lifecycleText(fields, 'decisionNo')) {
    out.push({ severity: 'error', code: 'PENALTY_DECISION_MISSING', field: 'decisionNo', message: '已填写处罚种类，须填写处罚决定书文号' })
  }
  const fine = Number(lifecycleText(fields, 'fineAmount')) // blank is 0
  if (penalties.length > 0 && penalties.includes('罚款') !== fine > 0) {
    out.push({
      severity: 'error',
      code: 'FINE_MISMATCH',
      field: 'fineAmount',
      message: penalties.includes('罚款') ? '处罚种类含罚款，罚款金额应大于 0' : '处罚种类不含罚款，罚款金额应为空或 0'
    })
  }
  if (caseUnflagged(fields)) {
    out.push({
      severity: 'warning',
      code: 'CASE_UNFLAGGED',
      field: 'caseFiled',
      message: '已填写立案日期或处罚决定书文号，「是否立案」却未填：各报表已按立案统计，请填“是”（确未立案的填“否”）'
    })
  }
  if (today) {
    const deadline = lifecycleText(fields, 'deadline')
    if (ISO.test(deadline) && deadline < today && !reached(fields, '已完成')) {
      out.push({ severity: 'warning', code: 'OVERDUE', field: 'deadline', message: `已超过完成时限（${deadline}）仍未完成整治，请督促` })
    }
    if (shouldConvert(fields, today)) {
      out.push({ severity: 'warning', code: 'SHOULD_CONVERT', field: 'category', message: '升级改造逾期未完成，应依法转为关停取缔' })
    }
  }
  return out
}

/**
 * What 附件3 and 附件4 print in 备注 about deadlines on the day of printing: past 完成时限 and not completed, and an
 * 升级改造 that should now be 关停取缔. Empty when on time.
 */
/** deadlineNote as a form appends it to 备注 (after the clerk's text and a ；). */
const PRINTED_NOTE = /(?:^|；)逾期未完成（时限\d{4}-\d{2}-\d{2}）(?:，应转关停取缔)?$/

/**
 * A record read back from a form, its 备注 (`key`) without the deadline note the form printed: the note was the
 * printing day's, not the clerk's, and would otherwise come back into the ledger as an edit.
 */
export function withoutDeadlineNote(fields: RecordFields, key: string | undefined): RecordFields {
  const remarks = key === undefined ? undefined : fields[key]
  if (key === undefined || typeof remarks !== 'string' || !PRINTED_NOTE.test(remarks)) return fields
  return { ...fields, [key]: remarks.replace(PRINTED_NOTE, '') }
}

export function deadlineNote(fields: RecordFields, today: string): string {
  const deadline = lifecycleText(fields, 'deadline')
  if (!ISO.test(deadline) || deadline >= today || reached(fields, '已完成')) return ''
  return shouldConvert(fields, today) ? `逾期未完成（时限${deadline}），应转关停取缔` : `逾期未完成（时限${deadline}）`
}
