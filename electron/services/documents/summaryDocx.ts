/**
 * The 月度工作总结 as a 报告 to the office in GB/T 9704 layout: 标题, 主送, opening and sections 一、…, 附件说明,
 * 落款 and 附注 (联系人). No 版头: the unit prints it on its own 红头 paper or sends it as it is.
 */
import type { MonthlySummaryDocument } from '@shared/reports/documents'
import { blank, bodyParagraph, closing, flushLeft, paragraphs, titleParagraph, writeOfficialDocx } from './officialDocument'

export function writeMonthlySummaryDocx(s: MonthlySummaryDocument): Promise<Buffer> {
  return writeOfficialDocx(s.title, [
    ...blank(),
    titleParagraph(s.title),
    ...blank(),
    flushLeft(`${s.toUnit}：`),
    ...paragraphs(s.opening),
    ...s.sections.flatMap(({ heading, text }) => [bodyParagraph(heading), ...paragraphs(text)]),
    ...closing(s.attachment, s.issuer, s.date, s.contact)
  ])
}
