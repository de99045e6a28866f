/**
 * 督办通知 (annexes.md §1.10): numbered per year (临市散办督〔2024〕N号, "一件一号、一号一督、一督一报"), issued to one
 * responsible unit with the items it must deal with, and kept in a register until the unit's 反馈 arrives.
 */
import { z } from 'zod'
import type { Campaign } from '../campaign/campaign'
import { isHuikan } from '../annexes/huikan'
import { isDone } from '../annexes/shared'
import { cnDate } from '../domain/dates'
import type { RecordFields } from '../ledger/record'
import { recordText } from '../annexes/registry'
import { ProblemNoSchema } from '../ledger/record'
import { reached } from '../lifecycle/requirements'
import type { ConsolidatedRow, DuplicateGroup } from '../merge/types'

export const NoticeItemSchema = z.object({
  problemNo: ProblemNoSchema,
  name: z.string().max(200),
  address: z.string().max(300),
  issue: z.string().max(500)
})

export const NoticeRequestSchema = z.object({
  unit: z.string().max(40),
  source: z.string().max(40),
  items: z.array(NoticeItemSchema).min(1, '请至少选择一项督办事项').max(500),
  requirements: z.array(z.string().max(500)).max(10),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写办理时限')
})
export type NoticeRequest = z.infer<typeof NoticeRequestSchema>

export const StoredNoticeSchema = NoticeRequestSchema.extend({
  seq: z.number().int().min(1),
  year: z.number().int(),
  number: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  feedback: z.object({ date: z.string(), result: z.string().max(2000), by: z.string() }).nullable()
})
export type StoredNotice = z.infer<typeof StoredNoticeSchema>

export function noticeNumber(campaign: Campaign, year: number, seq: number): string {
  return `${campaign.office.noticePrefix}〔${year}〕${seq}号`
}

/** The next number of the year: numbers are never reused. */
export function nextSeq(notices: readonly StoredNotice[], year: number): number {
  return notices.filter((n) => n.year === year).reduce((max, n) => Math.max(max, n.seq), 0) + 1
}

/** No 反馈 by the 办理时限. */
export function noticeOverdue(n: StoredNotice, today: string): boolean {
  return n.feedback === null && n.deadline < today
}

export const DEFAULT_REQUIREMENTS = [
  '对所列问题逐一核实，按照“一企一策”要求制定整改措施，明确责任人和完成时限。',
  '关停取缔类问题立即实施“两断三清”，整治完成后及时组织验收销号。',
  '于办理时限前将办理情况书面反馈市“散乱污”领导小组办公室（须经单位主要负责人签字并加盖公章）。'
]

/**
 * Reported done on a unit's 附件3 or 附件4: completed by its state or 整治进展, accepted (合格) or 销号. A row read from
 * a file has no state; what it prints stands for it.
 */
export function reportedDone(fields: RecordFields): boolean {
  return isDone(fields) || recordText(fields, 'acceptResult') === '合格' || recordText(fields, 'closeDate') !== ''
}

/**
 * What the office may put on a unit's notice: its rows past 完成时限 (as of `today`) that its latest 附件3/附件4 do
 * not report done (`doneKeys`: their enterprise keys), and the conflicts it is part of that nobody has decided yet.
 */
export function noticeCandidates(
  unit: string,
  rows: readonly ConsolidatedRow[],
  groups: readonly DuplicateGroup[],
  today: string,
  doneKeys: ReadonlySet<string> = new Set()
): z.infer<typeof NoticeItemSchema>[] {
  const overdue = rows
    .filter((r) => r.unit === unit && recordText(r.fields, 'deadline') !== '' && recordText(r.fields, 'deadline') < today)
    .filter((r) => r.key === null || !doneKeys.has(r.key))
    .map((r) => ({
      problemNo: r.provenance.problemNo ?? '',
      name: recordText(r.fields, 'name'),
      address: recordText(r.fields, 'address'),
      issue: `完成时限${cnDate(recordText(r.fields, 'deadline'))}已过，未见整治完成情况`
    }))
  const conflicts = groups
    .filter((g) => g.decision === null && g.units.includes(unit))
    .map((g) => {
      const mine = g.rows.find((m) => m.unit === unit)
      const others = g.units.filter((u) => u !== unit).join('、')
      return { problemNo: '', name: mine?.name ?? '', address: mine?.address ?? '', issue: `与${others}重复报送，请核实属地归属` }
    })
  return [...overdue, ...conflicts]
}

/** A unit's own records past 完成时限 and not completed, as notice items (when the office holds the unit's ledger). */
export function overdueRecordItems(records: readonly { problemNo: string; fields: RecordFields }[], today: string): z.infer<typeof NoticeItemSchema>[] {
  return records
    .filter((r) => !isHuikan(r.fields) && recordText(r.fields, 'deadline') !== '' && recordText(r.fields, 'deadline') < today && !reached(r.fields, '已完成'))
    .map((r) => ({
      problemNo: r.problemNo,
      name: recordText(r.fields, 'name'),
      address: recordText(r.fields, 'address'),
      issue: `${recordText(r.fields, 'category') || '整治'}类问题，完成时限${cnDate(recordText(r.fields, 'deadline'))}已过，尚未完成整治`
    }))
}
