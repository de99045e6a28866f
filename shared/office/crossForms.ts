/**
 * Reconciliation across forms (issue 20, finding 5): each unit's 附件2, 附件3, 附件4 and Friday reports are about the
 * same problems, so the office checks them against each other — same units, same problems, 附件4 within 附件3, the
 * Friday report of 附件3's week giving 附件3's figures, and each 附表 following on from the unit's last. A check
 * that fails blocks the consolidated workbooks of its forms until the office confirms the difference with a reason
 * (a problem found after 5/10 is in 附件3 and rightly not in 附件2): figures that disagree never reach the leaders
 * unexplained.
 */
import { z } from 'zod'
import { isDone } from '../annexes/shared'
import { CATEGORIES } from '../domain/enums'
import { cnDate } from '../domain/dates'
import type { Campaign } from '../campaign/campaign'
import { expectedReporters } from '../campaign/campaign'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import { groupBy } from '../merge/groupBy'
import type { ConsolidatedRow, Consolidation } from '../merge/types'
import { previousFriday, reportFriday } from '../reports/weekly'
import { weeklyStream, weeklyStreams } from './streams'
import { followOnProblems } from './weeklyChecks'

export interface CrossCheck {
  /** Stable: what the office's confirmation is attached to. */
  id: string
  unit: string
  /** The streams whose consolidated workbook it blocks while it fails unconfirmed. */
  forms: string[]
  /** Chinese, e.g. 城郊镇：附件2 6 个问题与附件3 7 个问题. */
  label: string
  ok: boolean
  /** Chinese: what differs, one line each. */
  findings: string[]
}

/** Problems named in a list, five at most. */
const NAMED = 5
function named(rows: readonly ConsolidatedRow[]): string {
  const names = rows.slice(0, NAMED).map((r) => fieldText(r.fields, 'name') || `第${r.provenance.row}行`)
  return `${names.join('、')}${rows.length > NAMED ? `等${rows.length}个` : ''}`
}

/** A row's problem: its enterprise key, or its name where it has none. */
const problemOf = (r: ConsolidatedRow): string => r.key ?? `name:${fieldText(r.fields, 'name')}`

const byUnit = (c: Consolidation | undefined): Map<string, ConsolidatedRow[]> => groupBy(c?.rows ?? [], (r) => r.unit)

/** The units with a file in use for a form (a unit may send a form with no rows). */
const reported = (c: Consolidation | undefined): Set<string> =>
  new Set((c?.submissions ?? []).filter((s) => s.status === 'accepted').flatMap((s) => s.covers.length ? s.covers : s.unit ? [s.unit] : []))

/** Rows of `a` whose problem is not among `b`'s. */
const missingFrom = (a: readonly ConsolidatedRow[], b: readonly ConsolidatedRow[]): ConsolidatedRow[] => {
  const there = new Set(b.map(problemOf))
  return a.filter((r) => !there.has(problemOf(r)))
}

const check = (id: string, unit: string, forms: string[], label: string, findings: string[]): CrossCheck => ({
  id,
  unit,
  forms,
  label,
  ok: findings.length === 0,
  findings
})

/** 附件2 ↔ 附件3: a unit with 附件3 sent 附件2; the same problems on both, or the difference named. */
function annex2Annex3(unit: string, rows2: ConsolidatedRow[] | undefined, rows3: readonly ConsolidatedRow[], has2: boolean, owes2: boolean): CrossCheck[] {
  if (!has2) {
    if (!owes2) return []
    return [check(`annex3-without-annex2:${unit}`, unit, ['annex2', 'annex3'], `${unit}：附件3与附件2`, [`已报附件3（${rows3.length}个问题），未报附件2摸底台账`])]
  }
  const dropped = missingFrom(rows2 ?? [], rows3)
  const added = missingFrom(rows3, rows2 ?? [])
  const findings = [
    ...(dropped.length ? [`附件2的${dropped.length}个问题不在附件3中：${named(dropped)}`] : []),
    ...(added.length ? [`附件3有${added.length}个问题不在附件2中（摸底后新发现的，应补报附件2）：${named(added)}`] : [])
  ]
  return [check(`annex2-annex3:${unit}`, unit, ['annex2', 'annex3'], `${unit}：附件2 ${rows2?.length ?? 0} 个问题与附件3 ${rows3.length} 个问题`, findings)]
}

/** 附件3 ↔ 附件4: every 附件4 problem is a 附件3 one, and every 升级改造/整合搬迁 problem of 附件3 is on 附件4. */
function annex3Annex4(unit: string, rows3: readonly ConsolidatedRow[], rows4: readonly ConsolidatedRow[]): CrossCheck {
  const upgrading = rows3.filter((r) => ['升级改造', '整合搬迁'].includes(fieldText(r.fields, 'category')))
  const outside = missingFrom(rows4, rows3)
  const left = missingFrom(upgrading, rows4)
  const findings = [
    ...(outside.length ? [`附件4的${outside.length}个问题不在附件3中：${named(outside)}`] : []),
    ...(left.length ? [`附件3中升级改造、整合搬迁的${left.length}个问题不在附件4中：${named(left)}`] : [])
  ]
  return check(`annex3-annex4:${unit}`, unit, ['annex3', 'annex4'], `${unit}：附件3与附件4的整治提升问题`, findings)
}

const doneTotal = (f: RecordFields): number => CATEGORIES.reduce((n, c) => n + (Number(fieldText(f, `doneTotal${c}`)) || 0), 0)

