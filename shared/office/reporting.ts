import type { AnnexDefinition } from '../annexes/types'
import type { Campaign } from '../campaign/campaign'
import { expectedReporters } from '../campaign/campaign'
import type { RecordFields } from '../ledger/record'
import type { ConsolidatedRow, SubmissionSummary } from '../merge/types'

/** One deadline of the plan and who has met it: units expected to report, each with the file used or none. */
export interface ReportingStatus {
  annex: string
  deadline: string
  what: string
  units: { unit: string; received: { file: string; filledDate: string | null; late: boolean } | null }[]
}

/** 汇总: one line per unit with rows, the annex's stat columns, then 合计. */
export interface UnitStats {
  headers: { header: string; group?: string }[]
  rows: { unit: string; values: (number | null)[] }[]
}

/**
 * Who has reported what, deadline by deadline of the plan: each unit expected to send that annex, with the file in
 * use (accepted) and whether its 填报日期 is after the deadline, or nothing.
 */
export function reportingStatus(campaign: Campaign, submissions: readonly SubmissionSummary[]): ReportingStatus[] {
  return campaign.deadlines.map((d) => ({
    annex: d.annex,
    deadline: d.date,
    what: d.what,
    units: expectedReporters(campaign, d.reporters).map((u) => {
      const used = submissions.find((s) => s.status === 'accepted' && s.annex === d.annex && s.unit === u.name)
      return {
        unit: u.name,
        received: used ? { file: used.file, filledDate: used.filledDate, late: (used.filledDate ?? '') > d.date } : null
      }
    })
  }))
}

/** Units that owe a report (towns, members …) and have no row among `rows`, in campaign order. */
export function unitsWithout(campaign: Campaign, who: Campaign['weeklyReports']['reporters'], rows: readonly { unit: string }[]): string[] {
  const reported = new Set(rows.map((r) => r.unit))
  return expectedReporters(campaign, who)
    .map((u) => u.name)
    .filter((name) => !reported.has(name))
}

/** 汇总: the annex's 统计 columns computed per unit (campaign order), then a 合计 line over all rows. */
export function statsByUnit(campaign: Campaign, annex: AnnexDefinition<RecordFields>, rows: readonly ConsolidatedRow[]): UnitStats {
  const columns = annex.stats?.columns ?? []
  const byUnit = new Map<string, RecordFields[]>()
  for (const r of rows) {
    const list = byUnit.get(r.unit)
    if (list) list.push(r.fields)
    else byUnit.set(r.unit, [r.fields])
  }
  const order = campaign.units.map((u) => u.name)
  const units = [...byUnit.keys()].sort((a, b) => rank(order, a) - rank(order, b))
  const line = (unit: string, fields: readonly RecordFields[]): { unit: string; values: (number | null)[] } => ({
    unit,
    values: columns.map((c) => c.compute(fields))
  })
  return {
    headers: columns.map((c) => (c.group ? { header: c.header, group: c.group } : { header: c.header })),
    rows: [...units.map((u) => line(u, byUnit.get(u) ?? [])), line('合计', rows.map((r) => r.fields))]
  }
}

function rank(order: readonly string[], unit: string): number {
  const i = order.indexOf(unit)
  return i < 0 ? order.length : i
}
