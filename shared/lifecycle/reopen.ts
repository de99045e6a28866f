/**
 * A 2023 item of the 回头看台账 found back in production (死灰复燃) becomes a new 2024 record: 关停取缔 under way,
 * found by 回头看, pointing back to the 2023 item, which in turn names the new record's 问题编号 (plan 四(一)).
 * It carries what the office's forms require and the item knows — 发现日期 (the 核查日期), 完成时限 — so the
 * record reaches the office's 附件2/3/4 like any other (issue 20, finding 3).
 */
import type { Campaign } from '../campaign/campaign'
import type { RecordFields } from '../ledger/record'
import { fieldText as text } from '../ledger/record'

/**
 * 完成时限 of a reopened record: the item's 整改时限 when the 回头看 set one, else the end of the campaign phase under
 * way (立即重新两断三清 within the phase), else — past the campaign — the day it is reopened.
 */
export function reopenDeadline(item: RecordFields, campaign: Pick<Campaign, 'phases'>, today: string): string {
  const set = text(item, 'hkDeadline')
  if (set >= today) return set
  return campaign.phases.map((p) => p.end).find((end) => end >= today) ?? today
}

export function canReopen(item: RecordFields): boolean {
  return item['track'] === 'huikan' && text(item, 'hkResurgent') === '是' && text(item, 'hkLinked') === ''
}

/** The fields of the new record, and of the 2023 item once linked to it. */
export function reopenFields(
  item: RecordFields,
  itemId: string,
  problemNo: string,
  { today, deadline }: { today: string; deadline: string }
): { record: RecordFields; item: RecordFields } {
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
      // Found when the 回头看 checked the site; the check cannot be later than the reopening.
      foundDate: [text(item, 'hkCheckDate'), today].filter((d) => d !== '' && d <= today)[0] as string,
      deadline,
      status: '整治中',
      // The 回头看's finding, as 附件4 prints it (复查情况): its 回头看反弹数 counts the row at the office as at the unit.
      recheck: '反弹',
      reopenedFrom: itemId,
      reopenDate: today,
      remarks: `原2023年${text(item, 'hkCategory2023')}${closed ? `，${closed}销号` : ''}`
    },
    item: { ...item, hkLinked: problemNo, hkMeasure: text(item, 'hkMeasure') || '转关停取缔' }
  }
}
