/** What the office's file of submissions and decisions accepts when it is loaded, and what it refuses. */
import { describe, expect, it } from 'vitest'
import type { Submission } from '@shared/merge/types'
import { ENTERPRISES, row, submission } from './builders'

const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const received: Submission = submission(1, '城南街道', [row(6, ENTERPRISES[0], { phone: '15784984265', problemTypes: ['散', '污'] }), { ...row(7, ENTERPRISES[1], {}, true), recordId: 'r7', problemNo: 'LXS-2024-001-0002', sourceUnit: '城北街道' }], {
  sha256: SHA,
  ownExport: { kind: 'export', exportedAt: '2024-05-09T08:00:00.000Z', checkCode: 'A1B2C3', consistent: true, edited: 0 },
  counts: { read: 3, blankSkipped: 1 },
  issues: [{ severity: 'error', code: 'REQUIRED_EMPTY', sheet: '摸底台账', cell: 'F7', row: 7, column: '乡镇（街道）', message: '乡镇（街道）未填写' }]
})
// Imported in each test, not at the top: a schema that zod refuses to build (a decision kind without its `kind`) throws
// when the module loads, and that must fail a test, not the file before any test has run.
const schemas = () => import('@shared/merge/schema')
const accepts = async (s: unknown) => (await schemas()).SubmissionSchema.safeParse(s).success
const refuses = async (s: unknown) => !(await accepts(s))

describe('a received submission', () => {
  it('is read back exactly as it was stored', async () => {
    const { SubmissionSchema } = await schemas()
    expect(SubmissionSchema.parse(received)).toEqual(received)
    expect(SubmissionSchema.parse({ ...received, ownExport: { ...received.ownExport!, kind: 'consolidated' } }).ownExport?.kind).toBe('consolidated')
    expect(SubmissionSchema.parse({ ...received, ownExport: null, unit: null, annex: null, filledDate: null, sheet: null }).ownExport).toBeNull()
  })

  it('refuses a file hash that is not 64 lower-case hex digits', async () => {
    for (const sha256 of [SHA.slice(1), `${SHA}0`, SHA.toUpperCase(), `x${SHA.slice(1)}`, `${SHA.slice(1)}x`, 'g'.repeat(64), '']) {
      expect(await refuses({ ...received, sha256 }), sha256).toBe(true)
    }
  })

  it('refuses an own export of another kind, and one that is not what the program writes', async () => {
    expect(await refuses({ ...received, ownExport: { ...received.ownExport!, kind: 'report' } })).toBe(true)
    expect(await refuses({ ...received, ownExport: { ...received.ownExport!, kind: '' } })).toBe(true)
    const { checkCode: _, ...noCheckCode } = received.ownExport!
    expect(await refuses({ ...received, ownExport: noCheckCode })).toBe(true)
  })

  it('refuses counts that are negative or not whole, or missing', async () => {
    expect(await accepts({ ...received, counts: { read: 0, blankSkipped: 0 } })).toBe(true)
    for (const counts of [{ read: -1, blankSkipped: 0 }, { read: 3, blankSkipped: -1 }, { read: 1.5, blankSkipped: 0 }, { read: 3 }]) {
      expect(await refuses({ ...received, counts }), JSON.stringify(counts)).toBe(true)
    }
  })

  it('refuses a row without its row number, fields or rejected flag, and an issue without its place', async () => {
    const [first] = received.rows
    expect(await refuses({ ...received, rows: [{ ...first, rowNumber: 6.5 }] })).toBe(true)
    expect(await refuses({ ...received, rows: [{ rowNumber: 6, rejected: false }] })).toBe(true)
    expect(await refuses({ ...received, rows: [{ rowNumber: 6, fields: first.fields }] })).toBe(true)
    expect(await refuses({ ...received, rows: [{ ...first, fields: { name: 5 } }] })).toBe(true)
    const { cell: _, ...noCell } = received.issues[0]
    expect(await refuses({ ...received, issues: [noCell] })).toBe(true)
  })
})

describe('a decision of the office', () => {
  const inputs = [
    { kind: 'keep-both', key: 'uscc:91622901MA7B8HHWGC', note: '两处各有一个经营点' },
    { kind: 'attribute', key: 'uscc:91622901MA7B8HHWGC', unit: '城南街道' },
    { kind: 'merge', key: 'name:临夏市嘉禾建材有限公司', unit: '城北街道', note: '同一企业' },
    { kind: 'use-version', unit: '城南街道', annex: 'annex2', sha256: SHA }
  ] as const

  it('is one of four kinds, each read back exactly with its own fields', async () => {
    const { DecisionInputSchema, DecisionSchema } = await schemas()
    expect(DecisionInputSchema.options.map((o) => o.shape.kind.value)).toEqual(['keep-both', 'attribute', 'merge', 'use-version'])
    for (const d of inputs) expect(DecisionInputSchema.parse(d), d.kind).toEqual(d)
    const made = { ...inputs[1], at: '2024-05-10T03:00:00.000Z', by: '市整治办' }
    expect(DecisionSchema.parse(made)).toEqual(made)
  })

  it('refuses an unknown kind, and a kind without the fields it needs', async () => {
    const { DecisionInputSchema } = await schemas()
    expect(DecisionInputSchema.safeParse({ kind: 'delete', key: 'k' }).success).toBe(false)
    expect(DecisionInputSchema.safeParse({ kind: 'keep-both' }).success).toBe(false)
    expect(DecisionInputSchema.safeParse({ kind: 'attribute', key: 'k' }).success).toBe(false)
    expect(DecisionInputSchema.safeParse({ kind: 'merge', key: 'k' }).success).toBe(false)
    expect(DecisionInputSchema.safeParse({ kind: 'use-version', unit: '城南街道', annex: 'annex2' }).success).toBe(false)
  })

  it('takes a key up to 400 characters, a unit up to 40, an annex up to 32, a note up to 500, and refuses one more', async () => {
    const { DecisionInputSchema } = await schemas()
    const edge = (d: object, field: string, max: number): void => {
      expect(DecisionInputSchema.safeParse({ ...d, [field]: 'x'.repeat(max) }).success, `${field} ${max}`).toBe(true)
      expect(DecisionInputSchema.safeParse({ ...d, [field]: 'x'.repeat(max + 1) }).success, `${field} ${max + 1}`).toBe(false)
    }
    for (const d of inputs) {
      if ('key' in d) edge(d, 'key', 400)
      if ('unit' in d) edge(d, 'unit', 40)
      edge(d, 'note', 500)
    }
    edge(inputs[3], 'annex', 32)
  })

  it('refuses a version whose hash is not 64 lower-case hex digits', async () => {
    const { DecisionInputSchema } = await schemas()
    for (const sha256 of [SHA.slice(1), `${SHA}0`, SHA.toUpperCase(), `x${SHA.slice(1)}`, `${SHA.slice(1)}x`, 'g'.repeat(64)]) {
      expect(DecisionInputSchema.safeParse({ ...inputs[3], sha256 }).success, sha256).toBe(false)
    }
  })

  it('as stored, says who made it and when', async () => {
    const { DecisionSchema } = await schemas()
    expect(DecisionSchema.safeParse(inputs[1]).success).toBe(false)
    expect(DecisionSchema.safeParse({ ...inputs[1], at: '2024-05-10T03:00:00.000Z' }).success).toBe(false)
    expect(DecisionSchema.safeParse({ ...inputs[1], by: '市整治办' }).success).toBe(false)
  })
})
