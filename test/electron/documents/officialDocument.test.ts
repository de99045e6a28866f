/**
 * The GB/T 9704-2012 page shared by the official documents: A4 with 37/35/28/26 mm margins, 3号仿宋 on an exact
 * 22-line pitch with 28 characters a line, page numbers "— 1 —" outside, and the helpers that set headings, dates
 * and the 落款. Printed through LibreOffice where it is installed, to count lines and characters on the page.
 */
import { describe, expect, it } from 'vitest'
import {
  CHAR,
  LINE,
  MARGIN,
  PAGE,
  TEXT_WIDTH,
  bodyParagraph,
  cnNumeral,
  ems,
  paragraphs,
  sentence,
  signature,
  writeOfficialDocx
} from '../../../electron/services/documents/officialDocument'
import { onPath } from '../export/pdf'
import { compact, docxPart, paragraphWith, paragraphsOf, printDocx, printFolder } from './docxXml'

const OFFICE = '临夏市“散乱污”问题清理整治领导小组办公室'

describe('the GB/T 9704 page', () => {
  it('measures A4 with 37/35/28/26 mm margins, 22 lines of 28 characters', () => {
    expect(PAGE).toEqual({ width: 11906, height: 16838 })
    expect(MARGIN).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 })
    const textHeight = PAGE.height - MARGIN.top - MARGIN.bottom
    expect(LINE).toBe(579) // ≈ 28.95 pt
    expect(22 * LINE).toBeLessThanOrEqual(textHeight)
    expect(23 * LINE).toBeGreaterThan(textHeight)
    expect(28 * CHAR).toBeLessThanOrEqual(TEXT_WIDTH)
    expect(29 * CHAR).toBeGreaterThan(TEXT_WIDTH)
  })

  it('writes the page, the body type, the font table and page numbers outside', async () => {
    const bytes = await writeOfficialDocx('测试', [bodyParagraph('正文。')])
    const sect = /<w:sectPr>.*<\/w:sectPr>/.exec(docxPart(bytes))?.[0] ?? ''
    expect(sect).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    expect(sect).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(sect).toContain('<w:footerReference w:type="even"')

    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(docxPart(bytes, 'word/styles.xml'))?.[0] ?? ''
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"')
    expect(defaults).toContain('<w:sz w:val="32"/>') // 3号
    expect(defaults).toContain('<w:spacing w:line="579" w:lineRule="exact"')
    expect(defaults).toContain('<w:spacing w:val="-5"/>') // 28 characters to the line

    const fonts = docxPart(bytes, 'word/fontTable.xml')
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,华文仿宋"/>')
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体,华文楷体"/>')
    for (const name of ['黑体', '宋体', '方正小标宋简体']) expect(fonts).toContain(`<w:font w:name="${name}">`)
    expect(docxPart(bytes, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>')

    const [odd, even] = [docxPart(bytes, 'word/footer1.xml'), docxPart(bytes, 'word/footer2.xml')]
    for (const footer of [odd, even]) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>')
      expect(footer).toContain('w:eastAsia="宋体"')
      expect(footer).toContain('<w:sz w:val="28"/>') // 4号
      expect(paragraphsOf(footer)[0]?.text).toBe('—  —')
    }
    expect(odd).toContain('<w:jc w:val="right"/>')
    expect(even).toContain('<w:jc w:val="left"/>')
  })

  it('counts, punctuates and measures Chinese text', () => {
    expect([1, 3, 10, 12, 20, 23].map(cnNumeral)).toEqual(['一', '三', '十', '十二', '二十', '二十三'])
    expect(sentence('逾期未搬迁，原址仍在生产')).toBe('逾期未搬迁，原址仍在生产。')
    expect(sentence('逾期未搬迁，')).toBe('逾期未搬迁。')
    expect(sentence('请于6月28日前反馈：')).toBe('请于6月28日前反馈：')
    expect(ems(OFFICE)).toBe(21)
    expect(ems('2024年6月20日')).toBe(6.5)
  })

  it('runs 一、 and （一） headings into their paragraphs in 黑体 and 楷体', async () => {
    const text = '一、总体工作情况\n（一）集中开展夜间巡查。联合市城管局开展夜间巡查2次。\n二、严格落实“两断三清”。对关停取缔类问题断水断电。\n三、如实反馈。\n一是加快整治。'
    const ps = paragraphsOf(docxPart(await writeOfficialDocx('测试', paragraphs(text))))
    const fonts = (p: (typeof ps)[number]): [string | undefined, string][] => p.runs.map((r) => [r.font, r.text])
    expect(fonts(paragraphWith(ps, '一、总体'))).toEqual([['黑体', '一、总体工作情况']])
    expect(paragraphWith(ps, '一、总体').props).toContain('<w:keepNext/>')
    expect(fonts(paragraphWith(ps, '（一）'))).toEqual([
      ['楷体_GB2312', '（一）集中开展夜间巡查。'],
      ['仿宋_GB2312', '联合市城管局开展夜间巡查2次。']
    ])
    expect(fonts(paragraphWith(ps, '二、'))[0]).toEqual(['黑体', '二、严格落实“两断三清”。'])
    expect(fonts(paragraphWith(ps, '三、'))).toEqual([['仿宋_GB2312', '三、如实反馈。']]) // one sentence: body text
    expect(fonts(paragraphWith(ps, '一是'))).toEqual([['仿宋_GB2312', '一是加快整治。']])
    for (const p of ps) expect(p.props).toContain(`<w:ind w:firstLine="${2 * CHAR}"/>`)
  })

  it('centres the issuer over the date, four characters in from the right', async () => {
    const ps = paragraphsOf(docxPart(await writeOfficialDocx('测试', signature(OFFICE, '2024-06-20', 4))))
    expect(ps.map((p) => p.text)).toEqual([OFFICE, '2024年6月20日'])
    expect(ps[0]?.props).toContain(`<w:ind w:right="${4 * CHAR}"/>`)
    expect(ps[1]?.props).toContain(`<w:ind w:right="${Math.round((4 + (21 - 6.5) / 2) * CHAR)}"/>`)
    for (const p of ps) expect(p.props).toContain('<w:jc w:val="right"/>')
  })
})

