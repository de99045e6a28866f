/**
 * A streamed sheet's data rows are written as raw XML (rawRows.ts), a sheet in memory through exceljs's cells. The
 * two must give the same form: every cell's value and look and every row's height, read back by exceljs and SheetJS.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { DetailSheetInput } from '../../../electron/services/export/detailSheet'
import { writeDetailSheet } from '../../../electron/services/export/detailSheet'
import { rawRowsOf } from '../../../electron/services/export/rawRows'
import { ListSheet } from '../../../electron/services/export/validation'
import { BAFANG_HEADER, formCells, readExcelJs, readSheetJs, sheetRows } from './readBack'
import { streamedForm } from './streamedForm'
import { sampleRecords } from './sampleRecords'

const input: DetailSheetInput = {
  annex: annex2,
  campaign: defaultCampaign,
  rows: sampleRecords(40).map((r) => r.fields),
  header: BAFANG_HEADER,
  blankRows: 3,
  shaded: (k) => (k % 7 === 0 ? 'duplicate' : k % 11 === 0 ? 'error' : null)
}

async function inMemory(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('明细')
  const lists = new ListSheet(wb.addWorksheet('_lists'))
  await writeDetailSheet(ws, input, lists)
  expect(rawRowsOf(ws)).toBeNull()
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function streamed(): Promise<Buffer> {
  const { bytes, raw } = await streamedForm('明细', input)
  expect(raw).toBe(true)
  return bytes
}

describe('raw data rows of a streamed sheet', () => {
  it('give the same form as exceljs cells', async () => {
    const [memory, stream] = [await inMemory(), await streamed()]
    const [a, b] = [await formCells(memory, '明细'), await formCells(stream, '明细')]
    expect(b.length).toBeGreaterThan(input.rows.length + 5)
    expect(b).toEqual(a)
    expect(sheetRows(readSheetJs(stream), '明细')).toEqual(sheetRows(readSheetJs(memory), '明细'))
  })

  it('write dates as the serials of their day, in the date format', async () => {
    const ws = (await readExcelJs(await streamed())).getWorksheet('明细')
    const dated = annex2.columns.findIndex((c) => c.kind === 'date')
    const dates = input.rows.map((f) => f[annex2.columns[dated]?.key ?? ''])
    const k = dates.findIndex((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    expect(k).toBeGreaterThanOrEqual(0)
    const cell = ws?.getRow(6 + k).getCell(dated + 1)
    expect(cell?.value).toEqual(new Date(`${String(dates[k])}T00:00:00Z`))
    expect(cell?.numFmt).toBe('yyyy"年"m"月"d"日"')
  })
})
