import type { AnnexColumn } from './types'
import { defineAnnex } from './types'

const person = <W extends 'leader' | 'liaison'>(who: W, group: string): AnnexColumn<`${W}${'Name' | 'Title' | 'Office' | 'Mobile'}`>[] => [
  { key: `${who}Name`, header: '姓名', group, kind: 'text', width: 8, required: true },
  { key: `${who}Title`, header: '职务', group, kind: 'text', width: 10 },
  { key: `${who}Office`, header: '办公电话', group, kind: 'phone', width: 13 },
  // Both must be reachable at any hour (annexes.md §4.2): a mobile each.
  { key: `${who}Mobile`, header: '手机', group, kind: 'phone', width: 13, required: true }
]

/** 分管领导及联络员名单 (plan 五(二), due 2024-04-30; annexes.md §1.9): one row per unit. */
export const contacts = defineAnnex({
  id: 'contacts',
  version: 1,
  label: '附件1',
  title: '临夏市“散乱污”问题清理整治分管领导及联络员名单',
  sheetName: '联络员名单',
  office: { merge: 'form' },
  columns: [
    { key: 'seq', header: '序号', kind: 'seq', width: 4 },
    { key: 'unit', header: '单位', kind: 'enum', options: 'unit', width: 12, required: true },
    ...person('leader', '分管领导'),
    ...person('liaison', '联络员'),
    { key: 'email', header: '电子邮箱', kind: 'text', width: 16 },
    { key: 'contactRemarks', header: '备注', kind: 'text', width: 8 }
  ],
  notes: ['1. 各成员单位指定一名分管领导和一名联络员，负责摸底整治情况的汇总上报。', '2. 于2024年4月30日前报市“散乱污”问题清理整治领导小组办公室（市工信局）。']
})
