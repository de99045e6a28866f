import { describe, expect, it } from 'vitest'
import { runAcknowledged } from '../../../bench/acknowledged'

describe('acknowledged-state property (bench/acknowledged.ts)', () => {
  it('every acknowledged import, edit and delete over hostile values reopens identical; a refused one changes nothing', async () => {
    const r = await runAcknowledged(100)
    expect(r.failures).toEqual([])
    expect(r.runs).toBe(100)
    // Both kinds of outcome occur, or the property proves nothing.
    expect(r.acknowledged).toBeGreaterThan(20)
    expect(r.refused).toBeGreaterThan(20)
  }, 60_000)
})
