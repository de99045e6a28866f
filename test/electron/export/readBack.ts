/** Reading an exported workbook back the ways other programs will: SheetJS, exceljs and the raw zip entries. */
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { LedgerRecord } from '@shared/ledger/record'
import type { AnnexWorkbookInput } from '../../../electron/services/export/workbook'

export const BAFANG_HEADER = { unitName: '八坊街道', filler: '马XX', phone: '0930-6212345', filledDate: '2024-05-09' }

export function exportInput(records: readonly LedgerRecord[], header = BAFANG_HEADER): AnnexWorkbookInput {
  const now = new Date('2024-05-09T02:30:00Z')
  return { annex: annex2, campaign: defaultCampaign, records, header, appVersion: '0.1.0-test', now }
}

export function readSheetJs(bytes: Buffer): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'buffer', cellStyles: true })
}

export async function readExcelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb
}

/** Text of one entry of the xlsx zip, e.g. xl/worksheets/sheet1.xml. */
export function zipEntry(bytes: Buffer, path: string): string {
  const entry = XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'buffer' }), `/${path}`)
  if (!entry) throw new Error(`no ${path} in the workbook`)
  return Buffer.from(entry.content as Uint8Array).toString('utf8')
}

/** Every worksheet part of the zip. */
export function worksheetEntries(bytes: Buffer): string[] {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' })
  const paths: string[] = zip.FullPaths
  return paths.filter((p) => /xl\/worksheets\/sheet\d+\.xml$/.test(p)).map((p) => p.replace(/^Root Entry\//, ''))
}

/** A sheet's rows as values (header: 1), cells beyond the data left undefined. */
export function sheetRows(wb: XLSX.WorkBook, name: string): unknown[][] {
  const ws = wb.Sheets[name]
  if (!ws) throw new Error(`no sheet ${name}`)
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: undefined, blankrows: true })
}

/** Each cell's value and look, and each row's height, of one sheet as exceljs reads them back. */
export async function formCells(bytes: Buffer, sheet: string): Promise<{ r: number; height: number; cells: unknown[] }[]> {
  const ws = (await readExcelJs(bytes)).getWorksheet(sheet)
  if (!ws) throw new Error(`no sheet ${sheet}`)
  const rows: { r: number; height: number; cells: unknown[] }[] = []
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: unknown[] = []
    row.eachCell({ includeEmpty: true }, (cell) => {
      const { font, alignment, numFmt, border, fill } = cell.style
      cells.push({ at: cell.address, value: cell.value, font, alignment, numFmt, border, fill })
    })
    rows.push({ r, height: row.height, cells })
  })
  return rows
}

export const letter = (index0: number): string => XLSX.utils.encode_col(index0)

/** Data validations by cell (exceljs expands ranges); `dataValidations` is missing from its typings. */
export function validationsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation | undefined> {
  return (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model
}
