/**
 * What a sheet may cost (issue 15, finding 5 and the import cap of finding 7): cells far to the right are left out
 * before any row is built, and said in the report; rows and merged ranges cost what they hold, not what they
 * address; one file's cells are capped; our own consolidated workbook may hold more rows than a unit's file.
 * Every hostile file is generated here. Cost is asserted by structure (row widths, cells kept), never by time:
 * bench/wideSheet.ts measures the time and memory.
 */
import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { annex2Columns } from '@shared/annexes/annex2'
import { ANNEXES } from '@shared/annexes/registry'
import { SUBMISSION_FILE_MIB } from '@shared/ipc/contract'
import type { ImportResult } from '../../../electron/services/import/importResult'
import { isFileRefused } from '../../../electron/services/import/importResult'
import type { ImportLimits } from '../../../electron/services/import/limits'
import { importLimits } from '../../../electron/services/import/limits'
import type { ParseOutcome } from '../../../electron/services/import/parseInWorker'
import { preflight } from '../../../electron/services/import/preflight'
import type { RawSheet } from '../../../electron/services/import/rawWorkbook'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { isDateStyle, readWithSheetJS } from '../../../electron/services/import/sheetjsReader.mjs'
import { readXlsx } from '../../../electron/services/import/xlsxReader.mjs'
import { scanZip } from '../../../electron/services/import/zipScan.mjs'
import { writeConsolidatedWorkbook } from '../../../electron/services/merge/consolidatedWorkbook'
import { annex2Xlsx, FIRST_DATA_ROW, sampleRows } from '../../fixtures/import/annex2Workbook'
import { farCellWorkbook, withFarCells } from '../../fixtures/import/wideSheet'
import { minimalXlsxParts, zipBytes } from '../../fixtures/import/zipBytes'
import { OPTIONS, sampleConsolidation } from '../merge/workbookFactory'

const XFD = 16_383

/** Both readers, as the parser thread runs them. */
const readers = {
  lean: (bytes: Buffer, limits: ImportLimits = importLimits): ParseOutcome | null => {
    const scan = scanZip(bytes, limits)
    if (!scan.ok) throw new Error(scan.detail)
    return readXlsx(scan.inflated, limits, isDateStyle)
  },
  SheetJS: (bytes: Buffer, limits: ImportLimits = importLimits): ParseOutcome | null => readWithSheetJS(bytes, limits)
}

function onlySheet(outcome: ParseOutcome | null): RawSheet {
  if (!outcome?.ok) throw new Error(`not read: ${JSON.stringify(outcome)}`)
  return outcome.workbook.sheets[0] as RawSheet
}

/** Rows present (a row without a kept cell is a hole) and the widest of them. */
function shape(sheet: RawSheet): { rows: number; widest: number } {
  let rows = 0
  let widest = 0
  sheet.rows.forEach((row) => {
    rows++
    widest = Math.max(widest, row.length)
  })
  return { rows, widest }
}

function expectRefused(result: ImportResult, code: string, gist: string): void {
  expect(isFileRefused(result)).toBe(true)
  expect(result.issues).toHaveLength(1)
  expect(result.issues[0]).toMatchObject({ severity: 'error', code })
  expect(result.issues[0]?.message).toContain(gist)
}

describe('columns read', () => {
  it('are the widest form the program knows plus 20 (reliability.md §2.3)', () => {
    expect(importLimits.maxColumns).toBe(Math.max(...ANNEXES.map((a) => a.columns.length)) + 20)
  })
})

describe.each(Object.entries(readers))('the %s reader on 3,000 rows of one cell at XFD', (_, read) => {
  const bytes = farCellWorkbook(3_000, { viaSheetJS: read === readers.SheetJS })

  it('builds no row wider than the columns read, and counts what it left out', () => {
    const sheet = onlySheet(read(bytes))
    expect(shape(sheet)).toEqual({ rows: 0, widest: 0 })
    expect(sheet.clippedColumns).toEqual({ from: XFD, to: XFD, cells: 3_000 })
  })

  it('keeps the cells inside the columns read, and builds only the rows that hold them', () => {
    const far = farCellWorkbook(3, { column: 'A', viaSheetJS: read === readers.SheetJS })
    const sheet = onlySheet(read(far))
    expect(shape(sheet)).toEqual({ rows: 3, widest: 1 })
    expect(sheet.clippedColumns).toBeUndefined()
  })
})

