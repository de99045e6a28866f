import { mkdtempSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { readAnnexWorkbook } from '../../electron/services/import/readAnnexWorkbook'
import { ImportStager } from '../../electron/services/ledgerImport'
import { handMadeXlsx } from '../helpers/handMadeForms'
import { DataDir } from '../../electron/services/storage/ledgerStore'

const fixtures = resolve(import.meta.dirname, '../fixtures/annex2')
let dir: string
let data: DataDir
let stager: ImportStager

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slw-import-'))
  data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  stager = new ImportStager(data, defaultCampaign, (b, name, annex) => readAnnexWorkbook(b, name, { annex }))
})
afterEach(async () => {
  await data.close()
})

const fixture = (name: string): Promise<Buffer> => readFile(join(fixtures, name))

describe('staged import into a unit ledger', () => {
  it('a preview writes nothing; the commit applies it in one save after a backup', async () => {
    const store = await data.ledger('t005')
    const preview = await stager.preview('t005', 'clean-bafang.xlsx', await fixture('clean-bafang.xlsx'))
    expect(preview).toMatchObject({ refused: false, unit: '八坊街道', otherUnit: false, counts: { rows: 30, new: 30, changed: 0 } })
    expect(store.generation).toBe(0)
    const done = await stager.commit('t005', preview.stageId, false, '马晓明')
    expect(done.view.records).toHaveLength(30)
    expect(store.generation).toBe(1)
    // The second import of the same file changes nothing and takes a pre-import backup of the saved ledger.
    const again = await stager.preview('t005', 'clean-bafang.xlsx', await fixture('clean-bafang.xlsx'))
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 30 })
    expect((await stager.commit('t005', again.stageId, false, '马晓明')).summary).toContain('没有需要导入的修改')
    expect(store.generation).toBe(1)
  })

  it('refuses to commit a preview the ledger has moved past, or another unit\'s file without confirmation', async () => {
    const store = await data.ledger('t005')
    const preview = await stager.preview('t005', 'bad-values.xlsx', await fixture('bad-values.xlsx'))
    expect(preview.otherUnit).toBe(true)
    await expect(stager.commit('t005', preview.stageId, false, '马')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await store.save({ unitId: 't005', baseGeneration: 0, changes: { upserts: [{ id: 'x', fields: { name: '甲' } }], deletes: [] } }, '马')
    await expect(stager.commit('t005', preview.stageId, true, '马')).rejects.toMatchObject({ code: 'STALE' })
    expect(store.view().records).toHaveLength(1)
  })

  it('a refused file cannot be committed', async () => {
    const preview = await stager.preview('t005', 'bomb.xlsx', await fixture('bomb.xlsx'))
    expect(preview.refused).toBe(true)
    expect(preview.issues.map((i) => i.code)).toEqual(['ZIP_BOMB'])
    await expect(stager.commit('t005', preview.stageId, false, '马')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('undo puts the ledger back exactly, and only while nothing else was saved', async () => {
    const store = await data.ledger('t005')
    await store.save({ unitId: 't005', baseGeneration: 0, changes: { upserts: [{ id: 'mine', fields: { name: '临夏市万通汽车服务有限责任公司', uscc: '91622901MA7FLD4EN1', address: '旧地址' } }], deletes: [] } }, '马')
    const before = store.view().records
    const preview = await stager.preview('t005', 'clean-bafang.xlsx', await fixture('clean-bafang.xlsx'))
    expect(preview.counts).toMatchObject({ new: 29, changed: 1 })
    await stager.commit('t005', preview.stageId, false, '马')
    expect(readdirSync(join(dir, 'units/t005/backups')).some((f) => f.includes('pre-import'))).toBe(true)
    const undone = await stager.undo('t005', preview.stageId, '马')
    expect(undone.records.map((r) => [r.id, r.fields])).toEqual(before.map((r) => [r.id, r.fields]))

    const second = await stager.preview('t005', 'clean-bafang.xlsx', await fixture('clean-bafang.xlsx'))
    await stager.commit('t005', second.stageId, false, '马')
    await store.save({ unitId: 't005', baseGeneration: store.generation, changes: { upserts: [{ id: 'later', fields: { name: '乙' } }], deletes: [] } }, '马')
    await expect(stager.undo('t005', second.stageId, '马')).rejects.toMatchObject({ code: 'STALE' })
  })
})

describe('an assignment of columns, remembered for the header row', () => {
  it('maps next week’s file with the same headers from one parse of it', async () => {
    let parses = 0
    const counted = new ImportStager(data, defaultCampaign, (b, name, annex, columns) => {
      parses++
      return readAnnexWorkbook(b, name, { annex, ...columns })
    })
    const list = (rows: (string | number)[][]): Promise<Buffer> =>
      handMadeXlsx({ title: '八坊街道排查清单', unitLine: null, cols: ['序号', '企业名称', '经营场所', '存在的主要问题'], rows })
    const first = await counted.preview('t005', '第1周.xlsx', await list([[1, '临夏市祥和石材加工厂', '八坊街道王寺街38号', '无喷淋降尘设施']]), undefined, { 经营场所: 'address' })
    expect(first.remembered).toBe(false)
    await counted.commit('t005', first.stageId, false, '马晓明')
    parses = 0
    const next = await counted.preview('t005', '第2周.xlsx', await list([[1, '临夏市兴旺食品加工坊', '八坊街道大南岔社区5号', '燃煤炉灶无治理设施']]))
    expect([next.remembered, next.mapping, parses]).toEqual([true, { 经营场所: 'address' }, 1])
    const done = await counted.commit('t005', next.stageId, false, '马晓明')
    expect(done.view.records.find((r) => r.fields['name'] === '临夏市兴旺食品加工坊')?.fields['address']).toBe('八坊街道大南岔社区5号')
  })
})
