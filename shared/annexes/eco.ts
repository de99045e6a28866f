import { ECO_CATEGORIES } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import { statusOf } from '../lifecycle/requirements'
import { problemNoColumn } from './illegal'
import { annex2Column, count, isCategory } from './shared'
import { defineAnnex } from './types'

/** 整改进展 of the list: 未启动 / 整改中 / 已完成 / 已销号. */
function rectifyProgress(f: RecordFields): string {
  const s = statusOf(f)
  if (s === '已登记' || s === '已停产') return '未启动'
  if (s === '整治中') return '整改中'
  return s === '已销号' ? '已销号' : '已完成'
}

/** 生态环境问题整改清单 (“两张清单”之二, annexes.md §1.6): problems fixed on site or by relocation. */
export const eco = defineAnnex({
  id: 'eco',
  version: 1,
  label: '',
  title: '临夏市“散乱污”生态环境问题整改清单',
  sheetName: '生态环境问题整改清单',
  columns: [
    annex2Column('seq'),
    problemNoColumn,
    annex2Column('town'),
    annex2Column('name', { header: '问题点位（主体）' }),
    annex2Column('problems', { header: '问题描述', required: false }),
    { key: 'ecoCategory', header: '问题类别', kind: 'multiEnum', options: ECO_CATEGORIES, width: 8 },
    { key: 'ecoTarget', header: '整改目标', kind: 'text', width: 14, multiline: true },
    annex2Column('measures', { header: '整改措施' }),
    annex2Column('responsibleUnit'),
    annex2Column('responsiblePerson'),
    annex2Column('deadline', { header: '整改时限', required: false }),
    { key: 'rectifyProgress', header: '整改进展', kind: 'text', width: 7, derive: rectifyProgress },
    { key: 'completeDate', header: '完成日期', kind: 'date', width: 10 },
    { key: 'ecoAcceptor', header: '验收人', kind: 'text', width: 8 },
    { key: 'acceptDate', header: '验收日期', kind: 'date', width: 10 },
    { key: 'evidence', header: '佐证材料', kind: 'text', width: 10 },
    { key: 'ecoRemarks', header: '备注', kind: 'text', width: 8 }
  ],
  rowFilter: (f) => isCategory('升级改造')(f) || isCategory('整合搬迁')(f),
  ledgerTab: { label: '生态环境问题整改清单', order: 6, createsRecords: false },
  notes: [
    '1. 本清单列出整治类别为升级改造、整合搬迁的问题，督促企业对照环保标准实施整改、完善手续。',
    '2. 问题类别可多选：大气、水、土壤、固废、噪声、扬尘、其他。'
  ],
  stats: {
    sheetName: '统计',
    columns: [
      { header: '问题数', compute: (rows) => rows.length },
      { header: '整改中', compute: (rows) => count(rows, (f) => rectifyProgress(f) === '整改中') },
      { header: '已完成', compute: (rows) => count(rows, (f) => ['已完成', '已销号'].includes(rectifyProgress(f))) },
      { header: '已销号', compute: (rows) => count(rows, (f) => rectifyProgress(f) === '已销号') },
      { header: '已验收', compute: (rows) => count(rows, (f) => fieldText(f, 'acceptDate') !== '') }
    ]
  }
})
