import { CATEGORIES, TLC_MARKS, YES_NO } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import type { TlcItem } from '../lifecycle/tlc'
import { TLC_ITEMS, tlcApplies, tlcDoneDate, tlcMark } from '../lifecycle/tlc'
import { caseFiled } from '../lifecycle/cases'
import { annex2Column, count, isCategory, isDone, progressOf, rate, sumMoney, supervisionColumns } from './shared'
import type { AnnexColumn, StatColumn } from './types'
import { defineAnnex } from './types'

const TLC = '两断三清'
const CASE = '立案查处'

/** 附件3 明细 (annexes.md §1.2): 附件2's identity columns, then what the 清理整治 phase did. */
const annex3Columns = [
  annex2Column('seq'),
  annex2Column('town'),
  annex2Column('name'),
  annex2Column('uscc'),
  annex2Column('address'),
  ...supervisionColumns(),
  annex2Column('problemTypes'),
  annex2Column('category', { header: '整治类别', headerSynonyms: ['拟整治类别'] }),
  { key: 'stoppedFirst', header: '是否先行停产', kind: 'enum', options: YES_NO, width: 6 },
  { key: 'stopDate', header: '停产日期', kind: 'date', width: 10 },
  ...TLC_ITEMS.map(
    (item): AnnexColumn<`tlc${TlcItem['id']}Mark`> => ({
      key: `tlc${item.id}Mark`,
      header: item.label,
      group: TLC,
      kind: 'enum',
      // The choices of a hand-filled form; the program's own exports compute the mark from the dates.
      options: TLC_MARKS,
      width: 5,
      derive: (f) => tlcMark(f, item)
    })
  ),
  { key: 'tlcDoneDate', header: '两断三清完成日期', kind: 'date', width: 10, derive: tlcDoneDate },
  { key: 'caseFiled', header: '是否立案', group: CASE, kind: 'enum', options: YES_NO, width: 5 },
  { key: 'decisionNo', header: '处罚决定书文号', group: CASE, kind: 'text', width: 14 },
  { key: 'fineAmount', header: '罚款金额（万元）', group: CASE, kind: 'money', width: 8 },
  { key: 'referredPolice', header: '移送公安（司法）', kind: 'enum', options: YES_NO, width: 7 },
  { key: 'progress', header: '整治进展', kind: 'enum', width: 7, derive: progressOf },
  { key: 'completeDate', header: '完成日期', kind: 'date', phase: 'cleanup', width: 10 },
  { key: 'evidence', header: '佐证材料编号', kind: 'text', width: 10, hint: '一案一档：照片、文书的编号' },
  annex2Column('responsiblePerson'),
  { key: 'remarks3', header: '备注', kind: 'text', width: 8 }
] as const satisfies readonly AnnexColumn[]

const per = (category: string): StatColumn<RecordFields>[] => [
  { header: '应完成', group: category, compute: (rows) => count(rows, isCategory(category)) },
  { header: '已完成', group: category, compute: (rows) => count(rows, (f) => isCategory(category)(f) && isDone(f)) }
]

/** 两断三清 done: from the item dates, or on a row read from a unit's 附件3 (no item dates) its printed 完成日期. */
const tlcDone = (f: RecordFields): boolean => tlcApplies(f) && (tlcDoneDate(f) || fieldText(f, 'tlcDoneDate')) !== ''

export const annex3 = defineAnnex({
  id: 'annex3',
  version: 1,
  label: '附件3',
  title: '临夏市“散乱污”问题清理整顿情况汇总表',
  sheetName: '清理整顿台账',
  columns: annex3Columns,
  deadlineNote: 'remarks3',
  ledgerTab: { label: '清理整顿（附件3）', order: 2, createsRecords: false },
  office: { merge: 'form', view: '附件3 清理整顿情况' },
  sentWith: '月度工作总结（在“每周工作进展”中导出）',
  notes: [
    '1. 本表列出摸底台账中的全部问题，整治类别以整治中确定的为准。',
    '2. 两断三清（断水、断电、清除原料、清除产品、清除设备）适用于关停取缔类和整合搬迁类的原址：已完成的打“√”，未完成的打“×”，不涉及的注明“不涉及”。',
    '3. 罚款金额以万元为单位，保留两位小数；整治进展按未启动、已停产、整治中、已完成、已验收、已销号填写。',
    '4. 本表于2024年6月28日前随月度工作总结报市“散乱污”领导小组办公室（市工信局）。'
  ],
  stats: {
    sheetName: '统计',
    columns: [
      { header: '摸底问题数', compute: (rows) => rows.length },
      ...CATEGORIES.flatMap(per),
      { header: '两断三清完成数', compute: (rows) => count(rows, tlcDone) },
      { header: '立案数', compute: (rows) => count(rows, caseFiled) },
      { header: '罚款（万元）', compute: (rows) => sumMoney(rows.filter(caseFiled), 'fineAmount') },
      { header: '移送公安数', compute: (rows) => count(rows, (f) => fieldText(f, 'referredPolice') === '是') },
      { header: '总完成数', compute: (rows) => count(rows, isDone) },
      { header: '完成率（%）', compute: (rows) => rate(count(rows, isDone), rows.length) }
    ]
  }
})
