/**
 * What a unit's newer file changes against the one it supersedes: rows matched by enterprise key (in file order
 * when a key repeats), each field compared as stored. Rows without a key cannot be matched and show as removed and
 * added. Shown before the office takes the new version in.
 */
import type { AnnexDefinition } from '../annexes/types'
import type { FieldValue, RecordFields } from '../ledger/record'
import { sameValue } from '../ledger/record'
import { valueToText } from '../validation/cellInput'
import { groupBy } from './groupBy'
import { rowKey } from './rowKey'
import type { Submission, SubmissionRow, VersionDiff } from './types'

/** 新增 2 条，删除 1 条，修改 3 条 */
export const diffCounts = (d: VersionDiff): string =>
  `新增 ${d.added.length} 条，删除 ${d.removed.length} 条，修改 ${d.changed.length} 条`

export function versionDiff(from: Submission, to: Submission, annex: AnnexDefinition<RecordFields>): VersionDiff {
  const columns = annex.columns.filter((c) => c.kind !== 'seq')
  const byKey = groupBy(to.rows, (row) => rowKey(row.fields))
  const used = new Map<string, number>()
  const next = (key: string): SubmissionRow | undefined => {
    const i = used.get(key) ?? 0
    used.set(key, i + 1)
    return byKey.get(key)?.[i]
  }
  const matched = new Set<SubmissionRow>()
  const diff: VersionDiff = {
    unit: to.unit ?? from.unit ?? '',
    annex: annex.id,
    from: { file: from.file, sha256: from.sha256, filledDate: from.filledDate },
    to: { file: to.file, sha256: to.sha256, filledDate: to.filledDate },
    added: [],
    removed: [],
    changed: []
  }
  for (const old of from.rows) {
    const key = rowKey(old.fields)
    const now = key === null ? undefined : next(key)
    if (key === null || !now) {
      diff.removed.push({ key, row: old.rowNumber, name: nameOf(old) })
      continue
    }
    matched.add(now)
    const fields = columns.filter((c) => changed(old.fields[c.key], now.fields[c.key])).map((c) => c.header)
    if (fields.length === 0) continue
    diff.changed.push({ key, rowFrom: old.rowNumber, rowTo: now.rowNumber, name: nameOf(now), fields })
  }
  for (const row of to.rows) {
    if (!matched.has(row)) diff.added.push({ key: rowKey(row.fields), row: row.rowNumber, name: nameOf(row) })
  }
  return diff
}

const nameOf = (row: SubmissionRow): string => valueToText(row.fields['name'])

/** Most values of a new version are the very same strings: compare those without the general rule. */
const changed = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => a !== b && !sameValue(a, b)
