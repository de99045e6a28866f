import { fieldLabel } from '@shared/annexes/registry'
import { chinaDateTime } from '@shared/domain/chinaTime'
import type { HistoryEntry } from '@shared/ledger/record'
import { valueToText } from '@shared/validation/cellInput'

/** One line of a record's 修改记录, at China time: 2024-05-09 07:30 张三：联系电话 （空） → 13800000000 */
export function historyLine(h: HistoryEntry): string {
  const what = h.op === 'create' ? '登记' : h.op === 'delete' ? '删除' : `${fieldLabel(h.field ?? '')} ${valueToText(h.from) || '（空）'} → ${valueToText(h.to) || '（空）'}`
  return `${chinaDateTime(h.at)} ${h.by}：${what}`
}
