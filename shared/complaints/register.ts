/**
 * 举报受理登记 (plan 五(四) “畅通举报渠道，鼓励公众监督”; issue 21). The office or a unit registers a public report,
 * 分办 it to a unit, which returns its 办理结果 and 反馈; a report is matched against the ledgers (已在台账) and the
 * closed sites (死灰复燃线索) and can become a problem record (来源 群众举报). Reports travel between the office and
 * the units in an exchange file. The reporter is never printed and by default never exchanged: 《环境保护法》第五十七条
 * requires whoever takes a report to keep the reporter's information confidential.
 */
import { z } from 'zod'
import type { Campaign } from '../campaign/campaign'
import { isTownLike, unitByName } from '../campaign/campaign'
import type { SOURCES } from '../domain/enums'
import { isoFromParts } from '../domain/normalize'
import { rate } from '../annexes/shared'
import type { RecordFields } from '../ledger/record'
import { fieldText, ProblemNoSchema, RecordIdSchema } from '../ledger/record'
import type { ClosedEnterprise, ResurgenceCertainty } from '../lifecycle/resurgence'
import { buildClosedIndex, findResurgence, resurgenceMessage } from '../lifecycle/resurgence'

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
const stamp = z.string().max(40)

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
const REGISTRATION_KEYS = Object.keys(registration) as (keyof typeof registration)[]
const WITHHELD = ['reporter', 'reporterPhone'] as const

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
const HISTORY_MAX = 200

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
const sideName = (side: ComplaintSide): string => (side === 'office' ? OFFICE_REGISTRAR : side)

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

// ── Matching against the ledgers and the closed sites ──

/** A record of a unit's ledger, not closed. */
export interface OpenRecord {
  unit: string
  recordId: string
  problemNo: string
  fields: RecordFields
}

export interface MatchSources {
  open: readonly OpenRecord[]
  /** 2023's 销号 sites and 2024's 已销号 records. */
  closed: readonly ClosedEnterprise[]
}

interface MatchCommon {
  /** What the register shows: 死灰复燃线索, 已在台账, or 已转为问题记录 (the record this report became). */
  label: '死灰复燃线索' | '已在台账' | '已转为问题记录'
  score: number
  /** The matcher's reasons (名称相同, 地址相近（…）, …). */
  reasons: string[]
  /** Chinese: the matcher's 疑似死灰复燃：… sentence, or which unit's record and what agrees. */
  message: string
}

export type ComplaintMatch =
  | (MatchCommon & { kind: 'resurgence'; closed: ClosedEnterprise; certainty: ResurgenceCertainty })
  | (MatchCommon & { kind: 'ledger'; record: OpenRecord; linked: boolean })

/** The report as the matcher reads a record: the reported party, never the reporter. */
export function complaintMatchFields(c: Pick<Complaint, 'target' | 'targetAddress' | 'targetOperator' | 'targetPhone'>): RecordFields {
  return {
    name: c.target,
    address: c.targetAddress,
    ...(c.targetOperator ? { operator: c.targetOperator } : {}),
    ...(c.targetPhone ? { phone: c.targetPhone } : {})
  }
}

const shortReasons = (reasons: readonly string[]): string => reasons.map((r) => r.split('（')[0]).join('、')

/**
 * Matches reports against the same sources, each index built once. At most one match of each kind, the closed
 * site first: a report on a 销号 site is a 死灰复燃 lead whether or not a ledger already has it.
 */
