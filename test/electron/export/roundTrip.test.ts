/** Our own importer must read our export back exactly, and find the rows edited by hand since. */
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import type { RecordFields } from '@shared/ledger/record'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { canonicalRecordHash, META_SHEET, parseExportMeta } from '../../../electron/services/export/meta'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { BAFANG_HEADER, exportInput, readExcelJs, readSheetJs, sheetRows } from './readBack'
import { sampleRecords } from './sampleRecords'

describe('export → import', () => {
  const records = sampleRecords(30)

  it('reads back every record unchanged, with the 填报单位 line', async () => {
    const result = await readAnnexWorkbook(await writeAnnexWorkbook(exportInput(records)), '附件2-八坊街道.xlsx')
    expect(result).toMatchObject({ ok: true, annex: 'annex2', unit: '八坊街道', unitSource: 'header_line', issues: [] })
    const { filledDate, filler, phone } = BAFANG_HEADER
    expect(result).toMatchObject({ filledDate, filler, phone, rowCount: records.length })
    expect(result.rows.map((r) => r.rowNumber)).toEqual(records.map((_, i) => 6 + i))
    expect(result.rows.flatMap((r) => r.issues)).toEqual([])
    const hashes = (rows: readonly { fields: RecordFields }[]): string[] =>
      rows.map((r) => canonicalRecordHash(annex2, r.fields))
    expect(hashes(result.rows)).toEqual(hashes(records))
  })

  it('tells the rows edited after the export from the untouched ones', async () => {
    const bytes = await writeAnnexWorkbook(exportInput(records))
    const meta = parseExportMeta(sheetRows(readSheetJs(bytes), META_SHEET))
    const wb = await readExcelJs(bytes)
    wb.getWorksheet(annex2.sheetName)!.getCell('D8').value = '临夏市改名后的汽车修理部'
    const edited = Buffer.from(await wb.xlsx.writeBuffer())

    const result = await readAnnexWorkbook(edited, 'edited.xlsx')
    const exported = new Map(meta?.records.map((m) => [m.row, m.contentHash]))
    const changedRows = result.rows
      .filter((row) => exported.get(row.rowNumber) !== canonicalRecordHash(annex2, row.fields))
      .map((row) => row.rowNumber)
    expect(changedRows).toEqual([8])
  })

  it('does not take a blank template for data', async () => {
    const result = await readAnnexWorkbook(await writeAnnexWorkbook(exportInput([])), 'template.xlsx')
    expect(result.rowCount).toBe(0)
    expect(result.issues.map((i) => i.code)).toEqual(['NO_DATA_ROWS'])
  })
})
