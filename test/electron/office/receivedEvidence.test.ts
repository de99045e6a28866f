/**
 * The office takes in a unit's 报送包 like any form (issue 21): staged, then committed whole; the evidence each record
 * came with is shown beside it and read back from the package as kept; 销号 rows without their proof are counted; a
 * photo changed on the way is not served; a zip bomb is refused with nothing written.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { annex3 } from '@shared/annexes/annex3'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { Manifest } from '@shared/evidence/evidencePackage'
import { run as merge } from '../../../electron/cli/commands/merge'
import { EvidenceService } from '../../../electron/services/evidence'
import { writeUnitForm } from '../../../electron/services/annexExport'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { captureOutput } from '../../helpers/captureOutput'
import { sampleRecords } from '../export/sampleRecords'
import { officeAt } from './officeFixture'

const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name))
const { out, err } = captureOutput()
const NOW = new Date('2024-06-27T02:00:00Z')
const closure = { category: '关停取缔', status: '已销号', closeDate: '2024-06-20', tlcWaterDate: '2024-05-14', tlcPowerDate: '2024-05-14', tlcMaterialsNa: '无原料', tlcProductsNa: '无产品', tlcEquipmentNa: '无设备' }

let unitDir: string
let pkg: Buffer
let plain: Buffer
let closeDirs: (() => Promise<void>)[] = []

beforeAll(async () => {
  unitDir = mkdtempSync(join(tmpdir(), 'slw-unit-'))
  const data = new DataDir(unitDir, { appVersion: 'test', campaign: defaultCampaign })
  const [a, b, c] = sampleRecords(3)
  const records = [
    { id: 'r0', fields: { ...a?.fields, ...closure } },
    { id: 'r1', fields: { ...b?.fields, ...closure } },
    { id: 'r2', fields: { ...c?.fields, category: '升级改造', status: '整治中' } }
  ]
  await (await data.ledger('t005')).save({ unitId: 't005', baseGeneration: 0, changes: { upserts: records, deletes: [] } }, '马晓明')
  const store = await data.attachments('t005')
  await store.add({ recordId: 'r0', slot: '两断三清-断水', name: '断水.jpg', bytes: fixture('断水.jpg') }, '马晓明')
  await store.add({ recordId: 'r0', slot: '两断三清-断电', name: '断电.jpg', bytes: fixture('断电.jpg') }, '马晓明')
  await store.add({ recordId: 'r1', slot: '两断三清-断电', name: '断电.jpg', bytes: fixture('断电.jpg') }, '马晓明')
  await store.add({ recordId: 'r2', slot: '整改前', name: '原址.webp', bytes: fixture('原址.webp') }, '马晓明')
  pkg = Buffer.from((await new EvidenceService(data, defaultCampaign, 'test').package('t005', annex3, NOW, '2024-06-27')).data, 'base64')
  plain = (await writeUnitForm(data, { annex: annex3, campaign: defaultCampaign, unitId: 't005', template: false, appVersion: 'test', now: NOW, today: '2024-06-27' })).bytes
  await data.close()
})

afterEach(async () => {
  for (const close of closeDirs) await close()
  closeDirs = []
})

function openOffice(): ReturnType<typeof officeAt> & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'slw-office-'))
  const opened = officeAt(dir, '2024-06-27T08:00:00Z', '2024-06-27')
  closeDirs.push(() => opened.data.close())
  return { ...opened, dir }
}

const upload = (fileName: string, bytes: Buffer): { fileName: string; data: string } => ({ fileName, data: bytes.toString('base64') })
const manifestOf = (zip: Buffer): Manifest => JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(zip))['manifest.json'])) as Manifest

describe('a 报送包 at the office', () => {
  it('is taken in like a form, its evidence beside each record, 销号 rows without their proof counted', async () => {
    const { office } = openOffice()
    const stage = await office.intake.stage([upload('八坊街道-附件3-报送包.zip', pkg)])
    expect(stage.files.map((f) => [f.unit, f.annex, f.status, f.accepted, f.evidence])).toEqual([['八坊街道', 'annex3', 'accepted', 3, { files: 4, mismatched: 0 }]])
    const view = await office.intake.commit(stage.stageId).then(() => office.received.view('annex3'))
    const { records, ...counts } = view.evidence
    expect(counts).toEqual({ closed: 2, closedWithoutProof: 1, closedNotCarried: 0, mismatched: 0 })
    expect(records.map((r) => [r.problemNo, r.category, r.closed, r.evidence.map((e) => e.slot), r.missing])).toEqual([
      ['LXS-2024-005-0001', '关停取缔', true, ['两断三清-断水', '两断三清-断电'], []],
      ['LXS-2024-005-0002', '关停取缔', true, ['两断三清-断电'], ['两断三清-断水']],
      ['LXS-2024-005-0003', '升级改造', false, ['整改前'], []]
    ])
    // The photo shown is the one in the package as kept, byte for byte.
    const water = records[0]?.evidence[0]
    const shown = await office.evidence.file(records[0]?.sha256 as string, water?.sha256 as string)
    expect(Buffer.from(shown.data, 'base64').equals(fixture('断水.jpg'))).toBe(true)
  })

  it('reads 未随附 for the same form sent as a plain workbook', async () => {
    const { office } = openOffice()
    await office.intake.commit((await office.intake.stage([upload('附件3-八坊街道.xlsx', plain)])).stageId)
    const { evidence } = await office.received.view('annex3')
    expect([evidence.closed, evidence.closedWithoutProof, evidence.closedNotCarried]).toEqual([2, 0, 2])
    expect(evidence.records.map((r) => [r.carried, r.evidence.length, r.missing.length])).toEqual([
      [false, 0, 2],
      [false, 0, 2]
    ])
  })

  it('does not take a photo changed on the way as proof, nor show it', async () => {
    const { office } = openOffice()
    const files = unzipSync(new Uint8Array(pkg))
    const water = manifestOf(pkg).evidence[0] as Manifest['evidence'][number]
    const changed = new Uint8Array(files[water.path] as Uint8Array)
    changed[changed.length - 10] = (changed[changed.length - 10] as number) ^ 0xff
    const tampered = Buffer.from(zipSync({ ...files, [water.path]: changed }))
    const stage = await office.intake.stage([upload('八坊街道-报送包.zip', tampered)])
    expect(stage.files[0]?.evidence).toEqual({ files: 4, mismatched: 1 })
    expect(stage.files[0]?.issues.find((i) => i.code === 'EVIDENCE_MISMATCH')?.message).toContain('“断水.jpg”（两断三清-断水）与清单记载的校验值不符')
    await office.intake.commit(stage.stageId)
    const { evidence } = await office.received.view('annex3')
    expect([evidence.closedWithoutProof, evidence.mismatched]).toEqual([2, 1])
    expect(evidence.records[0]?.missing).toEqual(['两断三清-断水'])
    await expect(office.evidence.file(evidence.records[0]?.sha256 as string, water.sha256)).rejects.toThrow('与清单记载的校验值不符，不能显示')
  })

  it('refuses a package that is a zip bomb, writing nothing', async () => {
    const { office, dir } = openOffice()
    const bomb = Buffer.from(zipSync({ ...unzipSync(new Uint8Array(pkg)), 'evidence/炸弹.jpg': new Uint8Array(200 * 1024 * 1024) }))
    const stage = await office.intake.stage([upload('炸弹-报送包.zip', bomb)])
    expect(stage.files.map((f) => [f.status, f.issues.map((i) => i.code)])).toEqual([['rejected', ['ZIP_BOMB']]])
    expect(readdirSync(join(dir, 'office', 'files'))).toEqual([])
    expect(readdirSync(join(dir, 'office'))).not.toContain('registry.json')
  })

  it('is merged by slw merge, which says which 销号 rows lack their proof', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slw-merge-pkg-'))
    writeFileSync(join(dir, '八坊街道-报送包.zip'), pkg)
    expect(await merge([dir, '--annex', 'annex3', '--out', join(dir, '汇总.xlsx'), '--report', join(dir, '报告.json')])).toBe(0)
    expect(err).toEqual([])
    expect(out.join('')).toContain('已销号 2 条：报送包中缺少销号佐证 1 条，仅报送表格、佐证未随附 0 条')
    const report = JSON.parse(readFileSync(join(dir, '报告.json'), 'utf8')) as { rowCount: number; evidence: { closedWithoutProof: number } }
    expect([report.rowCount, report.evidence.closedWithoutProof]).toEqual([3, 1])
  })
})
