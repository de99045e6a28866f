import { describe, expect, it } from 'vitest'
import { MAX_RSS_MB, runFuzz } from '../../../bench/fuzz'

describe('import fuzz (bench/fuzz.ts, `npm run fuzz` runs 10,000)', () => {
  it('500 hostile files through `slw check`: each ends in exit 0, 1 or 2, none hangs, memory stays bounded', async () => {
    const r = await runFuzz({ cases: 500, seed: 1500, lanes: 2 })
    expect(r.failures).toEqual([])
    expect(r.cases).toBe(500)
    expect(r.peakRssMb).toBeLessThanOrEqual(MAX_RSS_MB)
    // The mutations reach every outcome, the parsers included, not only the zip checks.
    expect(Object.keys(r.exits).sort()).toEqual(['0', '1', '2'])
    expect(r.refusals.CORRUPT_ZIP).toBeGreaterThan(0)
  }, 180_000)
})
