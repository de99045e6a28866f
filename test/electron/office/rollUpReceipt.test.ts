/**
 * A roll-up keeps who reported (issue 20, finding 7): a city office that takes in a county's consolidated workbook
 * counts each unit whose rows it carries as received, in 报送情况, on the dashboard and in who is behind.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { DataDir } from '../../../electron/services/storage/ledgerStore'
import { mergeSetFiles, officeAt } from './officeFixture'

const open: DataDir[] = []
const office = (today: string): ReturnType<typeof officeAt>['office'] => {
  const o = officeAt(mkdtempSync(join(tmpdir(), 'slw-rollup-')), `${today}T02:00:00Z`, today)
  open.push(o.data)
  return o.office
}
afterAll(async () => {
  for (const d of open) await d.close()
})

describe('a consolidation received again', () => {
  it('counts every unit whose rows it carries as received, and none of them as behind for it', async () => {
    const county = office('2024-05-09')
    const five = /城南街道|城北街道|东关街道|西关街道|八坊街道/
    await county.intake.commit((await county.intake.stage(mergeSetFiles((f) => five.test(f)))).stageId)
    const rollUp = await county.intake.exportWorkbook({ filler: '王主任', phone: '0930-6210000' })

    const city = office('2024-05-12')
    await city.intake.commit((await city.intake.stage([rollUp])).stageId)
    const d = await city.reports.dashboard()
    expect(d.reporting.find((r) => r.id === 'annex2')).toMatchObject({ expected: 11, received: 5 })
    const owingAnnex2 = d.behind.filter((b) => b.items.some((i) => i.id === 'annex2')).map((b) => b.unit)
    expect(owingAnnex2).toEqual(['红园街道', '东区街道', '城郊镇', '枹罕镇', '南龙镇', '折桥镇'])
    const view = await city.received.view()
    const status = view.reporting.find((r) => r.id === 'annex2')
    expect(status?.units.filter((u) => u.received).map((u) => [u.unit, u.received?.file])).toEqual(
      ['城南街道', '城北街道', '东关街道', '西关街道', '八坊街道'].map((u) => [u, rollUp.fileName])
    )
  })
})