export function complaintMatcher(sources: MatchSources): (c: Complaint) => ComplaintMatch[] {
  const openById = new Map(sources.open.map((o) => [`${o.unit}/${o.recordId}`, o]))
  const openIndex = buildClosedIndex([...openById].map(([id, o]) => ({ id, closedAs: '台账', fields: o.fields })))
  const closedIndex = buildClosedIndex(sources.closed)
  return (c) => {
    const fields = complaintMatchFields(c)
    const out: ComplaintMatch[] = []
    const lead = findResurgence(closedIndex, fields)
    if (lead) {
      const { closed, certainty, score, reasons } = lead
      out.push({ kind: 'resurgence', label: '死灰复燃线索', closed, certainty, score, reasons, message: resurgenceMessage(lead) })
    }
    const hit = findResurgence(openIndex, fields)
    const record = hit && openById.get(hit.closed.id)
    if (hit && record) {
      const linked = c.record?.unit === record.unit && c.record.recordId === record.recordId
      const label = linked ? '已转为问题记录' : '已在台账'
      const message = `${label}：${record.unit}“${fieldText(record.fields, 'name')}”（${record.problemNo}）${shortReasons(hit.reasons)}`
      out.push({ kind: 'ledger', label, record, linked, score: hit.score, reasons: hit.reasons, message })
    }
    return out
  }
}

export function matchComplaint(c: Complaint, sources: MatchSources): ComplaintMatch[] {
  return complaintMatcher(sources)(c)
}

// ── A problem record from a report ──

const SOURCE: (typeof SOURCES)[number] = '群众举报'

/**
 * The fields of the assigned unit's new problem record (附件2 keys; the clerk completes the rest): its town when the
 * unit is a town or subdistrict, the reported party, the report's content as its problem, found on the 受理日期.
 */
export function complaintToRecordFields(c: Complaint, campaign: Campaign): RecordFields {
  const unit = unitByName(campaign, c.assignedUnit)
  return {
    ...(unit && isTownLike(unit) ? { town: unit.name } : {}),
    ...complaintMatchFields(c),
    problems: c.content,
    source: SOURCE,
    foundDate: c.receivedDate,
    remarks: `${c.no}转入`
  }
}

// ── The exchange file between the office and the units ──

export const ComplaintExchangeSchema = z.object({
  format: z.literal('slw-complaints'),
  version: z.literal(1),
  from: z.string().min(1).max(40),
  /** The unit it is for; null: for the office. */
  to: z.string().max(40).nullable(),
  exportedAt: stamp,
  complaints: z.array(ComplaintSchema).max(10_000)
})
export type ComplaintExchange = z.infer<typeof ComplaintExchangeSchema>

/**
 * The file `from` sends `to` (null: the office): the office sends a unit only the reports assigned to it; a unit
 * sends the office what it registered or handles. The reporter stays out unless `includeReporter` (the unit must
 * call the reporter back itself): the file is copied by USB stick and chat apps, and the law asks the reporter's
 * identity be kept confidential.
 */
export function exchangeFor(
  list: readonly Complaint[],
  to: string | null,
  from: ComplaintSide,
  at: string,
  opt: { includeReporter?: boolean } = {}
): ComplaintExchange {
  const sender = sideName(from)
  const picked = list.filter((c) => (to === null ? c.assignedUnit === sender || c.registrar === sender : c.assignedUnit === to))
  const complaints = picked.map((c) => {
    if (opt.includeReporter) return c
    const copy = { ...c }
    for (const k of WITHHELD) delete copy[k]
    return copy
  })
  return { format: 'slw-complaints', version: 1, from: sender, to, exportedAt: at, complaints }
}

