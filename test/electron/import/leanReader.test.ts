/**
 * The lean .xlsx reader (xlsxReader.mjs) must read exactly what SheetJS reads (sheetjsReader.mjs), on the real
 * fixtures, on our own exports and on a workbook crafted with every construct it claims to know; and it must hand
 * whatever it does not know to SheetJS (return null) rather than guess.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ParseOutcome } from '../../../electron/services/import/parseInWorker'
import { isDateStyle, readWithSheetJS } from '../../../electron/services/import/sheetjsReader.mjs'
import { decodeWorkbook, encodeWorkbook } from '../../../electron/services/import/wireWorkbook.mjs'
import { importLimits } from '../../../electron/services/import/limits'
import type { SheetCaps } from '../../../electron/services/import/sheetCaps.mjs'
import { readXlsx } from '../../../electron/services/import/xlsxReader.mjs'
import { scanZip } from '../../../electron/services/import/zipScan.mjs'
import { annex2Xlsx, sampleRows } from '../../fixtures/import/annex2Workbook'
import type { ZipEntrySpec } from '../../fixtures/import/zipBytes'
import { zipBytes } from '../../fixtures/import/zipBytes'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { exportInput } from '../export/readBack'
import { sampleRecords } from '../export/sampleRecords'

const MAX_ROWS = 100_000
const fixtures = resolve(import.meta.dirname, '../../fixtures/annex2')

type Outcome = ParseOutcome

/** As the parser thread reads an .xlsx: its entries inflated and checked first. */
const caps = (maxRows: number): SheetCaps => ({ ...importLimits, maxRows })

function lean(bytes: Buffer, maxRows = MAX_ROWS): Outcome | null {
  const scan = scanZip(bytes, importLimits)
  if (!scan.ok) throw new Error(`zipScan refused a test workbook: ${scan.detail}`)
  return readXlsx(scan.inflated, caps(maxRows), isDateStyle)
}
const sheetjs = (bytes: Buffer, maxRows = MAX_ROWS): Outcome => readWithSheetJS(bytes, caps(maxRows))

/** SheetJS leaves holes where a row or cell is missing; the lean reader writes null (rows: []). Same meaning. */
function normalised(outcome: Outcome | null): unknown {
  if (!outcome?.ok) return outcome
  const sheets = outcome.workbook.sheets.map((s) => {
    const rows = Array.from(s.rows, (row) => {
      const cells = Array.from(row ?? [], (c) => c ?? null)
      while (cells.length > 0 && cells.at(-1) === null) cells.pop()
      return cells
    })
    return { ...s, rows }
  })
  return { ...outcome, workbook: { ...outcome.workbook, sheets } }
}

function expectSameAsSheetJS(bytes: Buffer): void {
  const mine = lean(bytes)
  expect(mine, 'the lean reader handed the file to SheetJS').not.toBeNull()
  expect(normalised(mine)).toEqual(normalised(sheetjs(bytes)))
}

describe('the lean reader agrees with SheetJS', () => {
  const xlsx = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.xlsx'))
  const readable = xlsx(fixtures).filter((f) => !['bomb.xlsx', 'empty.xlsx', 'not-xlsx.xlsx', 'truncated.xlsx'].includes(f))

  it.each(readable)('on the fixture %s', (file) => {
    expectSameAsSheetJS(readFileSync(join(fixtures, file)))
  })

  it.each(xlsx(join(fixtures, 'merge-set')))('on the merge-set file %s', (file) => {
    expectSameAsSheetJS(readFileSync(join(fixtures, 'merge-set', file)))
  })

  it('on our own export, _meta and lists sheets included', async () => {
    expectSameAsSheetJS((await writeAnnexWorkbook(exportInput(sampleRecords(30)))).bytes)
  })

  it('on a hand-made-looking workbook with a merged title, hidden rows and a 合计 trailer', async () => {
    const bytes = await annex2Xlsx({ rows: sampleRows(40), hiddenRows: [8, 9], trailer: [['合计', null, null, 40]] })
    expectSameAsSheetJS(bytes)
  })

  it('refuses too many rows as SheetJS does, stopping at the cap', () => {
    const bytes = readFileSync(join(fixtures, 'clean-bafang.xlsx'))
    const mine = lean(bytes, 3)
    expect(mine).toMatchObject({ ok: false, code: 'TOO_MANY_ROWS' })
    expect(mine).toEqual(sheetjs(bytes, 3))
  })
})

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

