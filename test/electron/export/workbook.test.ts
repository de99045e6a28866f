import type ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { columnWidth } from '../../../electron/services/export/cellValue'
import { beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'
import { isoFromExcelSerial } from '@shared/domain/normalize'
import { optionsOf } from '@shared/validation/validateRecord'
import { canonicalRecordHash, META_SHEET } from '../../../electron/services/export/meta'
import { metaIsConsistent, parseExportMeta } from '../../../electron/services/export/meta'
import { statsTitle } from '../../../electron/services/export/statsSheet'
import { TEMPLATE_ROWS, writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { exportInput, letter, readExcelJs, readSheetJs, sheetRows, validationsOf } from './readBack'
import { worksheetEntries, zipEntry } from './readBack'
import { sampleRecords } from './sampleRecords'

const N = 30
const COLS = annex2.columns
const LAST = letter(COLS.length - 1) // Z
const col = (key: string): string => letter(COLS.findIndex((c) => c.key === key))
const noBreaks = (v: unknown): string => String(v ?? '').replace(/\n/g, '')

describe('附件2 exported from 30 八坊街道 records', () => {
  const records = sampleRecords(N)
  let bytes: Buffer
  let book: XLSX.WorkBook
  let ws: XLSX.WorkSheet
  let ej: ExcelJS.Workbook
  let detail: ExcelJS.Worksheet
  const totalRow = 6 + N

  beforeAll(async () => {
    bytes = (await writeAnnexWorkbook(exportInput(records))).bytes
    book = readSheetJs(bytes)
    ws = book.Sheets[annex2.sheetName] as XLSX.WorkSheet
    ej = await readExcelJs(bytes)
    detail = ej.getWorksheet(annex2.sheetName) as ExcelJS.Worksheet
  })

  it('orders the sheets 明细, 统计, then the hidden ones', () => {
    expect(book.SheetNames).toEqual([annex2.sheetName, '统计', '_lists', META_SHEET])
    expect(book.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([0, 0, 1, 2])
  })

  it('prints label, centred bold title and the 填报单位 line in rows 1–3', () => {
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m))
    expect(ws['A1']?.v).toBe('附件2')
    expect(ws['A2']?.v).toBe('临夏市“散乱污”问题摸底情况汇总表')
    expect(merges).toEqual(expect.arrayContaining([`A2:${LAST}2`, `A3:${LAST}3`]))
    expect(ws['A3']?.v).toBe('填报单位（盖章）：八坊街道　　填报人：马XX　　联系电话：0930-6212345　　填报日期：2024年5月9日')
    const title = detail.getCell('A2')
    expect(title.font).toMatchObject({ bold: true, size: 18 })
    expect(title.alignment).toMatchObject({ horizontal: 'center' })
    expect(detail.getCell('A1').font).toMatchObject({ name: '黑体' })
  })

  it('writes the two-level header of rows 4–5 from the definition, merged like the units’ forms', () => {
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m))
    // Merged cells keep their text in the top-left cell only.
    const row4 = COLS.map((c, i) => (!c.group ? c.header : COLS[i - 1]?.group === c.group ? '' : c.group))
    const row5 = COLS.map((c) => (c.group ? c.header : ''))
    expect(COLS.map((_, i) => noBreaks(ws[`${letter(i)}4`]?.v))).toEqual(row4)
    expect(COLS.map((_, i) => noBreaks(ws[`${letter(i)}5`]?.v))).toEqual(row5)
    COLS.forEach((c, i) => c.group || expect(merges).toContain(`${letter(i)}4:${letter(i)}5`))
    expect(merges).toContain('N4:Q4')
    expect(['N', 'O', 'P', 'Q'].map((L) => noBreaks(ws[`${L}5`]?.v))).toEqual(['营业执照', '环评手续', '排污许可', '其他许可'])
    expect((ws['!cols'] ?? []).map((c) => c.width)).toEqual(COLS.map((c) => columnWidth(c)))
  })

  it('writes one row per record from row 6, 序号 1…n, values from the typed model', () => {
    records.forEach((r, k) => {
      const row = 6 + k
      expect(ws[`A${row}`]?.v).toBe(k + 1)
      expect(ws[`${col('name')}${row}`]?.v).toBe(r.fields['name'])
      expect(ws[`${col('problemTypes')}${row}`]?.v).toBe((r.fields['problemTypes'] as string[]).join('、'))
      const deadline = ws[`${col('deadline')}${row}`]
      expect(deadline?.t).toBe('n')
      expect(isoFromExcelSerial(deadline?.v as number)).toBe(r.fields['deadline'])
    })
    expect(ws[`${col('deadline')}6`]?.w).toMatch(/^2024年\d{1,2}月\d{1,2}日$/)
  })

  it('keeps codes and phones as text cells with the text format', () => {
    for (let row = 6; row < totalRow; row++) {
      for (const key of ['uscc', 'phone']) {
        const cell = ws[`${col(key)}${row}`]
        expect(cell?.t, `${key}${row}`).toBe('s')
        expect(cell?.z, `${key}${row}`).toBe('@')
      }
    }
  })

  it('ends the table with 合计 (record count under 企业名称), the signature line and 填表说明', () => {
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m))
    expect(ws[`A${totalRow}`]?.v).toBe('合计')
    expect(merges).toContain(`A${totalRow}:C${totalRow}`)
    expect(ws[`${col('name')}${totalRow}`]?.v).toBe(N)
    expect(String(ws[`A${totalRow + 1}`]?.v)).toBe('分管领导（签字）：＿＿＿＿　　审核人：＿＿＿＿　　填报人：马XX')
    expect(ws[`A${totalRow + 2}`]?.v).toBe('填表说明：')
    annex2.notes.forEach((n, i) => expect(ws[`A${totalRow + 3 + i}`]?.v).toBe(n))
  })

  it('borders every cell of the table, header to 合计', () => {
    for (let row = 4; row <= totalRow; row++) {
      for (let c = 1; c <= COLS.length; c++) {
        const b = detail.getCell(row, c).border
        const sides = [b?.top?.style, b?.left?.style, b?.bottom?.style, b?.right?.style]
        expect(sides, `${letter(c - 1)}${row}`).toEqual(['thin', 'thin', 'thin', 'thin'])
      }
    }
  })

  it('puts a dropdown with the column’s domain on every enum column’s data cells', () => {
    const validations = validationsOf(detail)
    const lists = sheetRows(book, '_lists')
    const listValues = (formula: string): string[] => {
      const range = /^'_lists'!\$([A-Z]+)\$1:\$[A-Z]+\$(\d+)$/.exec(formula)
      if (!range) return formula.replace(/^"|"$/g, '').split(',')
      const c = XLSX.utils.decode_col(range[1] as string)
      return lists.slice(0, Number(range[2])).map((r) => String(r[c]))
    }
    COLS.forEach((c, i) => {
      if (c.kind !== 'enum') return
      for (const row of [6, totalRow - 1]) {
        const v = validations[`${letter(i)}${row}`]
        expect(v?.type, `${c.header} ${row}`).toBe('list')
        expect(listValues(String(v?.formulae[0])), c.header).toEqual(optionsOf(c, defaultCampaign))
      }
    })
    expect(validations[`${col('responsibleUnit')}6`]?.formulae[0]).toMatch(/^'_lists'!/)
    const types = validations[`${col('problemTypes')}6`]
    expect(types?.prompt).toContain('、')
    expect(listValues(String(types?.formulae[0]))).toEqual(expect.arrayContaining(['散', '乱、污', '散、乱、污']))
    expect(validations[`${col('town')}${totalRow}`]).toBeUndefined()
  })

  it('prints A4 landscape, one page wide, header rows repeated, page numbers and 校验码 in the footer', () => {
    expect(book.Workbook?.Names).toEqual(
      expect.arrayContaining([{ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: `'${annex2.sheetName}'!$4:$5` }])
    )
    const xml = zipEntry(bytes, 'xl/worksheets/sheet1.xml')
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/)
    const setup = /<pageSetup [^>]*>/.exec(xml)?.[0] ?? ''
    expect(setup).toContain('paperSize="9"')
    expect(setup).toContain('orientation="landscape"')
    expect(setup).toContain('fitToWidth="1"')
    expect(setup).toContain('fitToHeight="0"')
    expect(xml).toMatch(/<printOptions [^>]*horizontalCentered="1"/)
    const meta = parseExportMeta(sheetRows(book, META_SHEET))
    expect(detail.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页')
    expect(detail.headerFooter.oddFooter).toContain(`校验码：${meta?.checkCode}`)
  })

  it('keeps _meta very hidden, with a hash per record that matches the records and the printed 校验码', () => {
    expect(ej.getWorksheet(META_SHEET)?.state).toBe('veryHidden')
    const meta = parseExportMeta(sheetRows(book, META_SHEET))
    expect(meta).toMatchObject({ kind: 'export', campaignId: defaultCampaign.id, annexId: 'annex2' })
    expect(meta?.annexVersion).toBe(annex2.version)
    expect(meta).toMatchObject({ unitName: '八坊街道', filledDate: '2024-05-09', appVersion: '0.1.0-test', recordCount: N })
    expect(meta?.checkCode).toMatch(/^[0-9A-F]{8}$/)
    expect(meta?.records).toEqual(
      records.map((r, k) => ({
        recordId: r.id,
        problemNo: r.problemNo,
        row: 6 + k,
        contentHash: canonicalRecordHash(annex2, r.fields)
      }))
    )
    expect(metaIsConsistent(meta!)).toBe(true)
  })

  it('computes the 统计 sheet from the records: one row for the unit and 合计', () => {
    const stats = book.Sheets['统计'] as XLSX.WorkSheet
    const rows = sheetRows(book, '统计')
    expect(rows[1]?.[0]).toBe(statsTitle(annex2.title))
    expect(rows[1]?.[0]).toBe('临夏市“散乱污”问题摸底情况统计表')
    const count = (pred: (r: LedgerRecord) => boolean): number => records.filter(pred).length
    const has = (key: string, v: string) => (r: LedgerRecord) => {
      const x = r.fields[key]
      return Array.isArray(x) ? x.includes(v) : x === v
    }
    const expected = [
      N,
      ...['散', '乱', '污'].map((v) => count(has('problemTypes', v))),
      ...['工业', '农业', '建筑业', '服务业', '无证照'].map((v) => count(has('sector', v))),
      ...['关停取缔', '整合搬迁', '升级改造'].map((v) => count(has('category', v)))
    ]
    const blank = (n: number): string[] => Array<string>(n).fill('')
    const groups = ['按问题类型', ...blank(2), '按领域', ...blank(4), '按拟整治类别', ...blank(2)]
    expect(Array.from(rows[3] ?? [], noBreaks)).toEqual(['序号', '单位', '排查问题总数', ...groups, '备注'])
    expect(rows[4]?.slice(3, 14)).toEqual(['散', '乱', '污', '工业', '农业', '建筑业', '服务业', '无证照', '关停取缔', '整合搬迁', '升级改造'])
    expect(rows[5]).toEqual([1, '八坊街道', ...expected])
    expect(rows[6]).toEqual(['合计', undefined, ...expected])
    const merges = (stats['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m))
    expect(merges).toEqual(expect.arrayContaining(['D4:F4', 'G4:K4', 'L4:N4', 'A7:B7']))
    expect(zipEntry(bytes, 'xl/worksheets/sheet2.xml')).toMatch(/orientation="landscape"/)
  })

  it('writes no formula anywhere', () => {
    for (const path of worksheetEntries(bytes)) expect(zipEntry(bytes, path), path).not.toMatch(/<f[ >]/)
  })
})