export interface MergeResult {
  list: Complaint[]
  added: number
  updated: number
  /** Chinese, one per report (or file) not taken, and why. */
  ignored: string[]
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const eventKey = (e: Complaint['history'][number]): string => JSON.stringify([e.at, COMPLAINT_EVENTS.indexOf(e.event), e.by, e.note])

function unionHistory(a: Complaint['history'], b: Complaint['history']): Complaint['history'] {
  const byKey = new Map([...a, ...b].map((e) => [eventKey(e), e]))
  return [...byKey.keys()].sort().slice(0, HISTORY_MAX).map((k) => byKey.get(k) as Complaint['history'][number])
}

/** Mine merged with the incoming copy: each field group from its owner's newer side. */
function mergeOne(mine: Complaint, theirs: Complaint, me: string, from: string, ignored: string[]): Complaint {
  const { no } = mine
  if (mine.registrar !== theirs.registrar) {
    ignored.push(`${no}：与本地登记的举报编号相同，但登记单位不同（本地${mine.registrar}，来件${theirs.registrar}），未导入`)
    return mine
  }
  let out: Complaint = { ...mine, history: unionHistory(mine.history, theirs.history) }
  const newerRegistration = theirs.updatedAt.registration > mine.updatedAt.registration
  if (newerRegistration && !sameRegistration(mine, theirs)) {
    if (mine.registrar === me) ignored.push(`${no}：登记信息以${me}为准，${from}来件中的修改未采用`)
    else {
      const taken = Object.fromEntries(REGISTRATION_KEYS.filter((k) => theirs[k] !== undefined).map((k) => [k, theirs[k]]))
      out = { ...out, ...taken, updatedAt: { ...out.updatedAt, registration: theirs.updatedAt.registration } }
    }
  }
  const newerHandling = (theirs.updatedAt.handling ?? '') > (mine.updatedAt.handling ?? '')
  if (newerHandling && !same([mine.handling, mine.record], [theirs.handling, theirs.record])) {
    const owner = out.assignedUnit
    if (owner === me) ignored.push(`${no}：办理结果以${me}为准，${from}来件中的修改未采用`)
    else if (owner !== from) ignored.push(`${no}：该举报已交${owner}办理，${from}报来的办理结果未采用`)
    else out = { ...out, handling: theirs.handling, record: theirs.record, updatedAt: { ...out.updatedAt, handling: theirs.updatedAt.handling } }
  }
  return out
}

/** The registration fields agree, a reporter withheld from the incoming copy counting as agreeing. */
function sameRegistration(mine: Complaint, theirs: Complaint): boolean {
  return REGISTRATION_KEYS.every((k) => theirs[k] === undefined || same(mine[k], theirs[k]))
}

/**
 * Takes an exchange file in. For each field group (see mayEditRegistration) the newer copy wins where this side is
 * not its owner; where it is, its own copy stands and a newer one from elsewhere is reported and left out. A report
 * a unit registered reaches the office; one assigned to a unit reaches that unit. Pure and deterministic.
 */
export function mergeExchange(mine: readonly Complaint[], incoming: ComplaintExchange, side: ComplaintSide): MergeResult {
  const me = sideName(side)
  const none = (why: string): MergeResult => ({ list: [...mine], added: 0, updated: 0, ignored: [why] })
  if (incoming.from === me) return none(`这是${me}自己导出的举报交换文件，无需导入`)
  const addressee = incoming.to ?? OFFICE_REGISTRAR
  if (addressee !== me) return none(`这是${incoming.from}发给${addressee}的举报交换文件，不是发给${me}的，未导入`)
  const list = [...mine]
  const at = new Map(list.map((c, i) => [c.no, i]))
  const ignored: string[] = []
  let added = 0
  let updated = 0
  for (const theirs of incoming.complaints) {
    const i = at.get(theirs.no)
    if (i === undefined) {
      const mayAdd = me === OFFICE_REGISTRAR ? theirs.registrar === incoming.from : theirs.assignedUnit === me
      if (mayAdd) {
        at.set(theirs.no, list.length)
        list.push(theirs)
        added++
      } else {
        ignored.push(me === OFFICE_REGISTRAR ? `${theirs.no}：本办没有这件举报的登记，也不是${incoming.from}登记的，未导入` : `${theirs.no}：不是交${me}办理的举报，未导入`)
      }
      continue
    }
    const before = list[i] as Complaint
    const after = mergeOne(before, theirs, me, incoming.from, ignored)
    if (!same(before, after)) {
      list[i] = after
      updated++
    }
  }
  return { list, added, updated, ignored }
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
