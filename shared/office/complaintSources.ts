/**
 * What a report is matched against at the office: every unit's 附件2 rows as received, and the enterprises the
 * received forms say are closed (2023 回头看 items, 附件3/附件4 rows 销号) — the same set 疑似死灰复燃 uses.
 */
import type { MatchSources } from '../complaints/match'
import type { Consolidation } from '../merge/types'
import { closedOnForms } from './resurgence'

export function receivedMatchSources(streams: ReadonlyMap<string, Consolidation>): MatchSources {
  const rows = (stream: string): Consolidation['rows'] => streams.get(stream)?.rows ?? []
  return {
    open: rows('annex2').map((r) => ({
      unit: r.unit,
      // A row of a hand-made file has no record id: its place in the file stands for it.
      recordId: r.provenance.recordId ?? `${r.provenance.sha256.slice(0, 12)}:${r.provenance.row}`,
      problemNo: r.provenance.problemNo ?? '',
      fields: r.fields
    })),
    closed: closedOnForms(rows('huikan'), [...rows('annex3'), ...rows('annex4')])
  }
}
