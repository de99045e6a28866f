/** Our own importer must read our export back exactly, keep record ids, and find the rows edited by hand since. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign, towns } from '@shared/campaign/campaign'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'
import { formatProblemNo } from '@shared/ledger/record'
import { optionsOf } from '@shared/validation/validateRecord'
import { usccCheckChar } from '@shared/domain/uscc'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { canonicalRecordHash, checkCodeOf, exportFileHash, META_FORMAT_VERSION } from '../../../electron/services/export/meta'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { BAFANG_HEADER, exportInput, readExcelJs } from './readBack'
import { sampleRecords } from './sampleRecords'

const byKey = (rows: readonly { fields: RecordFields }[]): RecordFields[] => rows.map((r) => r.fields)

describe('export → import', () => {
  const records = sampleRecords(30)

  it('reads back every record unchanged, with its record id, 问题编号 and the 填报单位 line', async () => {
    const result = await readAnnexWorkbook((await writeAnnexWorkbook(exportInput(records))).bytes, '附件2-八坊街道.xlsx')
    expect(result).toMatchObject({ ok: true, annex: 'annex2', unit: '八坊街道', unitSource: 'header_line', issues: [] })
    const { filledDate, filler, phone } = BAFANG_HEADER
    expect(result).toMatchObject({ filledDate, filler, phone, rowCount: records.length })
    expect(result.ownExport).toMatchObject({ consistent: true, edited: 0, added: 0, removed: 0, unitName: '八坊街道' })
    expect(result.rows.map((r) => [r.rowNumber, r.recordId, r.problemNo])).toEqual(records.map((r, i) => [6 + i, r.id, r.problemNo]))
    expect(byKey(result.rows)).toEqual(byKey(records))
  })

  it('reports the rows edited, added and removed by hand after the export', async () => {
    const wb = await readExcelJs((await writeAnnexWorkbook(exportInput(records))).bytes)
    const ws = wb.getWorksheet(annex2.sheetName)!
    ws.getCell('D8').value = '临夏市改名后的汽车修理部'
    ws.spliceRows(20, 1)
    const result = await readAnnexWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'edited.xlsx')
    const found = result.issues.filter((i) => i.code.endsWith('_AFTER_EXPORT')).map((i) => `${i.code}@${i.row ?? 'file'}`)
    expect(found).toEqual(['EDITED_AFTER_EXPORT@8', `REMOVED_AFTER_EXPORT@file`])
    expect(result.issues.find((i) => i.code === 'REMOVED_AFTER_EXPORT')?.message).toContain(records[14]?.problemNo)
    expect(result.rows.find((r) => r.rowNumber === 8)?.recordId).toBe(records[2]?.id)
    expect(result.ownExport).toMatchObject({ edited: 1, removed: 1, added: 0 })
  })

  it('says when the hidden check sheet was altered, or the file comes from a newer program', async () => {
    const wb = await readExcelJs((await writeAnnexWorkbook(exportInput(records))).bytes)
    const meta = wb.getWorksheet('_meta')!
    const versionRow = meta.getColumn(1).values.findIndex((v) => v === 'annexVersion')
    meta.getCell(versionRow, 2).value = annex2.version + 1
    const result = await readAnnexWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'newer.xlsx')
    expect(result.issues.map((i) => i.code)).toEqual(['META_NEWER_VERSION', 'META_INCONSISTENT'])
    expect(result.issues[0]?.message).toBe(`文件“newer.xlsx”工作表“摸底台账”由更新版本的程序导出（附件2第 ${annex2.version + 1} 版，本程序为第 ${annex2.version} 版），新增的列不会导入，请升级程序后再导入`)
  })

  it('still knows files of _meta format version 1: rows unchanged since, and a row edited by hand', async () => {
    // The export as the first release wrote it: version 1, records hashed as [key, value] pairs.
    const wb = await readExcelJs((await writeAnnexWorkbook(exportInput(records))).bytes)
    const meta = wb.getWorksheet('_meta')!
    const keys = meta.getColumn(1).values
    const rowOf = (key: string): number => keys.findIndex((v) => v === key)
    const first = rowOf('recordId') + 1
    const hashes = records.map((r, i) => {
      const contentHash = canonicalRecordHash(annex2, r.fields, 1)
      meta.getCell(first + i, 4).value = contentHash
      return contentHash
    })
    const fileHash = exportFileHash({ ...BAFANG_HEADER, annexId: 'annex2', annexVersion: annex2.version, contentHashes: hashes })
    meta.getCell(rowOf('formatVersion'), 2).value = 1
    meta.getCell(rowOf('fileHash'), 2).value = fileHash
    meta.getCell(rowOf('checkCode'), 2).value = checkCodeOf(fileHash)
    const unchanged = await readAnnexWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'v1.xlsx')
    expect(unchanged.ownExport).toMatchObject({ consistent: true, edited: 0, added: 0, removed: 0 })
    expect(unchanged.rows.map((r) => r.recordId)).toEqual(records.map((r) => r.id))

    wb.getWorksheet(annex2.sheetName)!.getCell('D8').value = '临夏市改名后的汽车修理部'
    const edited = await readAnnexWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'v1-edited.xlsx')
    expect(edited.issues.filter((i) => i.code.endsWith('_AFTER_EXPORT')).map((i) => `${i.code}@${i.row}`)).toEqual([
      'EDITED_AFTER_EXPORT@8'
    ])
  })

  it('reads a file whose _meta is of a later format like a hand-made one, and says so', async () => {
    const wb = await readExcelJs((await writeAnnexWorkbook(exportInput(records))).bytes)
    const meta = wb.getWorksheet('_meta')!
    meta.getCell(meta.getColumn(1).values.findIndex((v) => v === 'formatVersion'), 2).value = META_FORMAT_VERSION + 1
    const result = await readAnnexWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'later.xlsx')
    expect(result.ownExport).toBeUndefined()
    expect(byKey(result.rows)).toEqual(byKey(records))
    expect(result.issues.map((i) => i.code)).toEqual(['META_NEWER_FORMAT'])
    expect(result.issues[0]?.message).toBe(
      `文件“later.xlsx”工作表“摸底台账”由更新版本的程序导出（文件格式第 ${META_FORMAT_VERSION + 1} 版，本程序支持到第 ` +
        `${META_FORMAT_VERSION} 版），已按普通表格导入，导出后的手工修改无法核对；请升级程序后再导入`
    )
  })

  it('does not take a blank template for data', async () => {
    const result = await readAnnexWorkbook((await writeAnnexWorkbook(exportInput([]))).bytes, 'template.xlsx')
    expect(result.rowCount).toBe(0)
    expect(result.issues.map((i) => i.code)).toEqual(['NO_DATA_ROWS'])
  })
})

/** Text a clerk might type: Chinese, digits with leading zeros, formula-looking text, inner line breaks. */
const text = fc
  .array(fc.constantFrom('临', '夏', '市', '厂', '路', '号', '0', '7', 'A', '=', '+', '-', '@', '（', '）', '、', ' ', '\n', '"', "'"), { maxLength: 24 })
  .map((cs) => cs.join('').trim())
