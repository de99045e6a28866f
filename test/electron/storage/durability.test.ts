import { describe, expect, it } from 'vitest'
import { runDurability } from '../../../bench/durability'

describe('kill loop (bench/durability.ts)', () => {
  it('loses no acknowledged save and never starts empty across 100 SIGKILLs of a saving process', async () => {
    const r = await runDurability({ kills: 100, records: 2000 })
    expect(r.failures).toEqual([])
    expect(r).toMatchObject({ kills: 100, lost: 0, emptyStarts: 0, mismatches: 0 })
    expect(r.saves).toBeGreaterThan(100)
  }, 180_000)
})