describe.skipIf(!onPath('soffice') || !onPath('pdftotext'))('the GB/T 9704 page printed', () => {
  const dir = printFolder('slw-official-')

  it('prints 22 lines of 28 characters a page, numbered outside', async () => {
    // 33 paragraphs of 26 + 28 characters (first line indented two) fill three pages exactly; a 34th of 26 + 28 + 1
    // starts a fourth and shows the 29th character does not fit.
    const words = '清理整治散乱污问题关停取缔整合搬迁升级改造'
    const chars = (n: number): string => Array.from({ length: n }, (_, i) => words[i % words.length]).join('')
    const body = [...Array.from({ length: 33 }, () => bodyParagraph(chars(54))), bodyParagraph(chars(55))]
    const { pages, text } = await printDocx(dir(), 'grid', await writeOfficialDocx('网格', body))
    expect(pages).toBe(4)
    const pageNo = /^\s*—\s*(\d+)\s*—\s*$/
    text.forEach((page, i) => {
      const lines = page.split('\n').filter((l) => l.trim() !== '')
      const numberLine = lines.find((l) => pageNo.test(l)) ?? ''
      expect(pageNo.exec(numberLine)?.[1], `page ${i + 1}`).toBe(String(i + 1))
      // Odd pages carry the number on the right, even pages on the left.
      expect(numberLine.search(/\S/) > 20, `page ${i + 1}`).toBe(i % 2 === 0)
      const bodyLines = lines.filter((l) => l !== numberLine).map((l) => compact(l).length)
      const full = Array.from({ length: 22 }, (_, j) => (j % 2 === 0 ? 26 : 28))
      expect(bodyLines, `page ${i + 1}`).toEqual(i < 3 ? full : [26, 28, 1])
    })
  }, 180_000)
})
