/** The office's decisions as a log: the last one on a conflict is in force, earlier ones are kept as replaced. */
import { describe, expect, it } from 'vitest'
import { decisionLog, decisionOutcomes, versionKey } from '@shared/merge/decisionLog'
import { decision, sha } from './builders'

const KEY = 'uscc:91622901MA7B8HHWGC'
const at = (h: number): string => `2024-05-11T0${h}:00:00.000Z`

describe('the decision log', () => {
  it('orders decisions by time made, keeping the given order at the same instant', () => {
    const a = decision({ kind: 'keep-both', key: KEY, at: at(3) })
    const b = decision({ kind: 'keep-both', key: 'name:x|y', at: at(1) })
    const c = decision({ kind: 'keep-both', key: 'name:z|w', at: at(1) })
    expect(decisionLog([a, b, c]).ordered).toEqual([b, c, a])
  })
  it('puts the last decision on each key, and the last pin of each unit and form, in force', () => {
    const early = decision({ kind: 'attribute', key: KEY, unit: '城南街道', at: at(1) })
    const late = decision({ kind: 'merge', key: KEY, unit: '城北街道', at: at(2) })
    const pin1 = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: sha(1), at: at(1) })
    const pin2 = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: sha(2), at: at(2) })
    const other = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex3', sha256: sha(3), at: at(1) })
    const log = decisionLog([late, pin2, early, other, pin1])
    expect([...log.byKey]).toEqual([[KEY, late]])
    expect(log.pins.size).toBe(2)
    expect(log.pins.get(versionKey('南龙镇', 'annex2'))).toBe(pin2)
    expect(log.pins.get(versionKey('南龙镇', 'annex3'))).toBe(other)
    expect(versionKey('南龙镇', 'annex2')).not.toBe(versionKey('南龙镇a', 'nnex2'))
  })
  it('reports each decision once, in the order made: replaced (saying by which time), applied or idle', () => {
    const early = decision({ kind: 'attribute', key: KEY, unit: '城南街道', at: at(1) })
    const late = decision({ kind: 'attribute', key: KEY, unit: '城北街道', at: at(2) })
    const pinOld = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: sha(1), at: at(3) })
    const pin = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: sha(2), at: at(4) })
    const idle = decision({ kind: 'keep-both', key: 'name:x|y', at: at(5) })
    const log = decisionLog([idle, pin, late, early, pinOld])
    const verdicts = new Map([
      [late, { applied: true, note: '归属城北街道' }],
      [idle, { applied: false, note: '当前没有这一重复项' }]
    ])
    expect(decisionOutcomes(log, verdicts)).toEqual([
      { decision: early, status: 'replaced', note: '已被 2024年5月11日 10:00 的决定取代' },
      { decision: late, status: 'applied', note: '归属城北街道' },
      { decision: pinOld, status: 'replaced', note: '已被 2024年5月11日 12:00 的决定取代' },
      { decision: pin, status: 'idle', note: '没有可执行的对象' },
      { decision: idle, status: 'idle', note: '当前没有这一重复项' }
    ])
  })
})
