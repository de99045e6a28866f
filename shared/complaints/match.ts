/**
 * What a public report is matched against — the ledgers' open records and the closed sites (a hit on a 销号 site is a
 * 死灰复燃 lead) — and the problem record a report becomes (来源 群众举报).
 */
import type { Campaign } from '../campaign/campaign'
import { isTownLike, unitByName } from '../campaign/campaign'
import type { SOURCES } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import type { ClosedEnterprise, ResurgenceCertainty } from '../lifecycle/resurgence'
import { buildClosedIndex, findResurgence, resurgenceMessage } from '../lifecycle/resurgence'
import type { Complaint } from './register'

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
