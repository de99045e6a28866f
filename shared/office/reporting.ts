import type { AnnexDefinition } from '../annexes/types'
import type { Campaign } from '../campaign/campaign'
import type { RecordFields } from '../ledger/record'
import type { ConsolidatedRow } from '../merge/types'
import type { Receipt, UnitDues } from './behind'

/** One report the plan asks for (a deadline, a Friday's report) and who has sent it: each unit owing it, with the file used or none. */
export interface ReportingStatus {
  /** The deadline's id or the week's stream. */
  id: string
  label: string
  deadline: string
  what: string
  units: { unit: string; received: Receipt | null }[]
}

/** 汇总: one line per unit with rows, the annex's stat columns, then 合计. */
export interface UnitStats {
  headers: { header: string; group?: string }[]
  rows: { unit: string; values: (number | null)[] }[]
}

/** Who has reported what, report by report of the plan (notices aside), in date order, from the units' dues. */
export function reportingStatus(dues: readonly UnitDues[]): ReportingStatus[] {
  const byId = new Map<string, ReportingStatus>()
  for (const { unit, items } of dues) {
    for (const i of items) {
      if (i.kind === 'notice') continue
      const r = byId.get(i.id) ?? { id: i.id, label: i.label, deadline: i.due, what: i.what, units: [] }
      r.units.push({ unit, received: i.received })
      byId.set(i.id, r)
    }
  }
  return [...byId.values()].sort((a, b) => a.deadline.localeCompare(b.deadline))
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
