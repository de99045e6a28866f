/**
 * The same enterprise reported by two or more units: found by enterprise key (统一社会信用代码, else normalised name +
 * address), listed side by side, and changed only by the office's decision on that key. An open group keeps every
 * row, flagged, so nothing is dropped or merged behind the office's back.
 */
import type { FieldValue, RecordFields } from '../ledger/record'
import { sameValue } from '../ledger/record'
import { valueToText } from '../validation/cellInput'
import type { RowDecision, Verdict } from './decisionLog'
import { groupBy } from './groupBy'
import { compareText } from './order'
import type { ConsolidatedRow, Decision, DuplicateGroup, DuplicateMember } from './types'

/** Groups of rows sharing a key across different units; `rows` in consolidation order, groups by key. */
export function findDuplicateGroups(
  rows: readonly ConsolidatedRow[],
  compareUnits: (a: string, b: string) => number
): DuplicateGroup[] {
  const groups: DuplicateGroup[] = []
  for (const [key, list] of rowsByKey(rows)) {
    const units = [...new Set(list.map((r) => r.unit))]
    if (units.length < 2) continue
    const keyType = key.startsWith('uscc:') ? 'uscc' : 'name_address'
    groups.push({ key, keyType, units: units.sort(compareUnits), rows: list.map(member), decision: null })
  }
  return groups.sort((a, b) => compareText(a.key, b.key))
}

export interface Resolved {
  rows: ConsolidatedRow[]
  /** Rows each unit lost to attribute / merge decisions. */
  removed: Map<string, number>
  verdicts: Map<Decision, Verdict>
}

/** Applies the decision in force on each key; sets `decision` on the groups it resolves. */
export function applyDecisions(
  rows: readonly ConsolidatedRow[],
  groups: readonly DuplicateGroup[],
  byKey: ReadonlyMap<string, RowDecision>
): Resolved {
  const groupOf = new Map(groups.map((g) => [g.key, g]))
  const members = rowsByKey(rows)
  const dropped = new Set<ConsolidatedRow>()
  const merged = new Map<ConsolidatedRow, ConsolidatedRow>()
  const verdicts = new Map<Decision, Verdict>()
  for (const [key, d] of byKey) {
    const group = groupOf.get(key)
    if (!group) {
      verdicts.set(d, { applied: false, note: `当前没有这一重复项（${keyLabel(key)}），未执行` })
      continue
    }
    if (d.kind !== 'keep-both' && !group.units.includes(d.unit)) {
      verdicts.set(d, { applied: false, note: `${d.unit}不是这一重复项（${keyLabel(key)}）的报送单位，未执行` })
      continue
    }
    group.decision = d
    const list = members.get(key) ?? []
    if (d.kind === 'keep-both') {
      verdicts.set(d, { applied: true, note: `${group.units.join('、')}都保留，标为重复（${keyLabel(key)}）` })
      continue
    }
    const kept = list.filter((r) => r.unit === d.unit)
    const out = d.kind === 'merge' ? list.filter((r) => r !== kept[0]) : list.filter((r) => r.unit !== d.unit)
    for (const r of out) dropped.add(r)
    if (d.kind === 'merge') merged.set(kept[0] as ConsolidatedRow, mergeRows(kept[0] as ConsolidatedRow, out))
    const what = d.kind === 'merge' ? `合并为${d.unit}的一条记录，并入 ${out.length} 行` : `归属${d.unit}，移除其他单位的 ${out.length} 行`
    verdicts.set(d, { applied: true, note: `${what}（${keyLabel(key)}）` })
  }
  const open = new Set(groups.filter((g) => g.decision === null || g.decision.kind === 'keep-both').map((g) => g.key))
  const removed = new Map<string, number>()
  for (const r of dropped) removed.set(r.unit, (removed.get(r.unit) ?? 0) + 1)
  const result = rows
    .filter((r) => !dropped.has(r))
    .map((r) => merged.get(r) ?? (r.key !== null && open.has(r.key) ? { ...r, duplicate: true } : r))
  return { rows: result, removed, verdicts }
}

const rowsByKey = (rows: readonly ConsolidatedRow[]): Map<string, ConsolidatedRow[]> => groupBy(rows, (r) => r.key)

function member(r: ConsolidatedRow): DuplicateMember {
  const { file, sha256, row } = r.provenance
  const text = (key: string): string => valueToText(r.fields[key])
  return { unit: r.unit, file, sha256, row, name: text('name'), address: text('address'), uscc: text('uscc') }
}

/** One record under the chosen unit: its own values first, blanks filled from the other rows in order. */
function mergeRows(base: ConsolidatedRow, others: readonly ConsolidatedRow[]): ConsolidatedRow {
  const fields: RecordFields = { ...base.fields }
  const blank = (v: FieldValue | undefined): boolean => sameValue(v, undefined)
  for (const other of others) {
    for (const [k, v] of Object.entries(other.fields)) if (blank(fields[k]) && !blank(v)) fields[k] = v
  }
  return { ...base, fields, mergedFrom: others.map((r) => r.provenance) }
}

/** The key as the office reads it in a note. */
function keyLabel(key: string): string {
  if (key.startsWith('uscc:')) return `统一社会信用代码 ${key.slice(5)}`
  return `名称及地址 ${key.slice(5).replace('|', '，')}`
}