const ML = 'application/vnd.openxmlformats-officedocument.spreadsheetml'
/** SheetJS finds the parts through these; the lean reader through the workbook's relationships. */
const CONTENT_TYPES =
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  `<Override PartName="/xl/workbook.xml" ContentType="${ML}.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ML}.worksheet+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${ML}.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${ML}.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="${ML}.sharedStrings+xml"/></Types>`

/** A workbook written by hand, part by part, with the sheet XML and styles under test. */
function crafted(sheetXml: string, opts: { styles?: string; strings?: string; workbookPr?: string } = {}): Buffer {
  const rel = (id: string, type: string, target: string): string =>
    `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`
  const parts: ZipEntrySpec[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    {
      name: 'xl/workbook.xml',
      data:
        `<x:workbook xmlns:x="${NS}" xmlns:r="${REL_NS}">${opts.workbookPr ?? ''}<x:sheets>` +
        `<x:sheet name="明细 &amp; 说明" sheetId="1" r:id="rId1"/>` +
        `<x:sheet name="旧表" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>`
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        rel('rId1', 'worksheet', 'worksheets/sheet1.xml') +
        rel('rId2', 'worksheet', '/xl/worksheets/sheet2.xml') +
        rel('rId3', 'styles', 'styles.xml') +
        rel('rId4', 'sharedStrings', 'sharedStrings.xml') +
        '</Relationships>'
    },
    {
      name: 'xl/styles.xml',
      data:
        opts.styles ??
        `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="49"/></cellXfs></styleSheet>'
    },
    {
      name: 'xl/sharedStrings.xml',
      data:
        opts.strings ??
        `<sst xmlns="${NS}"><si><t>企业名称</t></si><si><r><t>马家</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 皮毛加工 </t></r>` +
          '<rPh sb="0" eb="2"><t>まけ</t></rPh></si><si><t>第一行_x000D_\n第二行 &lt;A&amp;B&gt; &#x4E00;</t></si><si/></sst>'
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet xmlns="${NS}"><sheetData>${sheetXml}</sheetData></worksheet>` },
    {
      name: 'xl/worksheets/sheet2.xml',
      data: `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`
    }
  ]
  return zipBytes(parts)
}

const EVERYTHING =
  '<row r="1" hidden="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s" s="3"><v>2</v></c>' +
  '<c r="E1" t="s"><v>3</v></c></row>' +
  '<row r="3"><c r="A3" s="1"><v>45421</v></c><c r="B3" s="2"><v>45421.5</v></c><c r="C3"><v>9.1E+17</v></c>' +
  '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" s="1"/></row>' +
  '<row r="4" spans="1:6"><c r="A4" t="inlineStr"><is><t>行内文字</t></is></c><c t="str"><f>A4&amp;"!"</f><v>行内文字!</v></c>' +
  '<c><f>SUM(1,2)</f><v>3</v></c><c><f>NOW()</f></c><c r="F4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
  '<row r="6" hidden="true"></row><row r="7"><c r="AB7"><v>-0.25</v></c></row>'

