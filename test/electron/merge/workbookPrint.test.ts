/**
 * The consolidated workbook printed through LibreOffice (skipped where soffice is not installed): A4 landscape,
 * every sheet present, pages numbered through, the 明细 header on each of its pages and the report's 差异 = 0 lines.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { writeConsolidatedWorkbook } from '../../../electron/services/merge/consolidatedWorkbook'
import { onPath, pageCount, pdfPages, toPdf } from '../export/pdf'
import { OPTIONS, sampleConsolidation } from './workbookFactory'

const flat = (text: string): string => text.replace(/\s+/g, '')

describe.skipIf(!onPath('soffice'))('printing the consolidated workbook', () => {
  let dir: string
  let pdf: Buffer
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'slw-merge-print-'))
    pdf = await toPdf(dir, 'consolidated', await writeConsolidatedWorkbook(sampleConsolidation(3), OPTIONS))
  }, 180_000)
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('prints on A4 landscape pages', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pageCount(pdf)).toBeGreaterThan(10)
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
    expect(Number(box?.[1])).toBeCloseTo(841.9, 0)
    expect(Number(box?.[2])).toBeCloseTo(595.3, 0)
  })

  it.skipIf(!onPath('pdftotext'))('numbers the pages through, starts with 汇总 and prints every sheet’s title', async () => {
    const pages = await pdfPages(join(dir, 'consolidated.pdf'))
    expect(pages).toHaveLength(pageCount(pdf))
    pages.forEach((text, i) => expect(flat(text), `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`))
    expect(pages[0]).toContain('临夏市“散乱污”问题摸底情况汇总表（分单位统计）')
    expect(flat(pages[0] ?? '')).toContain('合计')
    const all = pages.join('\n')
    for (const title of ['跨单位重复填报情况', '未报送单位', '合并报告']) expect(all).toContain(`《${annex2.title}》${title}`)
    const report = pages.findIndex((p) => p.includes('》合并报告'))
    expect(report).toBeGreaterThan(0)
    expect(pages.slice(report).join('\n')).toContain('差异 = 0')
  }, 60_000)

  it.skipIf(!onPath('pdftotext'))('repeats the annex header on every page of 明细, nothing cut off on the right', async () => {
    const pages = await pdfPages(join(dir, 'consolidated.pdf'))
    const detail = pages.filter((p) => p.includes('来源单位'))
    expect(detail.length).toBeGreaterThanOrEqual(3)
    for (const [i, text] of detail.entries()) {
      for (const header of ['序号', '统一社会信用代码', '备注', '来源文件']) expect(text, `明细 page ${i + 1}`).toContain(header)
    }
  }, 60_000)
})