const pick = (key: string): fc.Arbitrary<string> => fc.constantFrom('', ...optionsOf(annex2.columns.find((c) => c.key === key)!, defaultCampaign))
const uscc = fc
  .tuple(fc.constantFrom('91', '92', '93'), fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{9}$/))
  .map(([kind, body]) => {
    const first17 = `${kind}622901${body}`
    return first17 + usccCheckChar(first17)
  })
const date = fc.integer({ min: 0, max: 138 }).map((d) => new Date(Date.UTC(2024, 4, 15 + d)).toISOString().slice(0, 10))
const fieldsArb: fc.Arbitrary<RecordFields> = fc.record({
  town: fc.constantFrom(...towns(defaultCampaign).map((u) => u.name)),
  village: text,
  name: text.filter((t) => t !== ''),
  uscc: fc.oneof(uscc, fc.constant('无')),
  operator: text,
  phone: fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.stringMatching(/^0930-\d{7}$/), fc.constant('')),
  address: text,
  sector: pick('sector'),
  industry: text,
  products: text,
  problemTypes: fc.subarray(['散', '乱', '污']),
  problems: text,
  licBusiness: pick('licBusiness'),
  licEia: pick('licEia'),
  licDischarge: pick('licDischarge'),
  licOther: pick('licOther'),
  facilities: pick('facilities'),
  category: pick('category'),
  measures: text,
  deadline: fc.oneof(date, fc.constant('')),
  responsibleUnit: pick('responsibleUnit'),
  leadDept: pick('leadDept'),
  responsiblePerson: text,
  source: pick('source'),
  remarks: text
})

describe('export → import over generated ledgers (property)', () => {
  it('gives back the same records and ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fieldsArb, { minLength: 1, maxLength: 12 }), async (all) => {
        const ledger: LedgerRecord[] = all.map((fields, i) => ({
          id: `rec-${i}`,
          problemNo: formatProblemNo('LXS', 2024, '005', i + 1),
          createdAt: '2024-05-09T00:00:00Z',
          updatedAt: '2024-05-09T00:00:00Z',
          fields
        }))
        const result = await readAnnexWorkbook((await writeAnnexWorkbook(exportInput(ledger))).bytes, 'p.xlsx')
        expect(result.rows.map((r) => r.recordId)).toEqual(ledger.map((r) => r.id))
        expect(byKey(result.rows)).toEqual(byKey(ledger))
        expect(result.issues.filter((i) => i.code.endsWith('_AFTER_EXPORT'))).toEqual([])
      }),
      { numRuns: 30 }
    )
  }, 120_000)
})
