import { ACCEPT_RESULTS, OLD_SITE_STATES, RECHECK_RESULTS, YES_NO } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import { reached } from '../lifecycle/requirements'
import { isClosed } from '../evidence/closeEvidence'
import { annex2Column, count, isCategory, progressOf, rate, supervisionColumns } from './shared'
import type { AnnexColumn } from './types'
import { defineAnnex } from './types'

const CONTENT = '整治提升内容'

/** 附件4 明细 (annexes.md §1.3): the records being upgraded or relocated, and those reopened by 回头看. */
const annex4Columns = [
  annex2Column('seq'),
  annex2Column('town'),
  annex2Column('name'),
  annex2Column('uscc'),
  annex2Column('address'),
  ...supervisionColumns(),
  annex2Column('category', { header: '整治类别', headerSynonyms: ['拟整治类别'] }),
  { key: 'progress', header: '整治进展', kind: 'enum', width: 8, derive: (f) => (converted(f) ? '转关停取缔' : progressOf(f)) },
  { key: 'upgradeLicences', header: '手续完善', group: CONTENT, kind: 'text', width: 12, multiline: true },
  { key: 'upgradeFacilities', header: '治理设施建设', group: CONTENT, kind: 'text', width: 12, multiline: true },
  { key: 'relocationTarget', header: '搬迁去向（园区或新址）', group: CONTENT, kind: 'text', width: 12 },
  { key: 'investment', header: '投入资金（万元）', kind: 'money', width: 8 },
  { key: 'acceptDate', header: '验收日期', kind: 'date', phase: 'upgrade', width: 10 },
  { key: 'acceptDept', header: '验收部门', kind: 'text', width: 10 },
  { key: 'acceptResult', header: '验收结论', kind: 'enum', options: ACCEPT_RESULTS, width: 6 },
  { key: 'restarted', header: '是否复产', kind: 'enum', options: YES_NO, width: 5 },
  { key: 'restartDate', header: '复产日期', kind: 'date', phase: 'upgrade', width: 10 },
  { key: 'oldSite', header: '原址处置情况', kind: 'enum', options: OLD_SITE_STATES, width: 9, hint: '整合搬迁类填写' },
  { key: 'closeDate', header: '销号日期', kind: 'date', phase: 'upgrade', width: 10 },
  { key: 'supervisor', header: '长效监管责任人（网格员）', kind: 'text', width: 10 },
  { key: 'recheck', header: '复查情况', kind: 'enum', options: RECHECK_RESULTS, width: 6 },
  { key: 'remarks4', header: '备注', kind: 'text', width: 8 }
] as const satisfies readonly AnnexColumn[]

/**
 * An upgrade turned into a closure (转关停取缔): in the ledger it keeps its 原整治类别; a row read from a unit's 附件4
 * says so in 整治进展. Only 升级改造 records are converted. It stays on this form and in 应完成 (annexes.md §1.3).
 */
const converted = (f: RecordFields): boolean => fieldText(f, 'convertedFrom') !== '' || fieldText(f, 'progress') === '转关停取缔'
const upgrading = (f: RecordFields): boolean => isCategory('升级改造')(f) || converted(f)
const relocating = isCategory('整合搬迁')
// A row read from a unit's 附件4 has no status: its 验收结论 and 销号日期 stand for it.
const accepted = (f: RecordFields): boolean => reached(f, '已验收') || fieldText(f, 'acceptResult') === '合格'
const closed = isClosed
// 附件4 prints no 搬迁完成日期: in a row read from a unit's file, acceptance or close-out at the new site shows the move.
const moved = (f: RecordFields): boolean => fieldText(f, 'relocationDate') !== '' || accepted(f) || closed(f)

/**
 * Done, for 完成率: accepted; or, for a closure on this form — an upgrade converted to 关停取缔, or a 关停取缔 reopened
 * by 回头看 — 销号: the problem is gone, though no acceptance will come.
 */
const done = (f: RecordFields): boolean => accepted(f) || ((converted(f) || isCategory('关停取缔')(f)) && closed(f))

export const annex4 = defineAnnex({
  id: 'annex4',
  version: 1,
  label: '附件4',
  title: '临夏市“散乱污”问题整治提升情况汇总表',
  sheetName: '整治提升台账',
  columns: annex4Columns,
  deadlineNote: 'remarks4',
  ledgerTab: { label: '整治提升（附件4）', order: 3, createsRecords: false },
  office: { merge: 'form', view: '附件4 整治提升情况' },
  rowFilter: (f) => upgrading(f) || relocating(f) || fieldText(f, 'reopenDate') !== '',
  notes: [
    '1. 本表列出整治类别为升级改造、整合搬迁的问题（升级改造转关停取缔的仍列入，整治进展填“转关停取缔”），以及回头看发现反弹、重新整治的问题。',
    '2. 未经联合验收合格的不得复产；复产日期不得早于验收日期。',
    '3. 整合搬迁类须填写搬迁去向和原址处置情况（已两断三清、丧失恢复生产能力或未处置）。',
    '4. 本表于2024年9月30日前加盖公章报市“散乱污”领导小组办公室（市工信局）。'
  ],
  stats: {
    sheetName: '统计',
    columns: [
      { header: '应完成', group: '升级改造', compute: (rows) => count(rows, upgrading) },
      { header: '已验收', group: '升级改造', compute: (rows) => count(rows, (f) => upgrading(f) && accepted(f)) },
      { header: '已复产', group: '升级改造', compute: (rows) => count(rows, (f) => upgrading(f) && fieldText(f, 'restarted') === '是') },
      { header: '应完成', group: '整合搬迁', compute: (rows) => count(rows, relocating) },
      { header: '已搬迁', group: '整合搬迁', compute: (rows) => count(rows, (f) => relocating(f) && moved(f)) },
      { header: '原址已处置', group: '整合搬迁', compute: (rows) => count(rows, (f) => relocating(f) && ['已两断三清', '丧失恢复生产能力'].includes(fieldText(f, 'oldSite'))) },
      { header: '已销号数', compute: (rows) => count(rows, closed) },
      { header: '回头看反弹数', compute: (rows) => count(rows, (f) => fieldText(f, 'recheck') === '反弹' || fieldText(f, 'reopenDate') !== '') },
      { header: '完成率（%）', compute: (rows) => rate(count(rows, done), rows.length) }
    ]
  }
})
