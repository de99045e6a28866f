/**
 * 一件一号 at the office: hand-made 附件2 files carry no 问题编号; at intake each enterprise gets one in its unit's
 * series from 9001, the same enterprise keeps it in a later version, and notices print it instead of （未编号）.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OfficeService } from '../../../electron/services/office/officeService'
import type { DataDir } from '../../../electron/services/storage/ledgerStore'
import { mergeSetFiles, officeAt } from './officeFixture'


let dir: string
let data: DataDir
let office: OfficeService
const open = (): void => {
  ;({ data, office } = officeAt(dir, '2024-05-20T02:00:00Z', '2024-06-20'))
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slw-numbers-'))
  open()
})
afterEach(async () => {
  await data.close()
})

const receive = async (keep: (name: string) => boolean): Promise<void> => {
  await office.intake.commit((await office.intake.stage(mergeSetFiles(keep))).stageId)
}

describe('问题编号 given at intake', () => {
  it('numbers every enterprise once, per unit from 9001, and keeps the numbers across versions and restarts', async () => {
    await receive((f) => !f.includes('南龙镇-v2'))
    const first = await office.supervision.problems()
    const rows = first.filter((p) => p.state !== '待核实')
    expect(rows.every((p) => /^LXS-2024-\d{3}-9\d{3}$/.test(p.problemNo))).toBe(true)
    // 八坊街道 is t005 (seq 005): its series starts at 9001 and runs without gaps; an enterprise 城南街道 reported
    // too was numbered in the series of the unit whose row came first.
    const bafang = rows.filter((p) => p.unit === '八坊街道').map((p) => p.problemNo).sort()
    const own = bafang.filter((n) => n.startsWith('LXS-2024-005-'))
    expect(own[0]).toBe('LXS-2024-005-9001')
    expect(own.at(-1)).toBe(`LXS-2024-005-${9000 + own.length}`)
    expect(bafang.length - own.length).toBeLessThanOrEqual(2)
    // One enterprise, one number, whichever units report it: 365 rows, 361 enterprises (merge-set/expected.json).
    expect(rows).toHaveLength(365)
    expect(new Set(rows.map((p) => p.problemNo)).size).toBe(361)
    const nanlongBefore = new Map(rows.filter((p) => p.unit === '南龙镇').map((p) => [p.name, p.problemNo]))

    // v2 of 南龙镇 changes two rows, adds one, removes one: the enterprises still there keep their numbers.
    await receive((f) => f === '附件2-南龙镇-v2.xlsx')
    await data.close()
    open()
    const after = (await office.supervision.problems()).filter((p) => p.unit === '南龙镇' && p.state !== '待核实')
    const kept = after.filter((p) => nanlongBefore.has(p.name))
    expect(kept.length).toBeGreaterThan(0)
    for (const p of kept) expect(p.problemNo, p.name).toBe(nanlongBefore.get(p.name))
    const added = after.filter((p) => !nanlongBefore.has(p.name))
    expect(added.map((p) => p.problemNo)).toEqual([`LXS-2024-102-${9000 + nanlongBefore.size + 1}`])

    // A notice to the unit prints the number.
    const items = await office.supervision.noticeCandidates('南龙镇')
    expect(items.length).toBeGreaterThan(0)
    expect(items.filter((i) => !i.issue.includes('重复报送')).every((i) => i.problemNo.startsWith('LXS-2024-102-9'))).toBe(true)
  })
})
