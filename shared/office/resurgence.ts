/**
 * 疑似死灰复燃 at the office: a 2024 摸底 row of any unit that looks like an enterprise closed before — a 2023 item of
 * a unit's 回头看台账, or a row its 附件3/附件4 reports as 已销号.
 */
import { recordText } from '../annexes/registry'
import type { ConsolidatedRow } from '../merge/types'
import type { ClosedEnterprise } from '../lifecycle/resurgence'
import { buildClosedIndex, findResurgence, resurgenceMessage } from '../lifecycle/resurgence'
import { isClosed } from '../evidence/closeEvidence'

export interface ResurgenceFinding {
  unit: string
  file: string
  row: number
  name: string
  message: string
}

/** The enterprises the received forms say are closed: 2023's 回头看 items, and 附件3/附件4 rows 销号. */
export function closedOnForms(items2023: readonly ConsolidatedRow[], laterForms: readonly ConsolidatedRow[]): ClosedEnterprise[] {
  return [
    ...items2023.map((r, i) => ({ id: `hk${i}`, closedAs: `2023年已销号（${r.unit}回头看台账）`, fields: r.fields })),
    ...laterForms.filter((r) => isClosed(r.fields)).map((r, i) => ({ id: `closed${i}`, closedAs: `已销号（${r.unit}）`, fields: r.fields }))
  ]
}

export function resurgenceFindings(
  annex2Rows: readonly ConsolidatedRow[],
  items2023: readonly ConsolidatedRow[],
  laterForms: readonly ConsolidatedRow[]
): ResurgenceFinding[] {
  const closed = closedOnForms(items2023, laterForms)
  if (closed.length === 0) return []
  const index = buildClosedIndex(closed)
  const out: ResurgenceFinding[] = []
  for (const r of annex2Rows) {
    // A row 回头看 itself reopened is the follow-up of the old item, not a new find.
    if (recordText(r.fields, 'source') === '回头看发现') continue
    const match = findResurgence(index, r.fields)
    // The same enterprise's own later form row is not a resurgence of itself.
    if (!match || (match.closed.id.startsWith('closed') && laterForms.some((l) => l.key !== null && l.key === r.key && l.unit === r.unit))) continue
    out.push({ unit: r.unit, file: r.provenance.file, row: r.provenance.row, name: recordText(r.fields, 'name'), message: resurgenceMessage(match) })
  }
  return out
}
