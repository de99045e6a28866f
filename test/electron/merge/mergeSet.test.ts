/**
 * The shared merge-set (12 real files, test/fixtures/annex2/merge-set) read from disk and consolidated must give
 * exactly its expected.json: per-unit rows, the superseded 南龙镇 v1 with its version diff, the four cross-unit
 * duplicates, 361 distinct problems, no missing unit, every equation holding. Then the same through a roll-up.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { consolidate } from '@shared/merge/consolidate'
import type { Consolidation, Decision, DuplicateMember, Submission } from '@shared/merge/types'
import { cleanText } from '@shared/domain/normalize'
import { writeConsolidatedWorkbook } from '../../../electron/services/merge/consolidatedWorkbook'
import { readSubmission } from '../../../electron/services/merge/readSubmission'
import { readSubmissionFiles } from '../../../electron/services/merge/readSubmissionFiles'

const folder = resolve(import.meta.dirname, '../../fixtures/annex2/merge-set')

type Member = Omit<DuplicateMember, 'sha256'>
type UsccKey = { uscc: string }
interface Expected {
  per_unit: Record<string, { file: string; rows: number }>
  superseded: { unit: string; file: string; rows: number; superseded_by: string }[]
  rows_total_latest: number
  duplicate_groups: { key_type: 'uscc' | 'name_address'; key: string | [string, string]; members: Member[] }[]
  distinct_problems: number
  version_diff: {
    unit: string
    from: string
    to: string
    from_filled_date: string
    to_filled_date: string
    changed: { key: UsccKey; row_from: number; row_to: number; fields: string[] }[]
    added: { key: UsccKey; row_to: number }[]
    removed: { key: UsccKey; row_from: number }[]
  }
}
const expected = (JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { merge: Expected }).merge
const merge = (subs: Submission[], decisions: Decision[] = []): Consolidation =>
  consolidate(subs, decisions, defaultCampaign, annex2)

let submissions: Submission[]
let c: Consolidation

beforeAll(async () => {
  const files = readdirSync(folder).filter((f) => f.endsWith('.xlsx'))
  const readings = await readSubmissionFiles(files.map((f) => join(folder, f)), defaultCampaign)
  submissions = readings.map((r) => (r.ok ? r.submission : expect.unreachable(r.message)))
  c = merge(submissions)
})

describe('the merge-set consolidation', () => {
  it('uses one file per unit with the expected rows, and supersedes 南龙镇 v1 by v2', () => {
    const used = c.submissions.filter((s) => s.status === 'accepted')
    expect(Object.fromEntries(used.map((s) => [s.unit, { file: s.file, rows: s.accepted }]))).toEqual(expected.per_unit)
    const perUnit: Record<string, number> = {}
    for (const r of c.rows) perUnit[r.unit] = (perUnit[r.unit] ?? 0) + 1
    expect(perUnit).toEqual(Object.fromEntries(Object.entries(expected.per_unit).map(([u, x]) => [u, x.rows])))
    const superseded = c.submissions.filter((s) => s.status === 'superseded')
    const asExpected = superseded.map((s) => ({ unit: s.unit, file: s.file, rows: s.accepted, superseded_by: s.replacedBy }))
    expect(asExpected).toEqual(expected.superseded)
    expect(c.rows).toHaveLength(expected.rows_total_latest)
  })

  it('finds exactly the four enterprises reported by two units, side by side and undecided', () => {
    const groups = c.duplicateGroups.map((g) => ({
      key_type: g.keyType,
      key: g.key,
      members: g.rows.map(({ file, unit, row, name, address, uscc }) => ({ file, unit, row, name, address, uscc }))
    }))
    const want = expected.duplicate_groups.map((g) => ({
      key_type: g.key_type,
      key: typeof g.key === 'string' ? `uscc:${g.key}` : `name:${g.key.join('|')}`,
      members: g.members.map((m) => ({ ...m, name: cleanText(m.name), address: cleanText(m.address) }))
    }))
    const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : 1)
    const sortMembers = <T extends { members: Member[] }>(g: T): T => ({
      ...g,
      members: [...g.members].sort((a, b) => (a.unit < b.unit ? -1 : 1))
    })
    expect(groups.map(sortMembers).sort(byKey)).toEqual(want.map(sortMembers).sort(byKey))
    expect(c.duplicateGroups.every((g) => g.decision === null)).toBe(true)
    expect(c.distinctProblems).toBe(expected.distinct_problems)
  })

  it('shows what 南龙镇 v2 changed against v1', () => {
    const want = expected.version_diff
    const key = (k: UsccKey): string => `uscc:${k.uscc}`
    expect(c.versionDiffs).toHaveLength(1)
    const [diff] = c.versionDiffs
    expect(diff).toMatchObject({
      unit: want.unit,
      from: { file: want.from, filledDate: want.from_filled_date },
      to: { file: want.to, filledDate: want.to_filled_date }
    })
    expect(diff?.changed.map((x) => ({ key: x.key, rowFrom: x.rowFrom, rowTo: x.rowTo, fields: x.fields }))).toEqual(
      want.changed.map((x) => ({ key: key(x.key), rowFrom: x.row_from, rowTo: x.row_to, fields: x.fields }))
    )
    expect(diff?.added.map((x) => [x.key, x.row])).toEqual(want.added.map((x) => [key(x.key), x.row_to]))
    expect(diff?.removed.map((x) => [x.key, x.row])).toEqual(want.removed.map((x) => [key(x.key), x.row_from]))
  })

  it('misses no unit and every equation holds', () => {
    expect(c.missingUnits).toEqual([])
    expect(c.equations.filter((e) => !e.ok)).toEqual([])
    expect(c.equations).toHaveLength(12 + 11 + 2)
  })

  it('changes nothing when a file arrives twice under another name', () => {
    const [first] = submissions as [Submission]
    const again = { ...first, file: `副本-${first.file}`, receivedAt: '2099-01-01T00:00:00.000Z' }
    const twice = merge([...submissions, again])
    const { submissions: all, ...rest } = twice
    expect(all.find((s) => s.file === again.file)?.status).toBe('duplicate-file')
    expect({ ...rest, submissions: all.filter((s) => s.file !== again.file) }).toEqual(c)
  })

  it('applies the office\'s decisions on the real conflicts', () => {
    const decided = merge(submissions, [
      { kind: 'attribute', key: 'uscc:91622901MA7B8HHWGC', unit: '城郊镇', at: '2024-05-11T01:00:00.000Z', by: '办公室' },
      { kind: 'merge', key: 'uscc:91622901MA7RD6124W', unit: '八坊街道', at: '2024-05-11T01:01:00.000Z', by: '办公室' }
    ])
    expect(decided.rows).toHaveLength(363)
    expect(decided.distinctProblems).toBe(361)
    expect(decided.rows.filter((r) => r.unit === '枹罕镇')).toHaveLength(12)
    const merged = decided.rows.find((r) => r.key === 'uscc:91622901MA7RD6124W')
    expect(merged?.mergedFrom).toMatchObject([{ unit: '城南街道', row: 18 }])
    expect(decided.decisions.map((d) => d.status)).toEqual(['applied', 'applied'])
    expect(decided.equations.every((e) => e.ok)).toBe(true)
  })
})

describe('roll-up: the consolidated workbook merged again', () => {
  let rollUp: Submission

  beforeAll(async () => {
    const now = new Date('2024-05-12T02:00:00Z')
    const bytes = await writeConsolidatedWorkbook(c, { campaign: defaultCampaign, annex: annex2, appVersion: '0.0.0-test', now })
    rollUp = await readSubmission(bytes, '附件2-汇总.xlsx', '2024-05-12T02:00:00.000Z', defaultCampaign)
  })

  it('is read as a consolidation whose every row names the unit that reported it', () => {
    expect(rollUp).toMatchObject({ refused: false, annex: 'annex2', ownExport: { kind: 'consolidated' } })
    expect(rollUp.issues.filter((i) => i.severity === 'error' || i.code === 'EXTRA_COLUMN')).toEqual([])
    expect(rollUp.rows.map((r) => [r.sourceUnit, r.flagged])).toEqual(c.rows.map((r) => [r.unit, false]))
  })

  it('gives the same units, rows, duplicates and distinct problems as the files it was made from', () => {
    const again = merge([rollUp])
    expect(again.rows.map((r) => [r.unit, r.key])).toEqual(c.rows.map((r) => [r.unit, r.key]))
    // 备注 may carry the workbook's own duplicate notes; every other field comes back as it went out.
    const withoutRemarks = ({ remarks: _, ...fields }: RecordFields): RecordFields => fields
    expect(again.rows.map((r) => withoutRemarks(r.fields))).toEqual(c.rows.map((r) => withoutRemarks(r.fields)))
    expect(again.duplicateGroups.map((g) => [g.key, g.units])).toEqual(c.duplicateGroups.map((g) => [g.key, g.units]))
    expect(again.distinctProblems).toBe(361)
    expect(again.missingUnits).toEqual([])
    expect(again.equations.every((e) => e.ok)).toBe(true)
  })

  it('is refused whole, with the reason, next to a unit\'s own file it already contains', () => {
    const own = submissions.find((s) => s.file === '附件2-南龙镇-v2.xlsx') as Submission
    const mixed = merge([rollUp, own])
    expect(mixed.submissions.find((s) => s.file === '附件2-汇总.xlsx')).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('南龙镇')
    })
    expect(mixed.rows).toHaveLength(31)
  })
})