describe('formula-looking text', () => {
  it('stays a text cell, never a formula', async () => {
    const [record] = sampleRecords(1)
    const fields: RecordFields = {
      ...record!.fields,
      name: '=HYPERLINK("http://evil.example","点我")',
      products: '+1+1',
      remarks: '@SUM(A1:A2)',
      measures: '-2'
    }
    const bytes = (await writeAnnexWorkbook(exportInput([{ ...record!, fields }]))).bytes
    const ws = readSheetJs(bytes).Sheets[annex2.sheetName] as XLSX.WorkSheet
    for (const key of ['name', 'products', 'remarks', 'measures']) {
      expect(ws[`${col(key)}6`], key).toMatchObject({ t: 's', v: fields[key] })
      expect(ws[`${col(key)}6`]?.f, key).toBeUndefined()
    }
    for (const path of worksheetEntries(bytes)) expect(zipEntry(bytes, path)).not.toMatch(/<f[ >]/)
  })
})

describe('blank template', () => {
  let bytes: Buffer
  beforeAll(async () => {
    bytes = (await writeAnnexWorkbook(exportInput([], { unitName: '八坊街道', filler: '', phone: '', filledDate: '' }))).bytes
  })

  it('has empty bordered rows without 序号, then 合计, and leaves 填报人 and the date to write by hand', async () => {
    const ws = readSheetJs(bytes).Sheets[annex2.sheetName] as XLSX.WorkSheet
    expect(ws['A3']?.v).toBe('填报单位（盖章）：八坊街道　　填报人：＿＿＿＿　　联系电话：＿＿＿＿　　填报日期：2024年　　月　　日')
    for (let row = 6; row < 6 + TEMPLATE_ROWS; row++) {
      for (let c = 0; c < COLS.length; c++) expect(ws[`${letter(c)}${row}`]?.v, `${letter(c)}${row}`).toBeUndefined()
    }
    expect(ws[`A${6 + TEMPLATE_ROWS}`]?.v).toBe('合计')
    const detail = (await readExcelJs(bytes)).getWorksheet(annex2.sheetName) as ExcelJS.Worksheet
    expect(detail.getCell(`Z${5 + TEMPLATE_ROWS}`).border?.bottom?.style).toBe('thin')
  })

  it('carries the dropdowns and the text format on its empty rows', async () => {
    const detail = (await readExcelJs(bytes)).getWorksheet(annex2.sheetName) as ExcelJS.Worksheet
    const validations = validationsOf(detail)
    const last = 5 + TEMPLATE_ROWS
    COLS.forEach((c, i) => {
      const isChoice = c.kind === 'enum' || c.kind === 'multiEnum'
      if (isChoice) expect(validations[`${letter(i)}${last}`]?.type, c.header).toBe('list')
    })
    for (const key of ['uscc', 'phone']) expect(detail.getCell(`${col(key)}${last}`).numFmt, key).toBe('@')
  })

  it('says it is a template in _meta, with no records', () => {
    const meta = parseExportMeta(sheetRows(readSheetJs(bytes), META_SHEET))
    expect(meta).toMatchObject({ kind: 'template', recordCount: 0, records: [], unitName: '八坊街道', filledDate: '' })
    expect(metaIsConsistent(meta!)).toBe(true)
  })
})
