import { EXECUTION_STATES, PENALTY_KINDS } from '../domain/enums'
import { fieldText } from '../ledger/record'
import { annex2Column, count, sumMoney } from './shared'
import { caseFiled } from '../lifecycle/cases'
import type { AnnexColumn } from './types'
import { defineAnnex } from './types'

/** 问题编号 of the record, which every list carries so rows join across forms (annexes.md §0). */
export const problemNoColumn: AnnexColumn<'problemNo'> = { key: 'problemNo', header: '问题编号', kind: 'text', width: 16, derive: (f) => fieldText(f, 'problemNo') }

/** 违法问题查处清单 (“两张清单”之一, annexes.md §1.5): the cases opened against the 违法 problems. */
export const illegal = defineAnnex({
  id: 'illegal',
  version: 1,
  label: '',
  title: '临夏市“散乱污”违法问题查处清单',
  sheetName: '违法问题查处清单',
  columns: [
    annex2Column('seq'),
    problemNoColumn,
    annex2Column('town'),
    annex2Column('name', { header: '违法主体' }),
    annex2Column('uscc'),
    annex2Column('address', { header: '地址' }),
    { key: 'violation', header: '违法行为', kind: 'text', width: 16, multiline: true },
    { key: 'clause', header: '违反条款', kind: 'text', width: 12 },
    { key: 'basis', header: '处罚依据', kind: 'text', width: 12 },
    { key: 'caseDept', header: '查处部门', kind: 'enum', options: 'department', width: 10 },
    { key: 'caseDate', header: '立案日期', kind: 'date', width: 10 },
    { key: 'caseNo', header: '案号', kind: 'text', width: 12 },
    { key: 'penaltyKinds', header: '处罚种类', kind: 'multiEnum', options: PENALTY_KINDS, width: 14, hint: '行政处罚法第九条，可多选' },
    { key: 'decisionNo', header: '处罚决定书文号', kind: 'text', width: 14 },
    { key: 'decisionDate', header: '决定日期', kind: 'date', width: 10 },
    { key: 'fineAmount', header: '罚款金额（万元）', kind: 'money', width: 8 },
    { key: 'execution', header: '执行情况', kind: 'enum', options: EXECUTION_STATES, width: 8 },
    { key: 'caseClosedDate', header: '结案日期', kind: 'date', width: 10 },
    { key: 'caseRemarks', header: '备注', kind: 'text', width: 8 }
  ],
  rowFilter: (f) => caseFiled(f) || f['category'] === '关停取缔',
  ledgerTab: { label: '违法问题查处清单', order: 5, createsRecords: false },
  notes: [
    '1. 本清单列出关停取缔类和已立案查处的“散乱污”违法问题，一个问题一行。',
    '2. 填写处罚种类的，须填写处罚决定书文号；处罚种类含罚款的，罚款金额（万元）应大于0。',
    '3. 执行情况填写已履行、未履行或申请强制执行。'
  ],
  stats: {
    sheetName: '统计',
    columns: [
      { header: '问题数', compute: (rows) => rows.length },
      { header: '已立案', compute: (rows) => count(rows, (f) => fieldText(f, 'caseDate') !== '' || fieldText(f, 'caseNo') !== '') },
      { header: '已作出处罚决定', compute: (rows) => count(rows, (f) => fieldText(f, 'decisionNo') !== '') },
      { header: '罚款（万元）', compute: (rows) => sumMoney(rows, 'fineAmount') },
      { header: '已结案', compute: (rows) => count(rows, (f) => fieldText(f, 'caseClosedDate') !== '') }
    ]
  }
})
