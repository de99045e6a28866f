import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { readSubmission } from '../../../electron/services/merge/readSubmission'
import { OfficeService } from '../../../electron/services/office/officeService'
import { DataDir } from '../../../electron/services/storage/ledgerStore'

const mergeSet = resolve(import.meta.dirname, '../../fixtures/annex2/merge-set')
const files = readdirSync(mergeSet)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => ({ fileName: f, data: readFileSync(join(mergeSet, f)).toString('base64') }))

let dir: string
let data: DataDir
let office: OfficeService
let clock = 0
const open = (): void => {
  data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  office = new OfficeService(data, defaultCampaign, (b, name, at) => readSubmission(b, name, at, defaultCampaign), 'test', () => new Date(Date.UTC(2024, 4, 11) + clock++ * 1000))
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slw-office-'))
  open()
})
afterEach(async () => {
  await data.close()
})

describe('office service over the merge set', () => {
  it('stages without recording, commits whole, and survives a restart', async () => {
    const stage = await office.intake.stage(files)
    expect(stage.files.map((f) => f.status).sort()).toEqual([...Array(11).fill('accepted'), 'superseded'].sort())
    expect((await office.received.view()).submissions).toEqual([])
    const view = await office.intake.commit(stage.stageId)
    expect(view).toMatchObject({ rowCount: 365, distinctProblems: 361, missingUnits: [], exportBlockers: [] })
    expect(view.conflicts).toHaveLength(4)
    expect(view.reporting.find((r) => r.id === 'annex2')?.units.every((u) => u.received)).toBe(true)
    await data.close()
    open()
    expect(await office.received.view()).toMatchObject({ rowCount: 365, distinctProblems: 361 })
  })

  it('a file received again is a duplicate and changes nothing', async () => {
    await office.intake.commit((await office.intake.stage(files)).stageId)
    const before = await office.received.view()
    const again = await office.intake.stage([files[0] as (typeof files)[number]])
    expect(again.files.map((f) => f.status)).toEqual(['duplicate-file'])
    const after = await office.intake.commit(again.stageId)
    expect(after.submissions).toEqual(before.submissions)
    expect(after.equations).toEqual(before.equations)
  })

  it('records decisions (the latest one per conflict counts) and restores a superseded version', async () => {
    await office.intake.commit((await office.intake.stage(files)).stageId)
    const key = 'uscc:91622901MA7B8HHWGC'
    let view = await office.intake.decide({ kind: 'attribute', key, unit: '枹罕镇' }, '王主任')
    view = await office.intake.decide({ kind: 'attribute', key, unit: '城郊镇', note: '两镇交界，属城郊镇' }, '王主任')
    expect(view.conflicts.find((c) => c.group.key === key)?.group.decision).toMatchObject({ kind: 'attribute', unit: '城郊镇', by: '王主任' })
    expect(view.rowCount).toBe(364)
    expect(view.equations.every((e) => e.ok)).toBe(true)

    const v1 = view.submissions.find((s) => s.file === '附件2-南龙镇-v1.xlsx')
    expect(v1?.status).toBe('superseded')
    view = await office.intake.decide({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: v1?.sha256 ?? '' }, '王主任')
    expect(view.submissions.find((s) => s.file === '附件2-南龙镇-v1.xlsx')?.status).toBe('accepted')
    expect(view.submissions.find((s) => s.file === '附件2-南龙镇-v2.xlsx')?.status).toBe('superseded')
  })

  it('exports the consolidated workbook', async () => {
    await office.intake.commit((await office.intake.stage(files)).stageId)
    const out = await office.intake.exportWorkbook({ filler: '王主任', phone: '0930-6210000' })
    expect(out.fileName).toMatch(/^附件2-汇总-\d{8}\.xlsx$/)
    const wb = XLSX.read(Buffer.from(out.data, 'base64'))
    // The office's 填报人 and 联系电话, as on its other forms, not a blank to fill by hand.
    const line = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['汇总'] as XLSX.WorkSheet, { header: 1 })[2]?.join('')
    expect(line).toContain('填报人：王主任')
    expect(line).toContain('联系电话：0930-6210000')
  })
})
