/**
 * 举报受理登记 (plan 五(四) “畅通举报渠道，鼓励公众监督”; issue 21). The office or a unit registers a public report,
 * 分办 it to a unit, which returns its 办理结果 and 反馈 — each field group edited by its one owner. A report is matched
 * against the ledgers and the closed sites and can become a problem record (match.ts); reports travel between the
 * office and the units in an exchange file (exchange.ts). The reporter is never printed and by default never
 * exchanged: 《环境保护法》第五十七条 requires whoever takes a report to keep the reporter's information confidential.
 */
import { z } from 'zod'
import { isoFromParts } from '../domain/normalize'
import { rate } from '../annexes/shared'
import { ProblemNoSchema, RecordIdSchema } from '../ledger/record'

/** 上级交办: a report handed down in a 督察信访件 / 交办 list (the plan's word), its own 受理编号 kept as sourceNo. */
export const COMPLAINT_CHANNELS = ['12345', '12369', '电话', '来信', '来访', '网络', '现场', '上级交办'] as const
export const VERIFIED_VALUES = ['是', '否', '部分属实'] as const
export const COMPLAINT_EVENTS = ['登记', '交办', '办结', '反馈', '转为问题记录'] as const
export type ComplaintState = '待办理' | '已办结' | '逾期'
/** The registrar of the reports the office registers: not a campaign unit's name (市工信局 is one, as a department). */
export const OFFICE_REGISTRAR = '领导小组办公室'

function realDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m !== null && isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) === iso
}
/** A real calendar date: '请填写X' when missing or blank, 'X不是有效日期' when it is not one. */
const date = (what: string) =>
  z.string({ error: `请填写${what}` }).min(1, `请填写${what}`).refine((d) => d === '' || realDate(d), `${what}不是有效日期`)
const optionalDate = (what: string) => z.union([z.literal(''), date(what)]).default('')
const text = (max: number) => z.string().trim().max(max, `不超过${max}字`)
const required = (max: number, message: string) => z.string({ error: message }).trim().min(1, message).max(max, `不超过${max}字`)
/** An ISO instant, as stored. */
export const stamp = z.string().max(40)

/** What the registrar types, and owns afterwards (mergeExchange). */
const registration = {
  receivedDate: date('受理日期'),
  channel: z.enum(COMPLAINT_CHANNELS, { error: '请选择受理渠道' }),
  /** Optional (anonymous reports are taken). Absent, not '', where an exchange file withheld them. */
  reporter: text(40).optional(),
  reporterPhone: text(40).optional(),
  target: required(200, '请填写被举报对象'),
  targetAddress: text(300).default(''),
  /** The reported party's 经营者 and phone, when the reporter knows them: they help the matching. */
  targetOperator: text(40).default(''),
  targetPhone: text(40).default(''),
  content: required(2000, '请填写举报内容'),
  /** 分办单位: a campaign unit's name. */
  assignedUnit: required(40, '请选择分办单位'),
  /** 办理时限; without one a report is never overdue. */
  dueDate: optionalDate('办理时限'),
  /** The 受理编号 of a 交办 list the report came in (D6200…): printed after ours, and what a re-import is matched on. */
  sourceNo: text(60).optional()
}
/** The fields the registrar owns (mergeExchange takes them from the registrar's newer copy). */
export const REGISTRATION_KEYS = Object.keys(registration) as (keyof typeof registration)[]
/** The reporter's identity, kept out of exchange files unless asked. */
export const WITHHELD = ['reporter', 'reporterPhone'] as const

export const ComplaintInputSchema = z
  .object(registration)
  // Only between two real dates: an invalid one has its own message.
  .refine((c) => !realDate(c.dueDate) || !realDate(c.receivedDate) || c.dueDate >= c.receivedDate, { message: '办理时限不能早于受理日期', path: ['dueDate'] })
export type ComplaintInput = z.infer<typeof ComplaintInputSchema>

