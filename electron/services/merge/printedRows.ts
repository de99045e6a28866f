/**
 * The consolidation's rows as the workbook prints them: grouped by unit in campaign order, a row of an enterprise
 * reported by several units marked in its 备注 (【与东区街道重复，待定】) and a row with errors likewise
 * (【有错误：复产日期：未经验收合格不得复产】), which prints in black and white and survives a copy into another table,
 * where a fill alone would not.
 */
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import type { ConsolidatedRow, Consolidation, DuplicateGroup } from '@shared/merge/types'
import { valueToText } from '@shared/validation/cellInput'
import { decisionText } from './wording'

export interface PrintedRow {
  row: ConsolidatedRow
  /** The row's fields with the duplicate mark added to 备注. */
  fields: RecordFields
  group: DuplicateGroup | null
}

const REMARKS_HEADER = '备注'

function mark(row: ConsolidatedRow, group: DuplicateGroup): string {
  const others = group.units.filter((u) => u !== row.unit)
  const state = group.decision ? decisionText(group) : '待定'
  return `【与${(others.length > 0 ? others : group.units).join('、')}重复，${state}】`
}

const errorMark = (errors: readonly string[]): string => `【有错误：${errors.join('；')}】`

export function printedRows(c: Consolidation, annex: AnnexDefinition<RecordFields>): PrintedRow[] {
  const groups = new Map(c.duplicateGroups.map((g) => [g.key, g]))
  const remarks = annex.columns.find((col) => col.header === REMARKS_HEADER)?.key
  return c.rows.map((row) => {
    const group = (row.key !== null && groups.get(row.key)) || null
    const marks = `${row.errors ? errorMark(row.errors) : ''}${group ? mark(row, group) : ''}`
    if (!marks || !remarks) return { row, fields: row.fields, group }
    return { row, fields: { ...row.fields, [remarks]: `${valueToText(row.fields[remarks])}${marks}` }, group }
  })
}

/**
 * The units the workbook lists, in campaign order (towns, then departments), each with its rows: those with rows
 * or a file in use (a unit may report none), then units the campaign does not know (a roll-up of other cities).
 */
export function rowsByUnit(c: Consolidation, campaign: Campaign, rows: readonly PrintedRow[]): Map<string, PrintedRow[]> {
  const byUnit = new Map<string, PrintedRow[]>()
  for (const r of rows) {
    const list = byUnit.get(r.row.unit)
    if (list) list.push(r)
    else byUnit.set(r.row.unit, [r])
  }
  for (const s of c.submissions) if (s.status === 'accepted' && s.unit && !byUnit.has(s.unit)) byUnit.set(s.unit, [])
  const order = campaign.units.map((u) => u.name)
  const rank = (unit: string): number => (order.includes(unit) ? order.indexOf(unit) : order.length)
  return new Map([...byUnit].sort(([a], [b]) => rank(a) - rank(b)))
}
