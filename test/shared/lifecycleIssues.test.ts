import { describe, expect, it } from 'vitest'
import { deadlineNote, lifecycleIssues, withoutDeadlineNote } from '@shared/lifecycle/lifecycleIssues'
import type { RecordFields } from '@shared/ledger/record'

// annexes.md §4.3–§4.4: record-level rules beyond single fields.
const codes = (f: RecordFields, today?: string): string[] => lifecycleIssues(f, today).map((i) => `${i.severity}:${i.code}:${i.field}`)

describe('a status needs its requirements', () => {
  it('a record at a status it does not meet lists what is missing in one error', () => {
    expect(lifecycleIssues({ status: '已停产' })).toEqual([
      { severity: 'error', code: 'STATUS_REQUIREMENT', field: 'status', message: '状态为“已停产”，但填写停产日期' }
    ])
    expect(lifecycleIssues({ status: '已完成', category: '升级改造', measures: 'x', deadline: '2024-07-01' })[0]?.message).toBe('状态为“已完成”，但填写完成日期')
    expect(lifecycleIssues({ status: '已完成', category: '升级改造' })[0]?.message).toBe('状态为“已完成”，但填写整治措施（一企一策）；填写完成时限；填写完成日期')
  })
  it('已登记 and a status that is met raise nothing', () => {
    expect(lifecycleIssues({})).toEqual([])
    expect(lifecycleIssues({ status: '已停产', stopDate: '2024-05-20' })).toEqual([])
  })
})

describe('dates follow the order of the work', () => {
  // Each later date with the earlier one it must not precede, and the sentence that says so.
  const pairs = Object.entries({
    completeDate: ['stopDate', '完成日期不能早于停产日期'],
    acceptDate: ['completeDate', '验收日期不能早于完成日期'],
    closeDate: ['acceptDate', '销号日期不能早于验收日期'],
    restartDate: ['acceptDate', '复产日期不能早于验收日期'],
    decisionDate: ['caseDate', '处罚决定日期不能早于立案日期'],
    caseClosedDate: ['decisionDate', '结案日期不能早于处罚决定日期']
  }).map(([b, [a, message]]) => [a as string, b, message as string] as const)
  // 是否立案 said, so a case's dates bring no CASE_UNFLAGGED here.
  const filed = { caseFiled: '是' }
  it.each(pairs)('%s before %s: the later one is the error', (a, b, message) => {
    expect(lifecycleIssues({ ...filed, [a]: '2024-06-10', [b]: '2024-06-09' })).toEqual([{ severity: 'error', code: 'DATE_ORDER', field: b, message }])
    expect(lifecycleIssues({ ...filed, [a]: '2024-06-10', [b]: '2024-06-10' })).toEqual([])
    expect(lifecycleIssues({ ...filed, [a]: '2024-06-10', [b]: '2024-06-11' })).toEqual([])
  })
  it('only ISO dates are compared: text that is not yet a date is the field check\'s business', () => {
    expect(lifecycleIssues({ stopDate: '2024-06-10', completeDate: '2024-6-9' })).toEqual([])
    expect(lifecycleIssues({ stopDate: '2024年6月10日', completeDate: '2024-06-09' })).toEqual([])
    expect(lifecycleIssues({ stopDate: 'x2024-06-10', completeDate: '2024-06-09' })).toEqual([])
    expect(lifecycleIssues({ stopDate: '2024-06-10', completeDate: '2024-06-090' })).toEqual([])
  })
})

// Issue 20: with 立案日期, 决定书文号 and 罚款 filled but 是否立案 blank, the Friday report counted a case 附件3 did not.
describe('立案 said or not', () => {
  it('a case’s own facts with 是否立案 blank: counted as a case, and the clerk is asked to say 是', () => {
    const warning = { severity: 'warning', code: 'CASE_UNFLAGGED', field: 'caseFiled', message: '已填写立案日期或处罚决定书文号，「是否立案」却未填：各报表已按立案统计，请填“是”（确未立案的填“否”）' }
    expect(lifecycleIssues({ caseDate: '2024-05-14' })).toEqual([warning])
    expect(lifecycleIssues({ decisionNo: '临市工信罚〔2024〕1号' })).toEqual([warning])
    expect(codes({ caseFiled: '是', caseDate: '2024-05-14' })).toEqual([])
    expect(codes({ caseFiled: '否', caseDate: '2024-05-14' })).toEqual([])
    expect(codes({ fineAmount: '1.20' })).toEqual([])
  })
})