const resultFields = {
  result: required(2000, '请填写办理结果'),
  doneDate: date('办结日期'),
  feedbackDate: optionalDate('反馈举报人日期'),
  verified: z.enum(VERIFIED_VALUES, { error: '请选择是否属实' })
}
export const ComplaintResultSchema = z
  .object(resultFields)
  .refine((r) => !realDate(r.feedbackDate) || !realDate(r.doneDate) || r.feedbackDate >= r.doneDate, { message: '反馈举报人日期不能早于办结日期', path: ['feedbackDate'] })
export type ComplaintResult = z.infer<typeof ComplaintResultSchema>

const RecordLinkSchema = z.object({ unit: z.string().max(40), recordId: RecordIdSchema, problemNo: ProblemNoSchema })
export type ComplaintRecordLink = z.infer<typeof RecordLinkSchema>

const EventSchema = z.object({ event: z.enum(COMPLAINT_EVENTS), at: stamp, by: z.string().max(40), note: z.string().max(200).default('') })
export const HISTORY_MAX = 200

export const ComplaintSchema = z.object({
  /** 举报〔2024〕3号 (the office), 八坊街道举报〔2024〕1号 (a unit): unique across the city, the key of an exchange. */
  no: z.string().min(1).max(60),
  registrar: z.string().min(1).max(40),
  registeredAt: stamp,
  registeredBy: z.string().max(40),
  ...registration,
  /** The assigned unit's 办理结果; null while 待办理. */
  handling: z.object(resultFields).nullable().default(null),
  /** The problem record it became (转为问题记录), owned with the result by the assigned unit. */
  record: RecordLinkSchema.nullable().default(null),
  /** Last change of each side's fields: the registrar's registration, the assigned unit's handling and record. */
  updatedAt: z.object({ registration: stamp, handling: stamp.nullable() }),
  history: z.array(EventSchema).max(HISTORY_MAX)
})
export type Complaint = z.infer<typeof ComplaintSchema>

/** 'office' or a unit's name: whose copy of the register an operation or an exchange file is. */
export type ComplaintSide = string
export const sideName = (side: ComplaintSide): string => (side === 'office' ? OFFICE_REGISTRAR : side)

/** Who changes a report, and when (an ISO instant: instants compare as text). */
export interface Change {
  side: ComplaintSide
  at: string
  by: string
}

/**
 * Each field group has one owner, the only side that edits it: the registrar its registration (who took the report
 * from the public can correct what was said), the assigned unit its result and record link. mergeExchange relies on
 * it: a newer copy of a group can only be its owner's.
 */
export const mayEditRegistration = (c: Pick<Complaint, 'registrar'>, side: ComplaintSide): boolean => c.registrar === sideName(side)
export const mayRecordResult = (c: Pick<Complaint, 'assignedUnit'>, side: ComplaintSide): boolean => c.assignedUnit === sideName(side)

/** A guard against a bug: the app offers each edit only to its owner. */
function mustOwn(owns: boolean, message: string): void {
  if (!owns) throw new Error(message)
}

const NO = /^(.*)举报〔(\d{4})〕(\d+)号$/
const prefixOf = (registrar: string): string => (registrar === OFFICE_REGISTRAR ? '' : registrar)

/** The registrar's next number of the year: one past its highest, so a number is never given twice. */
export function nextComplaintNo(existing: readonly Pick<Complaint, 'no' | 'registrar'>[], side: ComplaintSide, year: number): string {
  const registrar = sideName(side)
  const prefix = prefixOf(registrar)
  let max = 0
  for (const c of existing) {
    const m = NO.exec(c.no)
    if (c.registrar === registrar && m?.[1] === prefix && Number(m[2]) === year) max = Math.max(max, Number(m[3]))
  }
  return `${prefix}举报〔${year}〕${max + 1}号`
}

