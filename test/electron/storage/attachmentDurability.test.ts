import { describe, expect, it } from 'vitest'
import { runAttachmentDurability } from '../../../bench/attachmentDurability'

describe('evidence kill loop (bench/attachmentDurability.ts)', () => {
  it('loses no acknowledged attachment and never refers to half a file across 30 SIGKILLs of an attaching process', async () => {
    const r = await runAttachmentDurability({ kills: 30 })
    expect(r.failures).toEqual([])
    expect(r).toMatchObject({ kills: 30, lost: 0, broken: 0, emptyStarts: 0 })
    expect(r.acknowledged).toBeGreaterThan(30)
  }, 120_000)
})
