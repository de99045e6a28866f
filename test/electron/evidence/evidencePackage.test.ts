/**
 * The 报送包 (issue 21): the unit's form with the evidence of its records and a manifest of sha256, made by the
 * service and by `slw package`, read back by the reader every intake uses; a photo changed on the way is named, a
 * package that is a zip bomb or climbs out of its folder is refused before anything in it is used.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { annex3 } from '@shared/annexes/annex3'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { Manifest } from '@shared/evidence/evidencePackage'
import { run as check } from '../../../electron/cli/commands/check'
import { run as makePackage } from '../../../electron/cli/commands/package'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { EvidenceService } from '../../../electron/services/evidence'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { captureOutput } from '../../helpers/captureOutput'
import { sampleRecords } from '../export/sampleRecords'

const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name))
const { out } = captureOutput()
let dir: string
let pkg: Buffer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slw-package-'))
  const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  const ledger = await data.ledger('t005')
  const records = sampleRecords(4).map((r, i) => ({ id: `r${i}`, fields: { ...r.fields, category: i === 0 ? '关停取缔' : r.fields['category'] } }))
  await ledger.save({ unitId: 't005', baseGeneration: 0, changes: { upserts: records, deletes: [] } }, '马晓明')
  const store = await data.attachments('t005')
  await store.add({ recordId: 'r0', slot: '两断三清-断水', name: '断水.jpg', bytes: fixture('断水.jpg') }, '马晓明')
  await store.add({ recordId: 'r0', slot: '两断三清-断电', name: '断电.jpg', bytes: fixture('断电.jpg') }, '马晓明')
  await store.add({ recordId: 'r1', slot: '验收材料', name: '核查记录.pdf', bytes: fixture('两断三清核查记录.pdf') }, '马晓明')
  pkg = Buffer.from((await new EvidenceService(data, defaultCampaign, 'test').package('t005', annex3, new Date('2024-06-27T02:00:00Z'), '2024-06-27')).data, 'base64')
  await data.close()
})

const entries = (): Record<string, Uint8Array> => unzipSync(new Uint8Array(pkg))
const manifest = (): Manifest => JSON.parse(new TextDecoder().decode(entries()['manifest.json'])) as Manifest
const rezip = (files: Record<string, Uint8Array>): Buffer => Buffer.from(zipSync(files))

describe('a 报送包', () => {
  it('holds the form, each file once under its sha256, and a manifest naming every file with its record', () => {
    const m = manifest()
    expect(m).toMatchObject({ format: 'slw-evidence-package', version: 1, unit: '八坊街道', annex: 'annex3', form: { file: '附件3-八坊街道-20240627.xlsx' } })
    expect(m.evidence.map((e) => [e.problemNo, e.slot, e.name, e.takenAt])).toEqual([
      ['LXS-2024-005-0001', '两断三清-断水', '断水.jpg', '2024-05-14 10:23:45'],
      ['LXS-2024-005-0001', '两断三清-断电', '断电.jpg', '2024-05-14 10:41:02'],
      ['LXS-2024-005-0002', '验收材料', '核查记录.pdf', null]
    ])
    expect(Object.keys(entries()).sort()).toEqual(['manifest.json', '附件3-八坊街道-20240627.xlsx', ...m.evidence.map((e) => e.path)].sort())
  })

  it('reads as its form, with the evidence checked against the manifest', async () => {
    const r = await readAnnexWorkbook(pkg, '报送包.zip', { annex: 'auto' })
    expect(r).toMatchObject({ file: '报送包.zip', annex: 'annex3', unit: '八坊街道', rowCount: 4 })
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(r.evidence?.map((e) => [e.name, e.ok])).toEqual([['断水.jpg', true], ['断电.jpg', true], ['核查记录.pdf', true]])
  })

  it('names a photo changed on the way, and a file the manifest does not list', async () => {
    const files = entries()
    const water = manifest().evidence[0]?.path as string
    const changed = new Uint8Array(files[water] as Uint8Array)
    changed[changed.length - 10] = (changed[changed.length - 10] as number) ^ 0xff
    const r = await readAnnexWorkbook(rezip({ ...files, [water]: changed, 'evidence/多出来的.jpg': fixture('断电.jpg') }), '报送包.zip', { annex: 'auto' })
    expect(r.evidence?.map((e) => [e.name, e.ok])).toEqual([['断水.jpg', false], ['断电.jpg', true], ['核查记录.pdf', true]])
    expect(r.issues.filter((i) => i.code === 'EVIDENCE_MISMATCH').map((i) => i.message)).toEqual([
      '报送包“报送包.zip”中问题编号 LXS-2024-005-0001 的佐证材料“断水.jpg”（两断三清-断水）与清单记载的校验值不符，可能在报送途中被改动，该材料不予采信，请与报送单位核实'
    ])
    expect(r.issues.find((i) => i.code === 'PACKAGE_FILE_CHANGED')?.message).toContain('有清单未列出的文件（evidence/多出来的.jpg）')
    expect(r.ok).toBe(false)
    // The form itself is still read: the rows are there.
    expect(r.rowCount).toBe(4)
  })

  it('is refused whole when it is a zip bomb, climbs out of its folder, or has no usable manifest', async () => {
    const files = entries()
    const bomb = rezip({ ...files, 'evidence/炸弹.jpg': new Uint8Array(200 * 1024 * 1024) })
    expect((await readAnnexWorkbook(bomb, '炸弹.zip', { annex: 'auto' })).issues.map((i) => i.code)).toEqual(['ZIP_BOMB'])
    const climbing = rezip({ ...files, '../../外面.txt': strToU8('x') })
    expect((await readAnnexWorkbook(climbing, '越界.zip', { annex: 'auto' })).issues.map((i) => i.code)).toEqual(['ZIP_UNSAFE_PATH'])
    const noForm = rezip({ 'manifest.json': files['manifest.json'] as Uint8Array })
    expect((await readAnnexWorkbook(noForm, '无表.zip', { annex: 'auto' })).issues[0]?.message).toBe('报送包“无表.zip”中缺少清单所列的表格“附件3-八坊街道-20240627.xlsx”，请报送单位在程序中重新导出报送包')
    const badManifest = rezip({ ...files, 'manifest.json': strToU8('{"format":"other"}') })
    expect((await readAnnexWorkbook(badManifest, '清单.zip', { annex: 'auto' })).issues[0]?.message).toContain('的清单（manifest.json）无法识别')
  })

  it('comes from slw package and is checked by slw check', async () => {
    const file = join(dir, '报送包.zip')
    expect(await makePackage(['--data', dir, '--unit', '八坊街道', '--annex', 'annex3', '--out', file])).toBe(0)
    expect(out.join('')).toContain(`已生成八坊街道的报送包（附件3和佐证材料）：${file}`)
    out.length = 0
    expect(await check([file, '--json'])).toBe(0)
    const result = JSON.parse(out.join('')) as { annex: string; evidence: { name: string; ok: boolean }[] }
    expect(result.annex).toBe('annex3')
    expect(result.evidence.map((e) => e.ok)).toEqual([true, true, true])
    const files = unzipSync(new Uint8Array(readFileSync(file)))
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest
    const pdf = m.evidence[2]?.path as string
    writeFileSync(file, rezip({ ...files, [pdf]: fixture('断水.jpg') }))
    out.length = 0
    expect(await check([file])).toBe(1)
    expect(out.join('')).toContain('佐证材料：3 份，其中 1 份校验不符')
  })
})
