/**
 * 一企一档 (issue 21): a 关停取缔 record taken through its steps with photos and a PDF attached, exported as Word by
 * the service and by `slw dossier`; the document lists every part, the 两断三清 table, the steps with who and when,
 * the 销号 approval and the photos with their captions, and prints through LibreOffice.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { defaultCampaign } from '@shared/campaign/campaign'
import { run } from '../../../electron/cli/commands/dossier'
import { EvidenceService } from '../../../electron/services/evidence'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { captureOutput } from '../../helpers/captureOutput'
import { compact, docxPart, paragraphsOf, printDocx, printFolder } from '../documents/docxXml'
import { sampleRecords } from '../export/sampleRecords'

const fixture = (name: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../fixtures/evidence', name))
const { out } = captureOutput()
const prints = printFolder('slw-dossier-print-')
let dir: string
let docx: Buffer
let name: string

/** 八坊街道's ledger: two records, the first a 关停取缔 taken to 销号 step by step, with its evidence. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slw-dossier-'))
  const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  const ledger = await data.ledger('t005')
  const [first, second] = sampleRecords(2)
  if (!first || !second) throw new Error('sample')
  name = String(first.fields['name'])
  const save = async (id: string, fields: Record<string, string>): Promise<void> => {
    const base = ledger.view().records.find((r) => r.id === id)?.fields ?? (id === 'a' ? first.fields : second.fields)
    await ledger.save({ unitId: 't005', baseGeneration: ledger.generation, changes: { upserts: [{ id, fields: { ...base, ...fields } }], deletes: [] } }, '马晓明')
  }
  await save('a', { category: '关停取缔', measures: '依法关停取缔，实施“两断三清”', status: '已登记' })
  await save('b', {})
  await save('a', { status: '已停产', stoppedFirst: '是', stopDate: '2024-05-13' })
  await save('a', { status: '已完成', tlcWaterDate: '2024-05-14', tlcWaterMethod: '拆除水表', tlcPowerDate: '2024-05-14', tlcMaterialsNa: '无原料', tlcProductsNa: '无成品', tlcEquipmentDate: '2024-05-15', tlcInspector: '马进', tlcInspectDate: '2024-05-15', completeDate: '2024-05-15' })
  await save('a', { caseFiled: '是', caseDate: '2024-05-14', decisionNo: '临市环罚〔2024〕3号', decisionDate: '2024-05-16', fineAmount: '1.20' })
  await save('a', { status: '已验收', acceptDate: '2024-05-16', acceptDept: '市生态环境局', acceptResult: '合格' })
  const store = await data.attachments('t005')
  for (const [slot, file] of [['两断三清-断水', '断水.jpg'], ['两断三清-断电', '断电.jpg'], ['两断三清-清除设备', '清除设备.png'], ['原址处置', '原址.webp'], ['验收材料', '两断三清核查记录.pdf']] as const) {
    await store.add({ recordId: 'a', slot, name: file, bytes: fixture(file) }, '马晓明')
  }
  await save('a', { status: '已销号', closeDate: '2024-05-17', closeApprover: '马主任', closeApproverTitle: '八坊街道办事处副主任', evidence: '随附佐证材料5份' })
  docx = Buffer.from((await new EvidenceService(data, defaultCampaign, 'test').dossier('t005', { id: 'a' }, new Date('2024-05-17T02:00:00Z'))).data, 'base64')
  await data.close()
})

describe('一企一档', () => {
  it('holds every part of the record, its steps with who and when, and its photos with captions', () => {
    const text = paragraphsOf(docxPart(docx)).map((p) => p.text)
    expect(text[0]).toBe(`${name}“一企一档”`)
    expect(text).toContain('填报单位：八坊街道　　问题编号：LXS-2024-005-0001')
    // Numbered as the record has them: no 回头看 part for a record never reopened.
    expect(text.filter((t) => /^[一二三四五六七八九十]+、/.test(t))).toEqual(['一、基本情况', '二、存在问题及整治要求', '三、停产与整治', '四、立案查处', '五、验收与销号', '六、两断三清', '七、办理过程', '八、佐证材料'])
    expect(text.join('|')).toContain('销号审核人|马主任|审核人职务|八坊街道办事处副主任')
    expect(text.join('|')).toContain('断水|已完成|2024-05-14|拆除水表')
    expect(text.join('|')).toContain('清除原料|不涉及（无原料）')
    expect(text.filter((t) => t.startsWith('状态：'))).toEqual(['状态：已登记 → 已停产', '状态：已停产 → 已完成', '状态：已完成 → 已验收', '状态：已验收 → 已销号'])
    expect(text.filter((t) => /^图\d/.test(t))).toEqual([
      '图1　两断三清-断水　断水.jpg　拍摄于 2024-05-14 10:23:45',
      '图2　两断三清-断电　断电.jpg　拍摄于 2024-05-14 10:41:02',
      '图3　两断三清-清除设备　清除设备.png',
      '图4　原址处置　原址.webp（WebP 图片，见电子档案）',
      '图5　验收材料　两断三清核查记录.pdf（PDF 文件，见电子档案）'
    ])
    // The three photos Word can show are in the document, as they were attached.
    const media = Object.entries(unzipSync(new Uint8Array(docx))).filter(([path]) => path.startsWith('word/media/') && !path.endsWith('/'))
    const sizes = (list: number[]): number[] => list.sort((a, b) => a - b)
    expect(sizes(media.map(([, bytes]) => bytes.length))).toEqual(sizes([fixture('断水.jpg').length, fixture('断电.jpg').length, fixture('清除设备.png').length]))
  })

  it('prints through LibreOffice with the title on page 1 and the captions after the photos', async () => {
    const { pages, text } = await printDocx(prints(), 'dossier', docx)
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(compact(text[0] ?? '')).toContain(compact(`${name}“一企一档”`))
    expect(compact(text.join(''))).toContain(compact('图3　两断三清-清除设备　清除设备.png'))
  })

  it('comes from slw dossier too, for one 问题编号 or the whole unit', async () => {
    const file = join(dir, 'one.docx')
    expect(await run(['--data', dir, '--unit', '八坊街道', '--record', 'LXS-2024-005-0001', '--out', file])).toBe(0)
    expect(out.join('')).toContain(`已生成八坊街道问题编号 LXS-2024-005-0001的一企一档：${file}`)
    expect(paragraphsOf(docxPart(readFileSync(file))).filter((p) => p.text.endsWith('“一企一档”'))).toHaveLength(1)
    const all = join(dir, 'all.docx')
    expect(await run(['--data', dir, '--unit', '八坊街道', '--out', all])).toBe(0)
    expect(paragraphsOf(docxPart(readFileSync(all))).filter((p) => p.text.endsWith('“一企一档”'))).toHaveLength(2)
    expect(await run(['--data', dir, '--unit', '八坊街道', '--record', 'LXS-2024-005-0099', '--out', file])).toBe(1)
  })
})
