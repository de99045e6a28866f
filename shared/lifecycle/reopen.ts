/**
 * A 2023 item of the 回头看台账 found back in production (死灰复燃) becomes a new 2024 record: 关停取缔 under way,
 * found by 回头看, pointing back to the 2023 item, which in turn names the new record's 问题编号 (plan 四(一)).
 */
import type { RecordFields } from '../ledger/record'
import { lifecycleText as text } from './fields'

export function canReopen(item: RecordFields): boolean {
  return item['track'] === 'huikan' && text(item, 'hkResurgent') === '是' && text(item, 'hkLinked') === ''
}

/** The fields of the new record, and of the 2023 item once linked to it. */
export function reopenFields(item: RecordFields, itemId: string, problemNo: string, today: string): { record: RecordFields; item: RecordFields } {
  const copied = Object.fromEntries(['town', 'village', 'name', 'uscc', 'operator', 'phone', 'address'].map((k) => [k, item[k] ?? '']))
  const finding = text(item, 'hkFinding')
  const closed = text(item, 'hkClosedDate')
  // An enterprise without a code was unlicensed in 2023 and, back in production, still is.
  const unlicensed = text(item, 'uscc') === '' || text(item, 'uscc') === '无'
  return {
    record: {
      ...copied,
      ...(unlicensed ? { uscc: '无', sector: '无证照', licBusiness: '无' } : {}),
      problemTypes: ['乱', '污'],
      problems: `2023年已整治销号，回头看发现死灰复燃${finding ? `（${finding}）` : ''}`,
      category: '关停取缔',
      measures: '立即重新实施“两断三清”，依法予以关停取缔',
      source: '回头看发现',
      status: '整治中',
      reopenedFrom: itemId,
      reopenDate: today,
      remarks: `原2023年${text(item, 'hkCategory2023')}${closed ? `，${closed}销号` : ''}`
    },
    item: { ...item, hkLinked: problemNo, hkMeasure: text(item, 'hkMeasure') || '转关停取缔' }
  }
}
