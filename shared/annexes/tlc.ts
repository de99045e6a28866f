import { CLEAR_METHODS, EQUIPMENT_METHODS, POWER_METHODS, WATER_METHODS, YES_NO } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import type { TlcItem } from '../lifecycle/tlc'
import { TLC_ITEMS, tlcApplies, tlcDoneDate, tlcKey } from '../lifecycle/tlc'
import { problemNoColumn } from './illegal'
import { annex2Column, count } from './shared'
import type { AnnexColumn } from './types'
import { defineAnnex } from './types'

const METHODS: Readonly<Record<TlcItem['id'], readonly string[]>> = {
  Water: WATER_METHODS,
  Power: POWER_METHODS,
  Materials: CLEAR_METHODS,
  Products: CLEAR_METHODS,
  Equipment: EQUIPMENT_METHODS
}

type ItemKey = `tlc${TlcItem['id']}${'Date' | 'Method' | 'Na' | 'Qty'}` | 'tlcPowerNoticeNo'

/** Per item: 完成日期, 方式 and, when the item does not apply, the reason (不涉及); 清除 items also a quantity. */
function itemColumns(item: TlcItem): AnnexColumn<ItemKey>[] {
  const group = item.label
  return [
    { key: tlcKey(item, 'Date'), header: '完成日期', group, kind: 'date', phase: 'cleanup', width: 10 },
    { key: tlcKey(item, 'Method'), header: item.id === 'Water' || item.id === 'Power' ? '方式' : '处置方式', group, kind: 'enum', options: METHODS[item.id], width: 8 },
    ...(item.id === 'Power' ? [{ key: 'tlcPowerNoticeNo', header: '停电通知单号', group, kind: 'text', width: 10 } as const] : []),
    ...(['Materials', 'Products', 'Equipment'].includes(item.id)
      ? [{ key: `tlc${item.id}Qty`, header: item.id === 'Equipment' ? '台（套）' : '数量', group, kind: 'text', width: 6 } as const]
      : []),
    { key: tlcKey(item, 'Na'), header: '不涉及原因', group, kind: 'text', width: 8 }
  ]
}

/** 两断三清核查表 (annexes.md §1.7): one row per 关停取缔 record or 整合搬迁 old site. */
export const tlc = defineAnnex({
  id: 'tlc',
  version: 1,
  label: '',
  title: '临夏市“散乱污”问题“两断三清”核查表',
  sheetName: '两断三清核查表',
  columns: [
    annex2Column('seq'),
    problemNoColumn,
    annex2Column('town'),
    annex2Column('name'),
    annex2Column('address', { header: '地址' }),
    ...TLC_ITEMS.flatMap(itemColumns),
    { key: 'tlcPhotos', header: '现场照片编号', kind: 'text', width: 10 },
    { key: 'tlcInspector', header: '核查人（签字）', kind: 'text', width: 8 },
    { key: 'tlcInspectDate', header: '核查日期', kind: 'date', width: 10 },
    { key: 'tlcPassed', header: '是否通过核销', kind: 'enum', options: YES_NO, width: 6 }
  ],
  rowFilter: tlcApplies,
  ledgerTab: { label: '两断三清', order: 4, createsRecords: false },
  notes: [
    '1. 关停取缔类和整合搬迁类的原址逐项实施断水、断电、清除原料、清除产品、清除设备，填写完成日期和方式。',
    '2. 某项确不涉及（如无自来水接入）的，在“不涉及原因”中写明，不填日期。',
    '3. 五项全部完成后由核查人现场核销签字。'
  ],
  stats: {
    sheetName: '统计',
    columns: [
      { header: '应实施', compute: (rows) => rows.length },
      ...TLC_ITEMS.map((item) => ({ header: item.label, group: '已完成', compute: (rows: readonly RecordFields[]) => count(rows, (f) => (f[tlcKey(item, 'Date')] ?? '') !== '' || (f[tlcKey(item, 'Na')] ?? '') !== '') })),
      { header: '全部完成', compute: (rows) => count(rows, (f) => tlcDoneDate(f) !== '') },
      { header: '已核销', compute: (rows) => count(rows, (f) => f['tlcPassed'] === '是') }
    ]
  }
})
