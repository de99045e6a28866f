import { NAME_WITH_ADDRESS } from './headers'
import { CATEGORIES, CATEGORY_AMBIGUOUS, CATEGORY_SYNONYMS, FACILITY_STATES, LICENCE_STATES, PROBLEM_TYPES, SECTORS, SOURCE_SYNONYMS, SOURCES } from '../domain/enums'
import type { AnnexColumn, StatColumn } from './types'
import { defineAnnex } from './types'
import type { RecordFields } from '../ledger/record'

const LICENCE = '手续办理情况'

/** 附件2 明细 columns, in printed order (annexes.md §1.1; header texts as in the fixtures' canonical layout). */
export const annex2Columns = [
  { key: 'seq', header: '序号', kind: 'seq', width: 4 },
  { key: 'town', header: '乡镇（街道）', kind: 'enum', options: 'town', required: true, width: 7, headerSynonyms: ['乡镇', '乡镇街道', '镇（街道）', '街道', '所在镇', '镇街', '所属乡镇'] },
  { key: 'village', header: '村（社区）', kind: 'text', width: 7, headerSynonyms: ['村', '社区', '村社区'] },
  { key: 'name', header: '企业（场所）名称', kind: 'text', required: true, width: 16, headerSynonyms: ['企业名称', '场所名称', '名称', '企业场所名称', ...NAME_WITH_ADDRESS], hint: '无名称的作坊写作“XX村XX（经营者）加工点”' },
  { key: 'uscc', header: '统一社会信用代码', kind: 'uscc', required: true, width: 19, headerSynonyms: ['信用代码', '社会信用代码'], hint: '18位；无证照的填“无”' },
  { key: 'operator', header: '经营者（法定代表人）', kind: 'text', width: 7, headerSynonyms: ['法定代表人', '经营者', '负责人', '法人代表', '法人'] },
  { key: 'phone', header: '联系电话', kind: 'phone', width: 13, headerSynonyms: ['电话', '手机'] },
  { key: 'address', header: '详细地址', kind: 'text', multiline: true, required: true, width: 16, headerSynonyms: ['地址', '企业地址'] },
  { key: 'sector', header: '所属领域', kind: 'enum', options: SECTORS, required: true, width: 5 },
  { key: 'industry', header: '行业类别', kind: 'text', width: 8 },
  { key: 'products', header: '主要产品（经营内容）', kind: 'text', width: 10, headerSynonyms: ['主要产品', '经营内容'] },
  { key: 'problemTypes', header: '问题类型', kind: 'multiEnum', options: PROBLEM_TYPES, required: true, width: 6, hint: '散、乱、污可多选' },
  { key: 'problems', header: '存在的主要问题', kind: 'text', multiline: true, required: true, width: 20, headerSynonyms: ['主要问题', '存在问题', '企业存在的问题', '存在的问题', '问题描述'] },
  { key: 'licBusiness', header: '营业执照', group: LICENCE, kind: 'enum', options: LICENCE_STATES, width: 5 },
  { key: 'licEia', header: '环评手续', group: LICENCE, kind: 'enum', options: LICENCE_STATES, width: 5, headerSynonyms: ['环评'] },
  { key: 'licDischarge', header: '排污许可', group: LICENCE, kind: 'enum', options: LICENCE_STATES, width: 5, headerSynonyms: ['排污许可（登记）', '排污登记'] },
  { key: 'licOther', header: '其他许可', group: LICENCE, kind: 'enum', options: LICENCE_STATES, width: 5 },
  { key: 'facilities', header: '污染治理设施', kind: 'enum', options: FACILITY_STATES, width: 7, headerSynonyms: ['治污设施'] },
  { key: 'category', header: '拟整治类别', kind: 'enum', options: CATEGORIES, valueSynonyms: CATEGORY_SYNONYMS, ambiguousValues: CATEGORY_AMBIGUOUS, required: true, width: 6, headerSynonyms: ['整治类别'] },
  { key: 'measures', header: '整治措施', kind: 'text', multiline: true, width: 16, headerSynonyms: ['整改意见', '整改措施', '处理和整改情况'], hint: '一企一策' },
  { key: 'deadline', header: '完成时限', kind: 'date', phase: 'deadline', required: true, width: 10, headerSynonyms: ['整改时限', '整治时限', '完成时间', '整改期限'], hint: '2024年5月15日至9月30日之间' },
  { key: 'responsibleUnit', header: '责任单位', kind: 'enum', options: 'unit', width: 7 },
  { key: 'leadDept', header: '行业主管部门', kind: 'enum', options: 'department', width: 8, headerSynonyms: ['牵头部门', '行业主管（牵头）部门', '主管部门'] },
  { key: 'responsiblePerson', header: '责任人', kind: 'text', width: 6 },
  { key: 'source', header: '来源', kind: 'enum', options: SOURCES, valueSynonyms: SOURCE_SYNONYMS, width: 6, headerSynonyms: ['问题来源', '受理方式'] },
  { key: 'remarks', header: '备注', kind: 'text', width: 8 }
] as const satisfies readonly AnnexColumn[]

export type Annex2Key = Exclude<(typeof annex2Columns)[number]['key'], 'seq'>

function countWhere(rows: readonly RecordFields[], key: Annex2Key, value: string): number {
  let n = 0
  for (const r of rows) {
    const v = r[key]
    if (Array.isArray(v) ? v.includes(value) : v === value) n++
  }
  return n
}

const breakdown = (group: string, key: Annex2Key, values: readonly string[]): StatColumn<RecordFields>[] =>
  values.map((v) => ({ header: v, group, compute: (rows) => countWhere(rows, key, v) }))

export const annex2 = defineAnnex({
  id: 'annex2',
  version: 1,
  label: '附件2',
  title: '临夏市“散乱污”问题摸底情况汇总表',
  sheetName: '摸底台账',
  columns: annex2Columns,
  ledgerTab: { label: '摸底台账（附件2）', order: 1, createsRecords: true },
  office: { merge: 'form', view: '附件2 摸底情况' },
  notes: [
    '1. 每个“散乱污”问题（企业、场所）填写一行；无名称的作坊填写“XX村XX（经营者）加工点”。',
    '2. 统一社会信用代码填写18位代码；无营业执照的填“无”，所属领域填“无证照”。',
    '3. 问题类型可多选（散、乱、污），用顿号分隔；拟整治类别填关停取缔、整合搬迁或升级改造。',
    '4. 完成时限应在2024年5月15日至9月30日之间；本表于2024年5月10日前加盖公章报市“散乱污”领导小组办公室（市工信局）。'
  ],
  stats: {
    sheetName: '统计',
    columns: [
      { header: '排查问题总数', compute: (rows) => rows.length },
      ...breakdown('按问题类型', 'problemTypes', PROBLEM_TYPES),
      ...breakdown('按领域', 'sector', SECTORS),
      ...breakdown('按拟整治类别', 'category', CATEGORIES)
    ]
  }
})
