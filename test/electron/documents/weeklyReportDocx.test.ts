/**
 * 八坊街道's Friday report for 5/25–5/31 (第3期) as a 工作简报: red 报头, 期号, issuer and date over the red line, the four
 * parts with their paragraphs, the 附表 reference and 填报人; printed, page 1 reads as the report's first page.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { WEEKLY_BANNER, writeWeeklyReportDocx } from '../../../electron/services/documents/weeklyReportDocx'
import { onPath } from '../export/pdf'
import { compact, docxPart, paragraphWith, paragraphsOf, printDocx, printFolder } from './docxXml'
import { sampleWeeklyReport } from './samples'

const HEADINGS = ['一、总体工作情况（累计）', '二、本周（5月25日—5月31日）工作情况', '三、存在问题', '四、下步工作']

describe('weekly report docx', () => {
  let bytes: Buffer
  beforeAll(async () => {
    bytes = await writeWeeklyReportDocx(sampleWeeklyReport())
  })

  it('opens with the red 报头, 第3期 and the issuer and date over a red line', () => {
    const ps = paragraphsOf(docxPart(bytes))
    expect(ps.slice(0, 3).map((p) => p.text)).toEqual([WEEKLY_BANNER, '第3期', '临夏市八坊街道办事处\t2024年5月31日'])
    const banner = ps[0]?.runs[0]
    expect(banner?.font).toBe('方正小标宋简体')
    expect(banner?.props).toContain('<w:color w:val="FF0000"/>')
    expect(ps[0]?.props).toContain('<w:jc w:val="center"/>')
    expect(ps[2]?.props).toMatch(/<w:bottom w:val="single" w:color="FF0000"/)
  })

  it('writes the four parts in 黑体 with each narrative paragraph of its own', () => {
    const ps = paragraphsOf(docxPart(bytes))
    const texts = ps.map((p) => p.text)
    const at = HEADINGS.map((h) => texts.indexOf(h))
    expect(at.every((i) => i > 2)).toBe(true)
    expect(at).toEqual([...at].sort((a, b) => a - b))
    for (const h of HEADINGS) expect(paragraphWith(ps, h).runs.map((r) => r.font)).toEqual(['黑体'])
    // overview has two paragraphs, 本周 three (two led by （一）（二） in 楷体), 下步工作 three.
    expect(texts.slice((at[0] ?? 0) + 1, at[1])).toHaveLength(2)
    expect(texts.slice((at[1] ?? 0) + 1, at[2])).toHaveLength(3)
    expect(paragraphWith(ps, '（二）推进').runs[0]).toMatchObject({ font: '楷体_GB2312', text: '（二）推进皮毛加工作坊整治。' })
    expect(texts.slice((at[3] ?? 0) + 1, (at[3] ?? 0) + 4).map((t) => t.slice(0, 2))).toEqual(['一是', '二是', '三是'])
  })

  it('ends with the 附表 reference and who filled it in', () => {
    const texts = paragraphsOf(docxPart(bytes)).map((p) => p.text).filter((t) => t !== '')
    expect(texts.slice(-2)).toEqual(['详细情况见附表。', '填报人：马晓燕　　联系电话：0930-6212345'])
  })

  it('is titled and numbered in its properties and footer', () => {
    expect(docxPart(bytes, 'docProps/core.xml')).toContain(`${WEEKLY_BANNER}（第3期）`)
    expect(docxPart(bytes, 'word/footer1.xml')).toContain('PAGE')
  })

  // Issue 19: a 街道's report carried the city's red 报头 and no 主送.
  it('is the unit’s own 报告 when it has a 主送: title, 主送, 附件 and 落款, no red 报头', async () => {
    const own = await writeWeeklyReportDocx({ ...sampleWeeklyReport(), toUnit: '临夏市“散乱污”问题清理整治领导小组办公室' })
    const texts = paragraphsOf(docxPart(own)).map((p) => p.text).filter((t) => t !== '')
    expect(texts.slice(0, 3)).toEqual(['临夏市八坊街道办事处关于“散乱污”问题清理整治工作进展情况的报告', '（第3期）', '临夏市“散乱污”问题清理整治领导小组办公室：'])
    expect(texts).not.toContain(WEEKLY_BANNER)
    expect(texts).toContain('附件：临夏市“散乱污”问题清理整治工作进展情况表')
    expect(texts.slice(-3)).toEqual(['临夏市八坊街道办事处', '2024年5月31日', '（联系人：马晓燕，联系电话：0930-6212345）'])
  })

  // Issue 19: a Friday after 6/28 printed 第0期.
  it('prints no number for a Friday outside the plan’s weekly reports, never 第0期', async () => {
    const outside = await writeWeeklyReportDocx({ ...sampleWeeklyReport(), issueNo: 0, friday: '2024-07-05', date: '2024-07-05' })
    const texts = paragraphsOf(docxPart(outside)).map((p) => p.text)
    expect(texts.join('\n')).not.toMatch(/第\s*0\s*期/)
    expect(texts.filter((t) => /^第\d+期$/.test(t))).toEqual([])
    expect(docxPart(outside, 'docProps/core.xml')).toContain(`<dc:title>${WEEKLY_BANNER}</dc:title>`)
  })
})

describe.skipIf(!onPath('soffice') || !onPath('pdftotext'))('weekly report printed', () => {
  const dir = printFolder('slw-weekly-')

  it('prints on two pages, page 1 opening as a 简报', async () => {
    const { pages, text } = await printDocx(dir(), 'weekly', await writeWeeklyReportDocx(sampleWeeklyReport()))
    expect(pages).toBe(2)
    const lines = (text[0] ?? '').split('\n').map(compact).filter((l) => l !== '')
    expect(lines.slice(0, 4)).toEqual([WEEKLY_BANNER, '第3期', '临夏市八坊街道办事处2024年5月31日', HEADINGS[0]])
    expect(lines).toContain(HEADINGS[1])
    expect(lines.at(-1)).toBe('—1—')
    const last = compact(text[1] ?? '')
    expect(last).toContain(HEADINGS[3])
    expect(last).toContain('填报人：马晓燕联系电话：0930-6212345')
  }, 180_000)
})
