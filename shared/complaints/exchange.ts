/**
 * The exchange file between the office and the units: reports sent to the unit that handles them, results sent back;
 * each field group taken from its owner's newer copy (see mayEditRegistration in register.ts).
 */
import { z } from 'zod'
import type { Complaint, ComplaintSide } from './register'
import { COMPLAINT_EVENTS, ComplaintSchema, HISTORY_MAX, OFFICE_REGISTRAR, REGISTRATION_KEYS, sideName, stamp, WITHHELD } from './register'

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