/** The Friday report of the week 附件3 was filled in (`friday`) gives 附件3's figures: problems and done. */
function weeklyAnnex3(unit: string, rows3: readonly ConsolidatedRow[], friday: string, week: ConsolidatedRow | undefined): CrossCheck[] {
  if (!week) return []
  const records = Number(fieldText(week.fields, 'records')) || 0
  const done = rows3.filter((r) => isDone(r.fields)).length
  const findings = [
    ...(records !== rows3.length ? [`摸底问题数：${cnDate(friday)}工作进展报${records}个，附件3列${rows3.length}个`] : []),
    ...(doneTotal(week.fields) !== done ? [`累计完成：${cnDate(friday)}工作进展报${doneTotal(week.fields)}个，附件3完成${done}个`] : [])
  ]
  return [check(`weekly-annex3:${unit}:${friday}`, unit, ['annex3', weeklyStream(friday)], `${unit}：附件3与${cnDate(friday)}工作进展`, findings)]
}

/** Each unit's 附表 follows on from its report of the week before (weeklyChecks.ts), week after week. */
function weeklyChain(weeks: readonly [string, Consolidation][]): CrossCheck[] {
  const out: CrossCheck[] = []
  const sorted = [...weeks].sort(([a], [b]) => a.localeCompare(b))
  for (const [k, [friday, week]] of sorted.entries()) {
    const before = sorted[k - 1]
    if (!before) continue
    for (const row of week.rows) {
      const last = before[1].rows.find((r) => r.unit === row.unit)
      // After a week the unit skipped, the sums cannot follow on (the skipped week is carried, not reported).
      if (!last || before[0] !== previousFriday(friday)) continue
      const findings = followOnProblems(last.fields, row.fields)
      out.push(check(`weekly-chain:${row.unit}:${friday}`, row.unit, [weeklyStream(friday)], `${row.unit}：${cnDate(friday)}工作进展接续上周`, findings))
    }
  }
  return out
}

/** Every cross-form check the office's files allow now, in campaign unit order. */
export function crossFormChecks(campaign: Campaign, streams: ReadonlyMap<string, Consolidation>): CrossCheck[] {
  const [c2, c3, c4] = [streams.get('annex2'), streams.get('annex3'), streams.get('annex4')]
  const [rows2, rows3, rows4] = [byUnit(c2), byUnit(c3), byUnit(c4)]
  const [has2, has3, has4] = [reported(c2), reported(c3), reported(c4)]
  const annex2Due = campaign.deadlines.find((d) => d.annex === 'annex2')
  const owes2 = new Set(annex2Due ? expectedReporters(campaign, annex2Due.reporters).map((u) => u.name) : [])
  const weeks = weeklyStreams(streams)
  const out: CrossCheck[] = []
  for (const unit of campaign.units.map((u) => u.name)) {
    const mine3 = rows3.get(unit) ?? []
    if (has3.has(unit)) {
      out.push(...annex2Annex3(unit, rows2.get(unit), mine3, has2.has(unit), owes2.has(unit)))
      if (has4.has(unit)) out.push(annex3Annex4(unit, mine3, rows4.get(unit) ?? []))
      const filled = c3?.submissions.find((s) => s.status === 'accepted' && s.covers.includes(unit))?.filledDate
      if (filled) {
        const friday = reportFriday(filled)
        out.push(...weeklyAnnex3(unit, mine3, friday, weeks.get(friday)?.rows.find((r) => r.unit === unit)))
      }
    }
  }
  const chain = weeklyChain([...weeks])
  const rank = (unit: string): number => campaign.units.findIndex((u) => u.name === unit)
  return [...out, ...chain.sort((a, b) => rank(a.unit) - rank(b.unit) || a.id.localeCompare(b.id))]
}

/** The office's word on a failing check: the difference is known and why. It holds while the findings stay the same. */
export const ConfirmationSchema = z.object({
  check: z.string().max(200),
  findings: z.array(z.string().max(50_000)).max(20),
  note: z.string().min(1).max(500),
  at: z.string(),
  by: z.string().max(100)
})
export type Confirmation = z.infer<typeof ConfirmationSchema>

export type ConfirmedCheck = CrossCheck & { confirmed: Confirmation | null }

/** Each check with the office's confirmation, when one was given for exactly these findings. */
export function withConfirmations(checks: readonly CrossCheck[], confirmations: readonly Confirmation[]): ConfirmedCheck[] {
  return checks.map((c) => {
    const given = confirmations.find((x) => x.check === c.id)
    const holds = !c.ok && given !== undefined && given.findings.join('\n') === c.findings.join('\n')
    return { ...c, confirmed: holds ? given : null }
  })
}

/** Why a stream's consolidated workbook cannot be exported: its failing checks the office has not confirmed. */
export function crossBlockers(checks: readonly ConfirmedCheck[], stream: string): string[] {
  return checks.filter((c) => !c.ok && !c.confirmed && c.forms.includes(stream)).map((c) => `${c.label}不一致：${c.findings.join('；')}`)
}

/**
 * Why an export is refused while differences stand unconfirmed: `what` says whose figures (各表之间, 本周各单位报送的
 * 数字), `of` what is not exported, then the differences one a line and what to do.
 */
export function differencesMessage(what: string, of: string, blockers: readonly string[]): string {
  const list = blockers.map((b, i) => `${i + 1}. ${b}`).join('\n')
  return `${what}有 ${blockers.length} 处不一致，不能导出${of}：\n${list}\n请在“核对”中逐项核实：退回单位改正，或写明原因后确认。`
}
