/**
 * 销号 with approval and proof (issue 21; annexes.md §2.3 "整治一个、销号一个", each item with its 一案一档 evidence):
 * before a record is 销号 the campaign's evidence for its 整治类别 must be attached — by default a photo of each
 * 两断三清 item done for 关停取缔, the 验收材料 for 升级改造, the 原址处置 proof for 整合搬迁 — and the 销号 names its
 * 审核人 and 职务. A record 销号 with its proof attached says so in 佐证材料编号, which the forms print.
 */
import type { Campaign } from '../campaign/campaign'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import type { Need } from '../lifecycle/requirements'
import { reached } from '../lifecycle/requirements'
import type { TlcItem } from '../lifecycle/tlc'
import { TLC_ITEMS, tlcState } from '../lifecycle/tlc'
import type { Attachment } from './attachments'

/** A proof a category needs: an evidence slot, or 两断三清 (a photo under the slot of each item done). */
const TLC_PROOF = '两断三清'

export const DEFAULT_CLOSE_EVIDENCE: Readonly<Record<string, readonly string[]>> = {
  关停取缔: [TLC_PROOF],
  升级改造: ['验收材料'],
  整合搬迁: ['原址处置']
}

/** 销号: by the record's status, or on a row read from a form by the 整治进展 附件3 prints or the 销号日期 of 附件4. */
export const isClosed = (f: RecordFields): boolean => reached(f, '已销号') || fieldText(f, 'progress') === '已销号' || fieldText(f, 'closeDate') !== ''

/** An item done: by its date on a record, or by the √ a form's row prints for it (附件3 prints no item dates). */
const itemDone = (fields: RecordFields, item: TlcItem): boolean => tlcState(fields, item) === 'done' || fieldText(fields, `tlc${item.id}Mark`) === '√'

/** The slots a record needs filled before 销号, from the campaign's rules for its 整治类别. */
export function requiredSlots(fields: RecordFields, campaign: Pick<Campaign, 'closeEvidence'>): string[] {
  const rules = campaign.closeEvidence ?? DEFAULT_CLOSE_EVIDENCE
  return (rules[fieldText(fields, 'category')] ?? []).flatMap((proof) =>
    proof === TLC_PROOF ? TLC_ITEMS.filter((i) => itemDone(fields, i)).map((i) => `两断三清-${i.label}`) : [proof]
  )
}

/** What the 销号 step still needs beyond the lifecycle's fields: the proof attached, 审核人 and 职务. */
export function closeNeeds(fields: RecordFields, inUse: readonly Pick<Attachment, 'slot'>[], campaign: Pick<Campaign, 'closeEvidence'>): Need[] {
  const have = new Set(inUse.map((a) => a.slot))
  const lacking = requiredSlots(fields, campaign).filter((slot) => !have.has(slot as Attachment['slot']))
  return [
    ...(lacking.length ? [{ message: `佐证材料未上传：${lacking.join('、')}（在下方“佐证材料”中按用途添加照片或文件）` }] : []),
    ...(fieldText(fields, 'closeApprover') ? [] : [{ key: 'closeApprover', message: '填写销号审核人' }]),
    ...(fieldText(fields, 'closeApproverTitle') ? [] : [{ key: 'closeApproverTitle', message: '填写审核人职务' }])
  ]
}

/** 佐证材料编号 of a record 销号 with its proof attached: what is attached, by slot (一案一档). */
export function evidenceSummary(inUse: readonly Pick<Attachment, 'slot'>[]): string {
  const bySlot = new Map<string, number>()
  for (const a of inUse) bySlot.set(a.slot, (bySlot.get(a.slot) ?? 0) + 1)
  return `随附佐证材料${inUse.length}份：${[...bySlot].map(([slot, n]) => `${slot}${n}份`).join('、')}`
}
