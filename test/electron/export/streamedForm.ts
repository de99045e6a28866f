/** A 明细 form written by writeDetailSheet into a streamed workbook, the way the consolidated workbook streams its sheets. */
import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { DetailSheetInput } from '../../../electron/services/export/detailSheet'
import { writeDetailSheet } from '../../../electron/services/export/detailSheet'
import { rawRowsOf } from '../../../electron/services/export/rawRows'
import { ListSheet } from '../../../electron/services/export/validation'

/** The workbook's bytes, and whether its data rows went out as raw XML (rawRows.ts) rather than exceljs cells. */
export async function streamedForm(name: string, input: DetailSheetInput): Promise<{ bytes: Buffer; raw: boolean }> {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    }
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true })
  const ws = wb.addWorksheet(name)
  const lists = new ListSheet(wb.addWorksheet('_lists'))
  await writeDetailSheet(ws, input, lists)
  const raw = rawRowsOf(ws) !== null
  ws.commit()
  lists.ws.commit()
  await wb.commit()
  return { bytes: Buffer.concat(chunks), raw }
}
