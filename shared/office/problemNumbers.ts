/**
 * 问题编号 for rows that came without one ("一件一号"): a unit's hand-made file has no numbers, ours carry the
 * ledger's. The office numbers each such enterprise once, at intake, in the unit's series from 9001 (a unit's own
 * ledger counts from 0001 and never gets near), and keeps the number: the same enterprise in a later version of the
 * file, or on 附件3 and 附件4, has the same number.
 */
import type { Campaign } from '../campaign/campaign'
import type { Consolidation } from '../merge/types'

export interface AssignedNo {
  /** Enterprise key (uscc:… or name:…). */
  key: string
  unit: string
  no: string
}

const FIRST = 9001

/** Numbers for the enterprises of `consolidations` that came without one and have none yet, in row order. */
export function newProblemNos(campaign: Campaign, consolidations: readonly Consolidation[], assigned: readonly AssignedNo[]): AssignedNo[] {
  const known = new Set(assigned.map((a) => a.key))
  const next = new Map<string, number>()
  for (const a of assigned) next.set(a.unit, Math.max(next.get(a.unit) ?? FIRST, Number(a.no.slice(-4)) + 1))
  const out: AssignedNo[] = []
  for (const row of consolidations.flatMap((c) => c.rows)) {
    const unit = campaign.units.find((u) => u.name === row.unit)
    if (row.key === null || row.provenance.problemNo || known.has(row.key) || !unit) continue
    const n = next.get(unit.name) ?? FIRST
    next.set(unit.name, n + 1)
    known.add(row.key)
    out.push({ key: row.key, unit: unit.name, no: `${campaign.problemNoPrefix}-${campaign.year}-${unit.seq}-${String(n).padStart(4, '0')}` })
  }
  return out
}

/** The consolidation with the office's numbers on the rows that came without one. */
export function withOfficeNumbers(c: Consolidation, assigned: ReadonlyMap<string, string>): Consolidation {
  if (assigned.size === 0) return c
  const rows = c.rows.map((r) => {
    const no = r.key === null || r.provenance.problemNo ? undefined : assigned.get(r.key)
    return no ? { ...r, provenance: { ...r.provenance, problemNo: no } } : r
  })
  return { ...c, rows }
}
