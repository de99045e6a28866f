/**
 * 督办通知 (annexes.md §1.10): numbered per year (临市散办督〔2024〕N号, "一件一号、一号一督、一督一报"), 主送 the
 * responsible unit — the 属地 town or the 牵头单位 — with any problems the office picks, or none (a notice on the work
 * itself: requirements only), 抄送 others, and kept in a register until the unit's 反馈 arrives.
 */
import { z } from 'zod'
import type { Campaign } from '../campaign/campaign'
import { unitByName } from '../campaign/campaign'
import { isHuikan } from '../annexes/huikan'
import { isDone } from '../annexes/shared'
import { cnDate } from '../domain/dates'
import type { RecordFields } from '../ledger/record'
import { recordText } from '../annexes/registry'
import { ProblemNoSchema } from '../ledger/record'
import { reached } from '../lifecycle/requirements'
import type { ConsolidatedRow, Consolidation, DuplicateGroup } from '../merge/types'

export const NoticeItemSchema = z.object({
  problemNo: ProblemNoSchema,
  name: z.string().max(200),
  address: z.string().max(300),
  issue: z.string().max(500)
})

const NoticeFields = z.object({
  /** 主送: the unit that must act and reply. */
  unit: z.string().max(40),
  /** 抄送 (版记). */
  copyTo: z.array(z.string().max(40)).max(40).default([]),
  /** 事由 of the title: 关于<subject>的督办通知. */
  subject: z.string().max(60).default(''),
  source: z.string().max(40),
  items: z.array(NoticeItemSchema).max(500),
  requirements: z.array(z.string().max(500)).max(10),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写办理时限')
})

/** A notice on the work itself has no items, then it must say what to do. */
const saysSomething = (n: { items: unknown[]; requirements: unknown[] }): boolean => n.items.length > 0 || n.requirements.length > 0
const SAYS_SOMETHING = { message: '请至少选择一项督办事项，或填写工作要求', path: ['requirements'] }

export const NoticeRequestSchema = NoticeFields.refine(saysSomething, SAYS_SOMETHING)
export type NoticeRequest = z.input<typeof NoticeRequestSchema>

export const StoredNoticeSchema = NoticeFields.extend({
  seq: z.number().int().min(1),
  year: z.number().int(),
  number: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  feedback: z.object({ date: z.string(), result: z.string().max(2000), by: z.string() }).nullable()
}).refine(saysSomething, SAYS_SOMETHING)
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

/** The enterprises a unit's latest 附件3/附件4 (their consolidations) report done. */
export function reportedDoneKeys(consolidations: readonly (Consolidation | undefined)[]): Set<string> {
  return new Set(consolidations.flatMap((c) => c?.rows.filter((r) => r.key !== null && reportedDone(r.fields)).map((r) => r.key as string) ?? []))
}

/** A problem of the consolidated 明细 as the office may pick it for a notice, with what its filters look at. */
export interface ProblemChoice extends z.infer<typeof NoticeItemSchema> {
  /** 属地 (the reporting unit). */
  unit: string
  /** 行业主管部门 (the campaign's name when it is one of its units). */
  leadDept: string
  category: string
  /** 所属领域 */
  sector: string
  source: string
  deadline: string
  /** 已完成: reported done in the unit's latest 附件3/附件4; 待核实: an undecided cross-unit duplicate. */
  state: '逾期' | '未完成' | '已完成' | '待核实'
}

/**
 * Every problem of the consolidated 附件2 (`rows`) for the office to pick from: done when the unit's latest
 * 附件3/附件4 report it done (`doneKeys`: enterprise keys), overdue past 完成时限 (as of `today`); and each unit's side
 * of a conflict nobody has decided yet.
 */
export function problemChoices(
  campaign: Campaign,
  rows: readonly ConsolidatedRow[],
  groups: readonly DuplicateGroup[],
  today: string,
  doneKeys: ReadonlySet<string>
): ProblemChoice[] {
  const problems = rows.map((r): ProblemChoice => {
    const text = (key: Parameters<typeof recordText>[1]): string => recordText(r.fields, key)
    const deadline = text('deadline')
    const state = r.key !== null && doneKeys.has(r.key) ? '已完成' : deadline !== '' && deadline < today ? '逾期' : '未完成'
    return {
      problemNo: r.provenance.problemNo ?? '',
      name: text('name'),
      address: text('address'),
      issue: state === '逾期' ? `完成时限${cnDate(deadline)}已过，未见整治完成情况` : text('problems') || `${text('category') || '整治'}类问题，请加快整治`,
      unit: r.unit,
      // The campaign's name of the department however the unit spelled it, so the office can filter by it.
      leadDept: unitByName(campaign, text('leadDept'))?.name ?? text('leadDept'),
      category: text('category'),
      sector: text('sector'),
      source: text('source'),
      deadline,
      state
    }
  })
  const conflicts = groups
    .filter((g) => g.decision === null)
    .flatMap((g) =>
      g.rows.map((mine): ProblemChoice => ({
        problemNo: '',
        name: mine.name,
        address: mine.address,
        issue: `与${g.units.filter((u) => u !== mine.unit).join('、')}重复报送，请核实属地归属`,
        unit: mine.unit,
        leadDept: '',
        category: '',
        sector: '',
        source: '重复报送',
        deadline: '',
        state: '待核实'
      }))
    )
  return [...problems, ...conflicts]
}

/** The office's problems: those of the consolidated 附件2, done as the latest 附件3/附件4 report them. */
export function officeProblems(campaign: Campaign, streams: ReadonlyMap<string, Consolidation>, today: string): ProblemChoice[] {
  const annex2 = streams.get('annex2')
  if (!annex2) return []
  return problemChoices(campaign, annex2.rows, annex2.duplicateGroups, today, reportedDoneKeys([streams.get('annex3'), streams.get('annex4')]))
}

/**
 * What a notice to `unit` lists unless the office picks otherwise: for a town, its overdue problems and its open
 * conflicts; for a department (牵头单位), the overdue problems it leads in every town.
 */
export function defaultPicks(choices: readonly ProblemChoice[], unit: string): ProblemChoice[] {
  return choices.filter((c) => (c.unit === unit && (c.state === '逾期' || c.state === '待核实')) || (c.state === '逾期' && c.leadDept === unit))
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
