import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { huikan } from '@shared/annexes/huikan'
import { defaultCampaign } from '@shared/campaign/campaign'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { readSubmission } from '../../../electron/services/merge/readSubmission'
import { OfficeService } from '../../../electron/services/office/officeService'
import { DataDir } from '../../../electron/services/storage/ledgerStore'

const mergeSet = resolve(import.meta.dirname, '../../fixtures/annex2/merge-set')
let data: DataDir | undefined
afterEach(async () => {
  await data?.close()
})

/** 城郊镇's 回头看台账: one enterprise closed in 2023 that reappears in the 2024 摸底 of two units (spelled differently). */
async function huikanExport(): Promise<{ fileName: string; data: string }> {
  const bytes = (await writeAnnexWorkbook({
    annex: huikan,
    campaign: defaultCampaign,
    records: [
      {
        id: 'hk1',
        problemNo: '',
        fields: { track: 'huikan', town: '城郊镇', name: '临夏市嘉禾建材厂', address: '临夏市城郊镇王坪村民主东路256号', uscc: '91622901MA7B8HHWGC', operator: '马海龙', hkCategory2023: '关停取缔', hkClosedDate: '2023-09-01' }
      }
    ],
    header: { unitName: '城郊镇', filler: '鲁春花', phone: '0930-6300000', filledDate: '2024-04-28' },
    appVersion: 'test',
    now: new Date('2024-04-28T02:00:00Z')
  })).bytes
  return { fileName: '回头看台账-城郊镇.xlsx', data: bytes.toString('base64') }
}

describe('疑似死灰复燃 at the office', () => {
  it('flags the 2024 rows of any unit that match a unit\'s 2023 closed item', async () => {
    data = new DataDir(mkdtempSync(join(tmpdir(), 'slw-office-res-')), { appVersion: 'test', campaign: defaultCampaign })
    const office = new OfficeService(data, defaultCampaign, (b, name, at) => readSubmission(b, name, at, defaultCampaign), 'test')
    const files = readdirSync(mergeSet).filter((f) => f.endsWith('.xlsx')).map((f) => ({ fileName: f, data: readFileSync(join(mergeSet, f)).toString('base64') }))
    const stage = await office.intake.stage([...files, await huikanExport()])
    expect(stage.files.find((f) => f.file === '回头看台账-城郊镇.xlsx')).toMatchObject({ annex: 'huikan', status: 'accepted' })
    const view = await office.intake.commit(stage.stageId)
    expect(view.resurgence.map((r) => r.unit).sort()).toEqual(['城郊镇', '枹罕镇'])
    expect(view.resurgence[0]?.message).toContain('疑似死灰复燃：与2023年已销号')
    expect(view.rowCount).toBe(365)
    expect((await office.received.view('annex3')).resurgence).toEqual([])
  })
})
