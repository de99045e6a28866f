/**
 * Properties of consolidate over generated submissions and decisions (reliability.md §4): the result does not depend
 * on the order files came in, a file received again changes nothing, the equations always hold, superseding a file
 * and restoring it gives back the earlier consolidation, and every decision is reflected and never lost.
 * 300 runs each: 1,500 per CI run; in-memory inputs keep them fast.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { consolidate } from '@shared/merge/consolidate'
import type { Consolidation, Decision, Submission } from '@shared/merge/types'
import { officeArb } from './arbitraries'
import { ENTERPRISES, row, submission } from './builders'

const RUNS = { numRuns: 300 }
const merge = (subs: Submission[], decisions: Decision[] = []): Consolidation =>
  consolidate(subs, decisions, defaultCampaign, annex2)

describe('consolidate properties', () => {
  it('does not depend on the order the files arrive in', () => {
    const arb = officeArb.chain((o) =>
      fc.shuffledSubarray(o.submissions, { minLength: o.submissions.length }).map((shuffled) => ({ ...o, shuffled }))
    )
    fc.assert(
      fc.property(arb, ({ submissions, shuffled, decisions }) => {
        expect(merge(shuffled, decisions)).toEqual(merge(submissions, decisions))
      }),
      RUNS
    )
  })

  it('changes nothing when a file is received again', () => {
    const arb = officeArb
      .filter((o) => o.submissions.length > 0)
      .chain((o) => fc.nat(o.submissions.length - 1).map((i) => ({ ...o, i })))
    fc.assert(
      fc.property(arb, ({ submissions, decisions, i }) => {
        const original = submissions[i] as Submission
        const again = { ...original, file: `再次-${original.file}`, receivedAt: '2024-06-01T00:00:00.000Z' }
        const before = merge(submissions, decisions)
        const after = merge([...submissions, again], decisions)
        const summary = after.submissions.find((s) => s.file === again.file)
        expect(summary).toMatchObject({ status: 'duplicate-file', replacedBy: original.file })
        expect({ ...after, submissions: after.submissions.filter((s) => s !== summary) }).toEqual(before)
      }),
      RUNS
    )
  })

  it('always satisfies every reconciliation equation', () => {
    fc.assert(
      fc.property(officeArb, ({ submissions, decisions }) => {
        const c = merge(submissions, decisions)
        expect(c.equations.filter((e) => !e.ok)).toEqual([])
        expect(c.equations.length).toBeGreaterThanOrEqual(2)
        const taken = c.submissions.filter((s) => s.status === 'accepted').reduce((n, s) => n + s.accepted, 0)
        const removed = c.rows.reduce((n, r) => n + (r.mergedFrom?.length ?? 0), 0)
        expect(c.rows.length).toBeLessThanOrEqual(taken)
        expect(c.rows.length + removed).toBeLessThanOrEqual(taken)
      }),
      RUNS
    )
  })

  it('gives back the earlier consolidation when a superseded file is restored', () => {
    const arb = officeArb
      .map((o) => {
        const candidates = merge(o.submissions, o.decisions).submissions.filter(isDirectAccepted(o.submissions))
        return { ...o, candidates }
      })
      .filter((o) => o.candidates.length > 0)
      .chain((o) => fc.constantFrom(...o.candidates).map((restored) => ({ ...o, restored })))
    fc.assert(
      fc.property(arb, ({ submissions, decisions, restored }) => {
        const unit = restored.unit as string
        const newer = submission(1000, unit, [row(6, ENTERPRISES[0], { remarks: '新版' })], {
          filledDate: '2024-12-31',
          receivedAt: '2025-01-01T00:00:00.000Z',
          file: `附件2-${unit}-新版.xlsx`
        })
        const before = merge(submissions, decisions)
        const superseded = merge([...submissions, newer], decisions)
        expect(superseded.submissions.find((s) => s.sha256 === restored.sha256)?.status).toBe('superseded')
        const at = '2025-02-01T00:00:00.000Z'
        const pin: Decision = { kind: 'use-version', unit, annex: 'annex2', sha256: restored.sha256, at, by: '办公室' }
        const after = merge([...submissions, newer], [...decisions, pin])
        expect(stateOf(after, newer.sha256)).toEqual(stateOf(before, newer.sha256))
        const setAside = after.submissions.find((s) => s.sha256 === newer.sha256)
        expect(setAside).toMatchObject({ status: 'superseded', replacedBy: restored.file })
      }),
      RUNS
    )
  })

  it('reflects every decision and loses none', () => {
    fc.assert(
      fc.property(officeArb, ({ submissions, decisions }) => {
        const c = merge(submissions, decisions)
        expect(c.decisions).toHaveLength(decisions.length)
        expect(new Set(c.decisions.map((o) => o.decision))).toEqual(new Set(decisions))
        for (const group of c.duplicateGroups) {
          const rows = c.rows.filter((r) => r.key === group.key)
          const d = group.decision
          if (d === null || d.kind === 'keep-both') {
            expect(rows).toHaveLength(group.rows.length)
            expect(rows.every((r) => r.duplicate === true)).toBe(true)
          } else if (d.kind === 'attribute') {
            expect(rows.map((r) => r.unit)).toEqual(group.rows.filter((m) => m.unit === d.unit).map((m) => m.unit))
          } else if (d.kind === 'merge') {
            expect(rows.map((r) => [r.unit, (r.mergedFrom ?? []).length])).toEqual([[d.unit, group.rows.length - 1]])
          }
          if (d !== null) expect(c.decisions.find((o) => o.decision === d)?.status).toBe('applied')
        }
        for (const o of c.decisions.filter((x) => x.status === 'applied' && x.decision.kind !== 'use-version')) {
          expect(c.duplicateGroups.some((g) => g.decision === o.decision)).toBe(true)
        }
      }),
      RUNS
    )
  })
})

/** A unit's own accepted file (not a roll-up), one a newer version can supersede. */
function isDirectAccepted(submissions: readonly Submission[]) {
  return (s: Consolidation['submissions'][number]): boolean => {
    const source = submissions.find((x) => x.sha256 === s.sha256)
    return s.status === 'accepted' && s.unit !== null && !source?.rows.some((r) => r.sourceUnit)
  }
}

/** The consolidation without the traces of one file that was added and set aside again. */
function stateOf(c: Consolidation, setAside: string): unknown {
  const file = c.submissions.find((s) => s.sha256 === setAside)?.file
  return {
    submissions: c.submissions.filter((s) => s.sha256 !== setAside),
    rows: c.rows,
    distinctProblems: c.distinctProblems,
    duplicateGroups: c.duplicateGroups,
    missingUnits: c.missingUnits,
    equations: c.equations.filter((e) => e.name !== '取代前后' && !e.label.startsWith(`${file}：`)),
    versionDiffs: c.versionDiffs.filter((d) => d.from.sha256 !== setAside && d.to.sha256 !== setAside),
    decisions: c.decisions.filter((o) => o.decision.kind !== 'use-version')
  }
}