/** Register order: 受理日期, then registrar, then number (举报〔2024〕2号 before 10号). */
export function compareComplaints(a: Complaint, b: Complaint): number {
  const seq = (c: Complaint): number => Number(NO.exec(c.no)?.[3] ?? 0)
  if (a.receivedDate !== b.receivedDate) return a.receivedDate < b.receivedDate ? -1 : 1
  if (a.registrar !== b.registrar) return a.registrar < b.registrar ? -1 : 1
  return seq(a) - seq(b) || (a.no < b.no ? -1 : a.no > b.no ? 1 : 0)
}

const event = (e: (typeof COMPLAINT_EVENTS)[number], { at, by }: Change, note = ''): Complaint['history'][number] => ({ event: e, at, by, note })

/** A new report of the change's side; one the office registers for a unit is 交办 at once. */
export function registerComplaint(input: ComplaintInput, no: string, change: Change): Complaint {
  const registrar = sideName(change.side)
  const assigned = input.assignedUnit !== registrar
  return {
    ...input,
    reporter: input.reporter ?? '',
    reporterPhone: input.reporterPhone ?? '',
    no,
    registrar,
    registeredAt: change.at,
    registeredBy: change.by,
    handling: null,
    record: null,
    updatedAt: { registration: change.at, handling: null },
    history: [event('登记', change, `${input.channel}受理`), ...(assigned ? [event('交办', change, `交${input.assignedUnit}办理`)] : [])]
  }
}

/** The registrar corrects its registration; a new 分办单位 is a new 交办. */
export function editRegistration(c: Complaint, input: ComplaintInput, change: Change): Complaint {
  mustOwn(mayEditRegistration(c, change.side), `${c.no}的登记信息只能由${c.registrar}修改`)
  const moved = input.assignedUnit !== c.assignedUnit
  return {
    ...c,
    ...input,
    reporter: input.reporter ?? '',
    reporterPhone: input.reporterPhone ?? '',
    updatedAt: { ...c.updatedAt, registration: change.at },
    history: [...c.history, ...(moved ? [event('交办', change, `改交${input.assignedUnit}办理`)] : [])]
  }
}

/** Why a result cannot be taken for this report, or null. */
export function resultProblem(c: Complaint, r: ComplaintResult): string | null {
  return r.doneDate < c.receivedDate ? '办结日期不能早于受理日期' : null
}

/** The assigned unit's 办理结果 (办结), and its 反馈 to the reporter once given. */
export function recordResult(c: Complaint, r: ComplaintResult, change: Change): Complaint {
  mustOwn(mayRecordResult(c, change.side), `${c.no}的办理结果只能由${c.assignedUnit}填写`)
  const before = c.handling
  const done = !before || before.result !== r.result || before.doneDate !== r.doneDate || before.verified !== r.verified
  const fed = r.feedbackDate !== '' && r.feedbackDate !== before?.feedbackDate
  return {
    ...c,
    handling: { ...r },
    updatedAt: { ...c.updatedAt, handling: change.at },
    history: [
      ...c.history,
      ...(done ? [event('办结', change, before ? '修改办理结果' : r.doneDate)] : []),
      ...(fed ? [event('反馈', change, r.feedbackDate)] : [])
    ]
  }
}

/** The problem record the report became, in the assigned unit's ledger. */
export function linkRecord(c: Complaint, link: ComplaintRecordLink, change: Change): Complaint {
  mustOwn(mayRecordResult(c, change.side), `${c.no}只能由${c.assignedUnit}转为问题记录`)
  return {
    ...c,
    record: { ...link },
    updatedAt: { ...c.updatedAt, handling: change.at },
    history: [...c.history, event('转为问题记录', change, `${link.unit}${link.problemNo}`)]
  }
}

const DAY_MS = 86_400_000
const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS

/** Days past 办理时限 without a result (0 when not overdue). */
export function overdueDays(c: Complaint, today: string): number {
  return c.handling || c.dueDate === '' || today <= c.dueDate ? 0 : dayNumber(today) - dayNumber(c.dueDate)
}

export function complaintState(c: Complaint, today: string): ComplaintState {
  if (c.handling) return '已办结'
  return overdueDays(c, today) > 0 ? '逾期' : '待办理'
}

