import { CATEGORIES_2023, HUIKAN_FINDINGS, HUIKAN_MEASURES, RECTIFY_RESULTS, YES_NO } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import { annex2Column, count } from './shared'
import type { AnnexColumn } from './types'
import { defineAnnex } from './types'

/** Records of the 回头看台账 (2023 closed items) live in the unit's ledger with this track. */
export const HUIKAN_TRACK = 'huikan'
export const isHuikan = (f: RecordFields): boolean => f['track'] === HUIKAN_TRACK

const CHECK = '核查内容（按2023年整治类别）'

/** What is checked per 2023 category (annexes.md §1.4): a 是/否 column each, — for the other categories. */
const CHECKS = [
  { key: 'hkTlcKept', header: '关停取缔：两断三清保持', category: '关停取缔' },
  { key: 'hkNoProduction', header: '关停取缔：无生产迹象', category: '关停取缔' },
  { key: 'hkSealsIntact', header: '关停取缔：封条完好', category: '关停取缔' },
  { key: 'hkNoRestart', header: '停产整治：未擅自复产', category: '停产整治' },
  { key: 'hkFacilitiesOn', header: '停产整治：设施正常运行', category: '停产整治' },
  { key: 'hkOldSiteIdle', header: '限期搬迁：原址已停用', category: '限期搬迁' },
  { key: 'hkNewSiteLicensed', header: '限期搬迁：新址手续齐全', category: '限期搬迁' }
] as const satisfies readonly { key: string; header: string; category: (typeof CATEGORIES_2023)[number] }[]

export function checksFor(fields: RecordFields): readonly { key: string; header: string }[] {
  return CHECKS.filter((c) => c.category === fieldText(fields, 'hkCategory2023'))
}

/** 回头看台账 (annexes.md §1.4): the 2023 closed items re-checked in 2024. */
export const huikan = defineAnnex({
  id: 'huikan',
  version: 1,
  label: '',
  title: '临夏市2023年“散乱污”整治销号问题“回头看”台账',
  sheetName: '回头看台账',
  columns: [
    annex2Column('seq'),
    annex2Column('town'),
    annex2Column('name'),
    annex2Column('address'),
    annex2Column('uscc', { required: false }),
    annex2Column('operator'),
    annex2Column('phone'),
    { key: 'hkCategory2023', header: '2023年整治类别', kind: 'enum', options: CATEGORIES_2023, required: true, width: 8, headerSynonyms: ['整治类别', '2023年类别'] },
    { key: 'hkClosedDate', header: '2023年销号日期', kind: 'date', width: 10, headerSynonyms: ['销号日期'] },
    { key: 'hkCheckDate', header: '核查日期', kind: 'date', width: 10 },
    { key: 'hkInspectors', header: '核查人员', kind: 'text', width: 8 },
    ...CHECKS.map((c): AnnexColumn<(typeof CHECKS)[number]['key']> => ({ key: c.key, header: c.header, group: CHECK, kind: 'enum', options: YES_NO, width: 7 })),
    { key: 'hkFinding', header: '发现问题', kind: 'enum', options: HUIKAN_FINDINGS, width: 10 },
    { key: 'hkResurgent', header: '是否死灰复燃', kind: 'enum', options: YES_NO, width: 6 },
    { key: 'hkMeasure', header: '处置措施', kind: 'enum', options: HUIKAN_MEASURES, width: 9 },
    { key: 'hkDeadline', header: '整改时限', kind: 'date', width: 10 },
    { key: 'hkResult', header: '整改结果', kind: 'enum', options: RECTIFY_RESULTS, width: 7 },
    { key: 'hkPerson', header: '责任人', kind: 'text', width: 7 },
    { key: 'hkLinked', header: '重新立案问题编号', kind: 'text', width: 16, hint: '死灰复燃重新整治时自动填写' },
    { key: 'hkRemarks', header: '备注', kind: 'text', width: 8 }
  ],
  rowFilter: isHuikan,
  ledgerTab: { label: '回头看台账（2023年销号）', order: 7, createsRecords: true },
  office: { merge: 'form', view: '回头看台账（2023年销号）' },
  notes: [
    '1. 对2023年整治销号的问题逐一现场核查，按原整治类别填写核查内容（是/否），其他类别的核查项不填。',
    '2. 发现问题填写无问题、关停取缔不彻底、停产整治不规范或限期搬迁不及时；死灰复燃的立即重新两断三清、依法关停取缔。'
  ],
  stats: {
    sheetName: '统计',
    columns: [
      { header: '核查总数', compute: (rows) => count(rows, (f) => fieldText(f, 'hkCheckDate') !== '') },
      ...HUIKAN_FINDINGS.map((finding) => ({ header: finding, group: '发现问题', compute: (rows: readonly RecordFields[]) => count(rows, (f) => fieldText(f, 'hkFinding') === finding) })),
      { header: '死灰复燃', compute: (rows) => count(rows, (f) => fieldText(f, 'hkResurgent') === '是') },
      { header: '已整改', compute: (rows) => count(rows, (f) => fieldText(f, 'hkResult') === '已整改') }
    ]
  }
})
