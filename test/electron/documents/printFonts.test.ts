/**
 * Issue 16: the official fonts (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体) are missing on most Windows 10/11 PCs. Every
 * font a generated document or form names is either on every Chinese Windows or, in a docx, carries alternates in the
 * font table that are, so a PC without it prints in the nearest font rather than whatever Word or WPS picks.
 */
import { describe, expect, it } from 'vitest'
import { writeNoticeDocx } from '../../../electron/services/documents/noticeDocx'
import { writeWeeklyReportDocx } from '../../../electron/services/documents/weeklyReportDocx'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { exportInput, readExcelJs, zipEntry } from '../export/readBack'
import { sampleRecords } from '../export/sampleRecords'
import { docxPart } from './docxXml'
import { sampleNotice, sampleWeeklyReport } from './samples'

/** Fonts of every Chinese Windows since Vista (and of WPS). */
const ON_EVERY_WINDOWS = new Set(['宋体', '黑体', '仿宋', '楷体'])

/** Every font the document's runs, styles and footers name, by w:rFonts. */
function fontsNamed(bytes: Buffer): Set<string> {
  const parts = ['word/document.xml', 'word/styles.xml', 'word/footer1.xml', 'word/footer2.xml']
  const xml = parts.map((p) => docxPart(bytes, p)).join('')
  return new Set([...xml.matchAll(/<w:rFonts ([^>]*)\/>/g)].flatMap((m) => [...m[1].matchAll(/w:\w+="([^"]+)"/g)].map((a) => a[1])))
}

/** The font table: each font's alternates, in order. */
function fontTable(bytes: Buffer): Map<string, string[]> {
  const xml = docxPart(bytes, 'word/fontTable.xml')
  const table = new Map<string, string[]>()
  for (const m of xml.matchAll(/<w:font w:name="([^"]+)">(.*?)<\/w:font>/g)) {
    expect(m[2], m[1]).toContain('<w:charset w:val="86"/>')
    expect(m[2], m[1]).toContain('w:csb0="00040000"') // GB2312 code page: substitutes are Chinese fonts
    table.set(m[1], /<w:altName w:val="([^"]+)"\/>/.exec(m[2])?.[1].split(',') ?? [])
  }
  return table
}

describe('fonts of the generated documents', () => {
  it.each([
    ['周报', () => writeWeeklyReportDocx(sampleWeeklyReport())],
    ['督办通知', () => writeNoticeDocx(sampleNotice())]
  ])('%s: the official fonts, each with a fallback every Windows has', async (_, write) => {
    const bytes = await write()
    const named = fontsNamed(bytes)
    expect([...named]).toEqual(expect.arrayContaining(['仿宋_GB2312', '方正小标宋简体', '宋体']))
    const table = fontTable(bytes)
    for (const font of named) {
      const alternates = table.get(font)
      expect(alternates, `${font} is not in the font table`).toBeDefined()
      if (ON_EVERY_WINDOWS.has(font)) continue
      expect(alternates?.some((a) => ON_EVERY_WINDOWS.has(a)), `${font} falls back to ${alternates}`).toBe(true)
    }
    expect(table.get('仿宋_GB2312')?.[0]).toBe('仿宋')
    expect(table.get('方正小标宋简体')).toEqual(['华文中宋', '宋体'])
  })
})

describe('fonts of an exported form', () => {
  it('附件2: every cell and the page footer in fonts every Chinese Windows has, GB2312 charset', async () => {
    const bytes = (await writeAnnexWorkbook(exportInput(sampleRecords(3)))).bytes
    const wb = await readExcelJs(bytes)
    const fonts = new Set<string>()
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (!cell.font?.name) return
          fonts.add(cell.font.name)
          expect(cell.font.charset, `${sheet.name}!${cell.address}`).toBe(134)
        })
      )
    )
    expect([...fonts].sort()).toEqual(['宋体', '黑体'].sort())
    expect(zipEntry(bytes, 'xl/worksheets/sheet1.xml')).toContain('&amp;&quot;宋体,常规&quot;')
  })
})