export interface ComplaintCounts {
  total: number
  done: number
  /** 办结率 (%), one decimal; null when there is none. */
  rate: number | null
  overdue: number
}

export interface ComplaintStats extends ComplaintCounts {
  overdueList: { complaint: Complaint; days: number }[]
  units: (ComplaintCounts & { unit: string })[]
}


export function complaintCounts(list: readonly Complaint[], today: string): ComplaintCounts {
  const done = list.filter((c) => c.handling).length
  const overdue = list.filter((c) => complaintState(c, today) === '逾期').length
  return { total: list.length, done, rate: rate(done, list.length), overdue }
}

/**
 * 办结率 and overdue reports for the dashboards. A row per unit of `units` (in that order, zeros included), then
 * per other assigned unit in order of appearance, so the rows add up to the total.
 */
export function complaintStats(list: readonly Complaint[], today: string, units: readonly string[] = []): ComplaintStats {
  const names = [...new Set([...units, ...list.map((c) => c.assignedUnit)])]
  const overdueList = list
    .filter((c) => complaintState(c, today) === '逾期')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : compareComplaints(a, b)))
    .map((complaint) => ({ complaint, days: overdueDays(complaint, today) }))
  return {
    ...complaintCounts(list, today),
    overdueList,
    units: names.map((unit) => ({ unit, ...complaintCounts(list.filter((c) => c.assignedUnit === unit), today) }))
  }
}

// ── The printed 举报受理登记表 ──

/** Its columns, in printed order; no 举报人 and no phone ever (《环境保护法》第五十七条). */
export const COMPLAINT_FORM_COLUMNS = [
  { key: 'seq', header: '序号', kind: 'seq', width: 5 },
  { key: 'no', header: '受理编号', kind: 'text', width: 13 },
  { key: 'receivedDate', header: '受理日期', kind: 'date', width: 14 },
  { key: 'channel', header: '渠道', kind: 'enum', width: 7 },
  { key: 'target', header: '被举报对象', kind: 'text', width: 16 },
  { key: 'targetAddress', header: '地址', kind: 'text', width: 18 },
  { key: 'content', header: '举报内容', kind: 'text', width: 30 },
  { key: 'assignedUnit', header: '分办单位', kind: 'enum', width: 10 },
  { key: 'dueDate', header: '办理时限', kind: 'date', width: 14 },
  { key: 'result', header: '办理结果', kind: 'text', width: 28 },
  { key: 'doneDate', header: '办结日期', kind: 'date', width: 14 },
  { key: 'feedbackDate', header: '反馈日期', kind: 'date', width: 14 },
  { key: 'state', header: '状态', kind: 'enum', width: 9 }
] as const

export type ComplaintFormKey = Exclude<(typeof COMPLAINT_FORM_COLUMNS)[number]['key'], 'seq'>

const VERIFIED_TEXT: Record<(typeof VERIFIED_VALUES)[number], string> = { 是: '经核查属实', 否: '经核查不属实', 部分属实: '经核查部分属实' }

/** A report's cells on the form (序号 is the row's); dates stay ISO for the writer to print as dates. */
export function complaintFormRow(c: Complaint, today: string): Record<ComplaintFormKey, string> {
  const h = c.handling
  const state = complaintState(c, today)
  return {
    no: c.sourceNo ? `${c.no}（${c.sourceNo}）` : c.no,
    receivedDate: c.receivedDate,
    channel: c.channel,
    target: c.target,
    targetAddress: c.targetAddress,
    content: c.content,
    assignedUnit: c.assignedUnit,
    dueDate: c.dueDate,
    result: h ? `（${VERIFIED_TEXT[h.verified]}）${h.result}` : '',
    doneDate: h?.doneDate ?? '',
    feedbackDate: h?.feedbackDate ?? '',
    state: state === '逾期' ? `逾期${overdueDays(c, today)}天` : state
  }
}