describe.each(Object.entries(readers))('the %s reader on far rows and merged ranges', (_, read) => {
  const sheetXml = (body: string, merges = ''): Buffer =>
    zipBytes([
      ...minimalXlsxParts.slice(0, 1),
      {
        name: 'xl/workbook.xml',
        data:
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>'
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data:
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ' +
          'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          (read === readers.SheetJS
            ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            : '') +
          '</Relationships>'
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${merges}</worksheet>`
      },
      // A CDATA section: the lean reader leaves the file to SheetJS.
      ...(read === readers.SheetJS
        ? [{ name: 'xl/sharedStrings.xml', data: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t><![CDATA[x]]></t></si></sst>' }]
        : [])
    ])

  it('builds one row for a cell at row 1,048,576, not a million', () => {
    const sheet = onlySheet(read(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row>')))
    expect(shape(sheet)).toEqual({ rows: 2, widest: 1 })
    expect(sheet.rows[1_048_575]).toEqual([{ t: 'n', v: 2 }])
  })

  it('cuts a merged range to the columns read and the rows holding data, and drops one beyond them', () => {
    const body = '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c></row>'
    const merges = '<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="XFC2:XFD3"/><mergeCell ref="A9:B9"/></mergeCells>'
    const sheet = onlySheet(read(sheetXml(body, merges)))
    expect(sheet.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 2, c: importLimits.maxColumns - 1 } }])
  })

  it('counts the cells a merged range covers against the cells a file may hold', () => {
    const body = '<row r="1"><c r="A1"><v>1</v></c></row><row r="40"><c r="A40"><v>2</v></c></row>'
    const merges = '<mergeCells><mergeCell ref="A1:J40"/></mergeCells>'
    const limits = { ...importLimits, maxCells: 300 }
    expect(read(sheetXml(body, merges), limits)).toEqual({ ok: false, code: 'TOO_MANY_CELLS', sheet: '表', detail: '300' })
    expect(read(sheetXml(body, merges), { ...limits, maxCells: 402 })).toMatchObject({ ok: true })
  })
})

describe('a 附件2 someone typed into at column XFD', () => {
  const rows = sampleRows(40)

  it('is imported in full, with one warning naming the sheet and the columns left out', async () => {
    const plain = await annex2Xlsx({ rows })
    const wide = withFarCells(plain, FIRST_DATA_ROW)
    const result = await readAnnexWorkbook(wide, '宽表.xlsx')
    expect(result.ok).toBe(true)
    expect(result.rows).toHaveLength(rows.length)
    expect(result.rows.map((r) => r.fields)).toEqual((await readAnnexWorkbook(plain, '宽表.xlsx')).rows.map((r) => r.fields))
    const warnings = result.issues.filter((i) => i.code === 'EXTRA_COLUMN')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ severity: 'warning', sheet: '摸底台账', column: 'XFD 列' })
    expect(warnings[0]?.message).toBe(
      `文件“宽表.xlsx”工作表“摸底台账”XFD 列有 ${rows.length} 个单元格远在表格以外（超出模板的列数），已忽略、未导入；如其中有要导入的内容，请移到表格的列中`
    )
  })

  it('still says so for a column just beyond the columns read, by its letters', async () => {
    const wide = withFarCells(await annex2Xlsx({ rows }), FIRST_DATA_ROW, 'AW')
    expect(importLimits.maxColumns).toBeLessThan(49)
    const result = await readAnnexWorkbook(wide, '宽表.xlsx')
    expect(result.issues.filter((i) => i.code === 'EXTRA_COLUMN').map((i) => i.column)).toEqual(['AW 列'])
  })
})

describe('cells one file may hold', () => {
  it('refuses a file past the cap with a Chinese message naming the file and the sheet', async () => {
    const bytes = await annex2Xlsx({ rows: sampleRows(30) })
    const result = await readAnnexWorkbook(bytes, '多格.xlsx', { limits: { maxCells: 200 } })
    expectRefused(result, 'TOO_MANY_CELLS', '文件“多格.xlsx”中有内容的单元格超过 200 个的上限（读到工作表“摸底台账”时），疑似异常文件')
  })
})

describe('rows a sheet may hold', () => {
  const c = sampleConsolidation()
  const detailRows = c.rows.length

  it('are more for our own consolidated workbook (its _meta) than for a unit’s file', async () => {
    const bytes = await writeConsolidatedWorkbook(c, OPTIONS)
    // Its sheets hold a few rows more than its records: 明细's title and header, _meta's keys.
    const limits = { maxRows: 5, maxConsolidatedRows: detailRows + 20 }
    const result = await readAnnexWorkbook(bytes, '附件2-汇总.xlsx', { limits })
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(result.rows).toHaveLength(detailRows)
  })

  it('stop our own consolidated workbook at its own cap, read no further', async () => {
    const bytes = await writeConsolidatedWorkbook(c, OPTIONS)
    const result = await readAnnexWorkbook(bytes, '附件2-汇总.xlsx', { limits: { maxRows: 5, maxConsolidatedRows: 10 } })
    expectRefused(result, 'TOO_MANY_ROWS', '的数据超过 10 行的上限')
  })

  it('hold a unit’s file to the unit cap, with its full count', async () => {
    const result = await readAnnexWorkbook(await annex2Xlsx({ rows: sampleRows(30) }), '多.xlsx', {
      limits: { maxRows: 20, maxConsolidatedRows: 100 }
    })
    expectRefused(result, 'TOO_MANY_ROWS', '文件“多.xlsx”工作表“摸底台账”有 35 行数据，超过 20 行的上限')
  })
})

describe('row numbers', () => {
  // Found by the fuzz (npm run fuzz, seed 15): the lean reader built rows up to any number it was given.
  it.each(['99999999999999999999', '1e308', '1048577', '0', 'x'])(
    'refuse a row numbered %s as damage, without building rows up to it',
    async (r) => {
      const files = unzipSync(farCellWorkbook(2, { column: 'A' }))
      const name = 'xl/worksheets/sheet1.xml'
      const xml = Buffer.from(files[name] as Uint8Array).toString('utf8')
      files[name] = Buffer.from(xml.replace('<row r="2">', `<row r="${r}">`))
      const result = await readAnnexWorkbook(Buffer.from(zipSync(files)), '行号.xlsx')
      expectRefused(result, 'PARSE_FAILED', `工作表“Sheet1”的行号“${r}”超出 Excel 的范围，文件已损坏`)
    }
  )
})

describe('what a parse may take', () => {
  it('grows the watchdog with a large file, as the caps let it cost more', async () => {
    const bytes = await annex2Xlsx({ rows: sampleRows(2) })
    const limits = { parseTimeoutMs: 300, largeFileBytes: bytes.length - 1, parseMsPerMiB: 1_000 }
    const hanging = new URL('../../fixtures/import/hangingParser.mjs', import.meta.url)
    const result = await readAnnexWorkbook(bytes, '大.xlsx', { limits, parserUrl: hanging })
    expectRefused(result, 'PARSE_TIMEOUT', '在 1.3 秒内没有读完')
  })

  it('gives an ordinary file the small heap and only a large one the large heap', async () => {
    const bytes = await annex2Xlsx({ rows: sampleRows(2) })
    const reporting = new URL('../../fixtures/import/heapReportingParser.mjs', import.meta.url)
    const heapFor = async (largeFileBytes: number): Promise<string | undefined> =>
      (await readAnnexWorkbook(bytes, 'a.xlsx', { limits: { largeFileBytes }, parserUrl: reporting })).issues[0]?.message
    expect(await heapFor(bytes.length)).toContain(`heap ${importLimits.parserHeapMb}`)
    expect(await heapFor(bytes.length - 1)).toContain(`heap ${importLimits.largeFileParserHeapMb}`)
  })
})

describe('file size', () => {
  const limits = { ...importLimits, maxFlatFileBytes: 1024 }

  it('caps a zip container by what it inflates to, not by its bytes', () => {
    const zip = zipBytes([...minimalXlsxParts, { name: 'xl/media/image1.png', data: Buffer.alloc(4096, 1), store: true }])
    expect(preflight(zip, '图.xlsx', limits)).toEqual({ ok: true, format: 'xlsx' })
  })

  it('caps .csv and .xls files by their bytes, which the parser reads as they are', () => {
    const csv = Buffer.from(`${annex2Columns.map((c) => c.header).join(',')}\n`.repeat(40))
    expect(preflight(csv, '表.csv', limits)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' })
  })

  it('lets our own consolidation of 100,000 rows (41 MiB, 255 MiB inflated, 6.0 million cells) through', () => {
    expect(importLimits.maxFileBytes).toBeGreaterThan(41 * 1024 * 1024 * 1.5)
    expect(importLimits.maxTotalInflatedBytes).toBeGreaterThan(255 * 1024 * 1024 * 1.2)
    expect(importLimits.maxEntryInflatedBytes).toBeGreaterThan(110 * 1024 * 1024 * 1.2)
    expect(importLimits.maxCells).toBeGreaterThan(6_000_000 * 1.2)
    expect(importLimits.maxConsolidatedRows).toBeGreaterThanOrEqual(100_000)
  })

  it('is the same for a file the office stages through the app as for one it merges from a folder', () => {
    expect(SUBMISSION_FILE_MIB * 1024 * 1024).toBe(importLimits.maxFileBytes)
  })
})
