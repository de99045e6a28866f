/**
 * 两断三清 (断水、断电、清除原料、清除产品、清除设备) of a 关停取缔 record or of an 整合搬迁 record's old site
 * (annexes.md §1.7). Each item is done on a date by a method, or 不涉及 with a reason (e.g. no water connection).
 */
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'

export interface TlcItem {
  /** Field key stem: tlc<Id>Date, tlc<Id>Method, tlc<Id>Na (the 不涉及 reason). */
  id: 'Water' | 'Power' | 'Materials' | 'Products' | 'Equipment'
  label: string
}

export const TLC_ITEMS: readonly TlcItem[] = [
  { id: 'Water', label: '断水' },
  { id: 'Power', label: '断电' },
  { id: 'Materials', label: '清除原料' },
  { id: 'Products', label: '清除产品' },
  { id: 'Equipment', label: '清除设备' }
]

export const tlcKey = <P extends 'Date' | 'Method' | 'Na'>(item: TlcItem, part: P): `tlc${TlcItem['id']}${P}` => `tlc${item.id}${part}`

export type TlcState = 'done' | 'na' | 'open'

export function tlcState(fields: RecordFields, item: TlcItem): TlcState {
  if (fieldText(fields, tlcKey(item, 'Date'))) return 'done'
  if (fieldText(fields, tlcKey(item, 'Na'))) return 'na'
  return 'open'
}

/** Whether 两断三清 applies: 关停取缔, and the old site of 整合搬迁. */
export function tlcApplies(fields: RecordFields): boolean {
  return fields['category'] === '关停取缔' || fields['category'] === '整合搬迁'
}

/** √ / × / 不涉及 as 附件3 prints an item. */
export function tlcMark(fields: RecordFields, item: TlcItem): string {
  if (!tlcApplies(fields)) return '不涉及'
  const state = tlcState(fields, item)
  return state === 'done' ? '√' : state === 'na' ? '不涉及' : '×'
}

/** The items still open, by label. */
export function tlcOpenItems(fields: RecordFields, items: readonly TlcItem[] = TLC_ITEMS): string[] {
  return items.filter((i) => tlcState(fields, i) === 'open').map((i) => i.label)
}

/** The date all five items were done: the latest item date, once none is open. */
export function tlcDoneDate(fields: RecordFields): string {
  if (!tlcApplies(fields) || tlcOpenItems(fields).length > 0) return ''
  // An item 不涉及 has a blank date, which sorts first.
  return TLC_ITEMS.map((i) => fieldText(fields, tlcKey(i, 'Date'))).sort().at(-1) as string
}
