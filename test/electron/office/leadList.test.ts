/** A department's own list: the problems it leads across towns, exported by the office as 附件2 and read back. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import type { OfficeService } from '../../../electron/services/office/officeService'
import type { DataDir } from '../../../electron/services/storage/ledgerStore'
import { mergeSetFiles, officeAt } from './officeFixture'

let data: DataDir
let office: OfficeService
const contact = { filler: '王主任', phone: '0930-6210000' }

beforeAll(async () => {
  ;({ data, office } = officeAt(mkdtempSync(join(tmpdir(), 'slw-lead-')), '2024-05-20T02:00:00Z', '2024-05-20'))
  await office.intake.commit((await office.intake.stage(mergeSetFiles())).stageId)
})
afterAll(async () => {
  await data.close()
})

describe('a 牵头单位’s problem list', () => {
  it('holds every problem of every town the department is 行业主管部门 of, with its 问题编号', async () => {
    const expected = (await office.reports.dashboard()).leads.find((l) => l.unit === '市工信局')?.problems
    const file = await office.reports.exportLeadList('市工信局', contact)
    expect(file.fileName).toBe('附件2-市工信局牵头-20240520.xlsx')
    const read = await readAnnexWorkbook(Buffer.from(file.data, 'base64'), file.fileName, { campaign: defaultCampaign })
    expect(read.rows).toHaveLength(expected ?? -1)
    expect(new Set(read.rows.map((r) => r.fields['leadDept']))).toEqual(new Set(['市工信局']))
    expect(new Set(read.rows.map((r) => r.fields['town'])).size).toBeGreaterThan(3)
    expect(read.rows.every((r) => /^LXS-2024-\d{3}-9\d{3}$/.test(r.problemNo ?? ''))).toBe(true)
  })

  it('refuses a town, and a department that leads nothing', async () => {
    await expect(office.reports.exportLeadList('城南街道', contact)).rejects.toMatchObject({ message: '“城南街道”不是本次整治工作中的部门。' })
    await expect(office.reports.exportLeadList('市消防大队', contact)).rejects.toMatchObject({ message: '汇总中没有市消防大队牵头（行业主管部门为市消防大队）的问题。' })
  })
})