describe('restart and penalties (违法问题查处清单)', () => {
  it('复产 without 验收 合格 is an error', () => {
    expect(lifecycleIssues({ restarted: '是' })).toEqual([
      { severity: 'error', code: 'RESTART_WITHOUT_ACCEPTANCE', field: 'restarted', message: '未经验收合格不得复产（验收结论须为“合格”）' }
    ])
    expect(codes({ restarted: '是', acceptResult: '不合格' })).toEqual(['error:RESTART_WITHOUT_ACCEPTANCE:restarted'])
    expect(codes({ restarted: '是', acceptResult: '合格' })).toEqual([])
    expect(codes({ restarted: '否' })).toEqual([])
  })
  it('a penalty needs its decision number', () => {
    expect(lifecycleIssues({ penaltyKinds: ['警告'] })).toEqual([
      { severity: 'error', code: 'PENALTY_DECISION_MISSING', field: 'decisionNo', message: '已填写处罚种类，须填写处罚决定书文号' }
    ])
    expect(codes({ caseFiled: '是', penaltyKinds: ['警告'], decisionNo: '临市工信罚〔2024〕1号' })).toEqual([])
    expect(codes({ penaltyKinds: [] })).toEqual([])
    expect(codes({ penaltyKinds: '警告' })).toEqual([])
  })
  it('a fine is among the penalties exactly when its amount is above 0', () => {
    const no = { caseFiled: '是', decisionNo: '1号' }
    expect(lifecycleIssues({ ...no, penaltyKinds: ['罚款'] })).toEqual([
      { severity: 'error', code: 'FINE_MISMATCH', field: 'fineAmount', message: '处罚种类含罚款，罚款金额应大于 0' }
    ])
    expect(lifecycleIssues({ ...no, penaltyKinds: ['警告'], fineAmount: '0.5' })).toEqual([
      { severity: 'error', code: 'FINE_MISMATCH', field: 'fineAmount', message: '处罚种类不含罚款，罚款金额应为空或 0' }
    ])
    expect(codes({ ...no, penaltyKinds: ['罚款'], fineAmount: '0' })).toEqual(['error:FINE_MISMATCH:fineAmount'])
    expect(codes({ ...no, penaltyKinds: ['罚款', '警告'], fineAmount: '1.5' })).toEqual([])
    expect(codes({ ...no, penaltyKinds: ['警告'], fineAmount: '0' })).toEqual([])
    expect(codes({ ...no, penaltyKinds: ['警告'] })).toEqual([])
    expect(codes({ fineAmount: '2' })).toEqual([])
  })
})

describe('deadlines against the unit\'s working day', () => {
  const TODAY = '2024-06-20'
  it('a 完成时限 before today on a record not yet completed is overdue', () => {
    expect(lifecycleIssues({ category: '关停取缔', deadline: '2024-06-19' }, TODAY)).toEqual([
      { severity: 'warning', code: 'OVERDUE', field: 'deadline', message: '已超过完成时限（2024-06-19）仍未完成整治，请督促' }
    ])
    expect(codes({ category: '关停取缔', deadline: '2024-06-20' }, TODAY)).toEqual([])
    expect(codes({ category: '关停取缔', deadline: '2024年6月1日' }, TODAY)).toEqual([])
    expect(codes({ category: '关停取缔', deadline: '2024-06-19' })).toEqual([])
    expect(codes({ category: '升级改造', measures: 'x', deadline: '2024-06-19', completeDate: '2024-06-18', status: '已完成' }, TODAY)).toEqual([])
  })
  it('an 升级改造 past its deadline should become 关停取缔', () => {
    expect(lifecycleIssues({ category: '升级改造', deadline: '2024-06-19' }, TODAY)).toEqual([
      { severity: 'warning', code: 'OVERDUE', field: 'deadline', message: '已超过完成时限（2024-06-19）仍未完成整治，请督促' },
      { severity: 'warning', code: 'SHOULD_CONVERT', field: 'category', message: '升级改造逾期未完成，应依法转为关停取缔' }
    ])
  })
  it('the note printed in 备注 says the same, and nothing on time, undated or completed', () => {
    expect(deadlineNote({ category: '关停取缔', deadline: '2024-06-19' }, TODAY)).toBe('逾期未完成（时限2024-06-19）')
    expect(deadlineNote({ category: '关停取缔', deadline: '2024-06-20' }, TODAY)).toBe('')
    expect(deadlineNote({ category: '关停取缔', deadline: '6月1日' }, TODAY)).toBe('')
    expect(deadlineNote({ category: '关停取缔', deadline: '2024-06-01', status: '已验收' }, TODAY)).toBe('')
  })
})

describe('a form\'s deadline note read back', () => {
  it('leaves the clerk\'s 备注 and drops only the note the form printed after it', () => {
    const read = (remarks3: string) => withoutDeadlineNote({ remarks3 }, 'remarks3')['remarks3']
    expect(read('逾期未完成（时限2024-06-20）')).toBe('')
    expect(read('资金未到位；逾期未完成（时限2024-06-18），应转关停取缔')).toBe('资金未到位')
    expect(read('资金未到位，逾期未完成')).toBe('资金未到位，逾期未完成')
    expect(read('逾期未完成（时限2024-06-20）；资金未到位')).toBe('逾期未完成（时限2024-06-20）；资金未到位')
    expect(withoutDeadlineNote({ remarks3: '逾期未完成（时限2024-06-20）' }, undefined)).toEqual({ remarks3: '逾期未完成（时限2024-06-20）' })
  })
})