describe('a crafted workbook with every construct the lean reader knows', () => {
  const bytes = crafted(EVERYTHING, { workbookPr: '<x:workbookPr date1904="1"/>' })

  it('reads it as SheetJS does', () => {
    expectSameAsSheetJS(bytes)
  })

  it('reads values, dates, formulas, hidden rows and sheets as the RawWorkbook contract says', () => {
    const outcome = lean(bytes)
    if (!outcome?.ok) throw new Error('not read')
    const [sheet, old] = outcome.workbook.sheets
    expect(outcome.workbook.date1904).toBe(true)
    expect(sheet).toMatchObject({ name: '明细 & 说明', hidden: false, hiddenRows: [0, 5] })
    expect(old).toMatchObject({ name: '旧表', hidden: true })
    expect(sheet?.rows[0]).toEqual([
      { t: 's', v: '企业名称' },
      null,
      { t: 's', v: '马家 皮毛加工 ' },
      { t: 's', v: '第一行\n第二行 <A&B> 一' },
      { t: 's', v: '' }
    ])
    // A row without a cell is a hole, not an empty row: no sheet is padded out to its last row.
    expect(1 in (sheet?.rows ?? [])).toBe(false)
    expect(sheet?.rows[2]).toEqual([
      { t: 'n', v: 45421, date: true },
      { t: 'n', v: 45421.5, date: true },
      { t: 'n', v: 910000000000000000 },
      { t: 'b', v: true },
      { t: 'e', v: '#N/A' }
    ])
    expect(sheet?.rows[3]).toEqual([
      { t: 's', v: '行内文字' },
      { t: 's', v: '行内文字!', formula: 'A4&"!"' },
      { t: 'n', v: 3, formula: 'SUM(1,2)' },
      { t: 'z', v: null, formula: 'NOW()' },
      null,
      { t: 'e', v: '#DIV/0!', formula: '1/0' }
    ])
    expect(sheet?.rows[6]?.[27]).toEqual({ t: 'n', v: -0.25 })
  })

  it('keeps the strings after an empty <si/> in their places (SheetJS gives the next one as empty too)', () => {
    const strings = `<sst xmlns="${NS}"><si><t>甲</t></si><si/><si><t>丙</t></si></sst>`
    const cells = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
    const outcome = lean(crafted(cells, { strings }))
    if (!outcome?.ok) throw new Error('not read')
    expect(outcome.workbook.sheets[0]?.rows[0]?.map((c) => c?.v)).toEqual(['甲', '', '丙'])
  })

  it('crosses threads unchanged: the wire form decodes to the same workbook', () => {
    const outcome = lean(bytes)
    if (!outcome?.ok) throw new Error('not read')
    const wire = structuredClone(encodeWorkbook(outcome.workbook))
    expect(normalised({ ok: true, workbook: decodeWorkbook(wire) })).toEqual(normalised(outcome))
  })

  it('takes zh-CN built-in date formats (年月日, id 31) as dates, which SheetJS misses', () => {
    const styles = `<styleSheet xmlns="${NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs></styleSheet>`
    const outcome = lean(crafted('<row r="1"><c r="A1" s="1"><v>45421</v></c></row>', { styles }))
    if (!outcome?.ok) throw new Error('not read')
    expect(outcome.workbook.sheets[0]?.rows).toEqual([[{ t: 'n', v: 45421, date: true }]])
  })

  it.each([
    ['a shared formula', '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">1+1</f><v>2</v></c></row>'],
    ['an ISO date cell', '<row r="1"><c r="A1" t="d"><v>2024-05-09</v></c></row>'],
    ['CDATA', '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>'],
    ['a shared string that does not exist', '<row r="1"><c r="A1" t="s"><v>99</v></c></row>'],
    ['a malformed cell reference', '<row r="1"><c r="1A"><v>1</v></c></row>']
  ])('hands %s to SheetJS', (_, xml) => {
    expect(lean(crafted(xml))).toBeNull()
  })

  it('hands anything that is not a transitional .xlsx to SheetJS, and never sees a damaged zip', () => {
    expect(lean(readFileSync(join(fixtures, 'bafang.ods')))).toBeNull()
    expect(scanZip(readFileSync(join(fixtures, 'truncated.xlsx')), importLimits)).toMatchObject({ ok: false, code: 'CORRUPT_ZIP' })
  })
})
