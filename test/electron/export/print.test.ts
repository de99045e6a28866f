/**
 * Prints exports the way a clerk would, through LibreOffice (skipped where soffice is not installed): the form must
 * fit one A4 page wide, repeat its header on every page and number the pages.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { onPath, pageCount, pdfPages, toPdf } from './pdf'
import { exportInput } from './readBack'
import { sampleRecords } from './sampleRecords'

describe.skipIf(!onPath('soffice'))('printing through LibreOffice', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'slw-print-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('prints 5 records on one A4 landscape page, and the 统计 sheet on a second', async () => {
    const pdf = await toPdf(dir, 'five', (await writeAnnexWorkbook(exportInput(sampleRecords(5)))).bytes)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pageCount(pdf)).toBe(2)
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
    expect(Number(box?.[1])).toBeCloseTo(841.9, 0) // A4 landscape, in points
    expect(Number(box?.[2])).toBeCloseTo(595.3, 0)
  }, 180_000)

  it.skipIf(!onPath('pdftotext'))('repeats the header rows and numbers the pages of a long ledger', async () => {
    const records = sampleRecords(60)
    const bytes = (await writeAnnexWorkbook(exportInput(records))).bytes
    await toPdf(dir, 'sixty', bytes)
    const pages = await pdfPages(join(dir, 'sixty.pdf'))
    expect(pages.length).toBeGreaterThanOrEqual(3)
    const detailPages = pages.slice(0, -1)
    // Header rows on every page, and first and last columns on the same page: nothing was cut off to the right.
    detailPages.forEach((text, i) => {
      for (const header of ['序号', '统一社会信用代码', '联系电话', '备注']) {
        expect(text, `page ${i + 1}`).toContain(header)
      }
      expect(text.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`)
    })
    // Codes fit on one line (names may wrap, and wrapped lines interleave with other columns in the text layer).
    const codes = records.map((r) => String(r.fields['uscc'])).filter((c) => c.length === 18)
    expect(codes.length).toBeGreaterThan(40)
    for (const code of codes) expect(detailPages.some((t) => t.includes(code)), code).toBe(true)
    expect(detailPages.at(-1)).toContain('填表说明')
    expect(pages.at(-1)).toContain('临夏市“散乱污”问题摸底情况统计表')
  }, 180_000)
})
