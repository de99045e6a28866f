/**
 * fast-check generators of what the office receives: files of a few units in several versions, some rows with
 * errors, enterprises reported by more than one unit, refused and unattributable files, roll-ups, same file names
 * and equal times (so every tie-break is exercised), and decisions aimed at real and stale conflicts.
 */
import fc from 'fast-check'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { enterpriseKey } from '@shared/ledger/identity'
import { consolidate } from '@shared/merge/consolidate'
import type { Decision, Submission, SubmissionRow } from '@shared/merge/types'
import { ENTERPRISES, refused, row, submission, UNITS } from './builders'

const TIMES = ['2024-05-10T01:00:00.000Z', '2024-05-10T02:00:00.000Z', '2024-05-11T01:00:00.000Z']
const DATES = [null, '2024-05-08', '2024-05-09', '2024-05-10']

const rowSpec = fc.record({
  enterprise: fc.constantFrom(...ENTERPRISES),
  phone: fc.constantFrom('', '13800000000', '0930-6212345'),
  remarks: fc.constantFrom('', '交界处', '回头看'),
  flagged: fc.nat(3).map((n) => n === 0),
  sourceUnit: fc.constantFrom(...UNITS)
})

const fileSpec = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant('unit'), weight: 12 },
    fc.constantFrom('refused', 'roll-up', 'roll-up', 'no-unit', 'other-annex')
  ),
  unit: fc.constantFrom(...UNITS),
  sameName: fc.boolean(),
  filledDate: fc.constantFrom(...DATES),
  receivedAt: fc.constantFrom(...TIMES),
  blankSkipped: fc.nat(2),
  rows: fc.array(rowSpec, { maxLength: 5 })
})
type FileSpec = typeof fileSpec extends fc.Arbitrary<infer T> ? T : never

function toSubmission(spec: FileSpec, n: number): Submission {
  if (spec.kind === 'refused') return refused(n)
  const rollUp = spec.kind === 'roll-up'
  const rows: SubmissionRow[] = spec.rows.map((r, i) => ({
    ...row(6 + i, r.enterprise, { phone: r.phone, remarks: r.remarks }, r.flagged),
    ...(rollUp ? { sourceUnit: r.sourceUnit } : {})
  }))
  const unit = rollUp || spec.kind === 'no-unit' ? null : spec.unit
  return submission(n, unit, rows, {
    file: spec.sameName ? `附件2-${unit ?? '汇总'}.xlsx` : `附件2-${unit ?? '汇总'}-${n}.xlsx`,
    annex: spec.kind === 'other-annex' ? 'annex3' : 'annex2',
    filledDate: spec.filledDate,
    receivedAt: spec.receivedAt,
    counts: { read: rows.length + spec.blankSkipped, blankSkipped: spec.blankSkipped }
  })
}

/** Up to 8 files, each with its own sha256. */
const submissionsArb: fc.Arbitrary<Submission[]> = fc
  .array(fileSpec, { maxLength: 8 })
  .map((specs) => specs.map((s, i) => toSubmission(s, i + 1)))

const KEYS = [...ENTERPRISES.map((e) => enterpriseKey(e)), 'uscc:91622901MA7RPRFB13'].filter((k) => k !== null)

/** Mostly the conflicts and versions the files really give, sometimes any (stale) one. */
function decisionsFor(submissions: Submission[]): fc.Arbitrary<Decision[]> {
  const c = consolidate(submissions, [], defaultCampaign, annex2)
  const real = <T>(found: readonly T[], any: readonly T[]): fc.Arbitrary<T> =>
    found.length
      ? fc.oneof({ arbitrary: fc.constantFrom(...found), weight: 3 }, fc.constantFrom(...any))
      : fc.constantFrom(...any)
  const anyGroup = KEYS.map((key) => ({ key, units: UNITS as readonly string[] }))
  const group = real<{ key: string; units: readonly string[] }>(c.duplicateGroups, anyGroup)
  const version = real(
    submissions.filter((x) => x.unit !== null),
    submissions.length ? submissions : [submission(99, '南龙镇', [])]
  )
  const spec = fc.record({
    kind: fc.constantFrom('keep-both', 'attribute', 'merge', 'use-version'),
    group,
    pick: fc.nat(3),
    version,
    at: fc.constantFrom(...TIMES)
  })
  return fc.array(spec, { maxLength: 4 }).map((specs) =>
    specs.map((d): Decision => {
      const base = { at: d.at, by: '办公室' }
      if (d.kind === 'use-version') {
        const { unit, sha256 } = d.version
        return { ...base, kind: 'use-version', unit: unit ?? '南龙镇', annex: 'annex2', sha256 }
      }
      if (d.kind === 'keep-both') return { ...base, kind: d.kind, key: d.group.key }
      const units = [...d.group.units, ...UNITS]
      return { ...base, kind: d.kind, key: d.group.key, unit: units[d.pick % units.length] as string }
    })
  )
}

/** Submissions with decisions on their conflicts and versions (and on some that do not exist). */
export const officeArb: fc.Arbitrary<{ submissions: Submission[]; decisions: Decision[] }> = submissionsArb.chain(
  (submissions) => decisionsFor(submissions).map((decisions) => ({ submissions, decisions }))
)
