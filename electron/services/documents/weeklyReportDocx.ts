/**
 * The Friday progress report (annexes.md §1.8): the city's as a 工作简报 (red 报头, 第N期, issuer and date over a red
 * line), a unit's as its own 报告 to the office (标题, 主送, 落款); both with 一、总体工作情况（累计） 二、本周工作情况
 * 三、存在问题 四、下步工作, the 附表 reference and who filled it in.
 */
import { Paragraph, TabStopType } from 'docx'
import { weekly } from '@shared/annexes/weekly'
import type { WeeklyReportDocument } from '@shared/reports/documents'
import {
  LINE,
  RED_RULE,
  TEXT_WIDTH,
  blank,
  bodyParagraph,
  centred,
  closing,
  documentDate,
  flushLeft,
  paragraphs,
  redBanner,
  run,
  sentence,
  titleParagraph,
  writeOfficialDocx
} from './officialDocument'

export const WEEKLY_BANNER = '临夏市“散乱污”问题清理整治工作进展情况'
const BANNER_POINTS = 30

const monthDay = (iso: string): string => documentDate(iso).replace(/^\d+年/, '')

/** 编发单位 left and date right on one line, the red line under them. */
const issuerLine = (issuer: string, iso: string): Paragraph =>
  new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    border: RED_RULE,
    children: [run(`${issuer}\t${documentDate(iso)}`)]
  })

export function writeWeeklyReportDocx(doc: WeeklyReportDocument): Promise<Buffer> {
  const { narrative } = doc
  const parts: [string, string][] = [
    ['一、总体工作情况（累计）', narrative.overview],
    [`二、本周（${monthDay(doc.from)}—${monthDay(doc.friday)}）工作情况`, narrative.thisWeek],
    ['三、存在问题', narrative.problems],
    ['四、下步工作', narrative.nextWeek]
  ]
  const body = parts.flatMap(([heading, text]) => [bodyParagraph(heading), ...paragraphs(text)])
  // 第 N 期; a Friday outside the plan's weekly reports has no number (never 第0期).
  const issue = doc.issueNo > 0 ? `第${doc.issueNo}期` : null
  if (doc.toUnit) {
    // A unit reports to the office under its own name: 标题, 主送, the parts, 附件说明, 落款 and 联系人.
    const title = `${doc.issuer}关于“散乱污”问题清理整治工作进展情况的报告`
    return writeOfficialDocx(issue ? `${title}（${issue}）` : title, [
      ...blank(),
      titleParagraph(title),
      ...(issue ? [centred(`（${issue}）`)] : []),
      ...blank(),
      flushLeft(`${doc.toUnit}：`),
      ...body,
      // The 附表 goes with it as its 附件.
      ...closing(weekly.title, doc.issuer, doc.date, { name: doc.filler, phone: doc.phone })
    ])
  }
  return writeOfficialDocx(issue ? `${WEEKLY_BANNER}（${issue}）` : WEEKLY_BANNER, [
    // a line of air above the 报头
    redBanner(WEEKLY_BANNER, BANNER_POINTS, LINE),
    ...(issue ? [centred(issue)] : []),
    issuerLine(doc.issuer, doc.date),
    ...blank(),
    ...body,
    // Where a 公文 puts its 附件说明: one line below the body.
    ...blank(),
    bodyParagraph(sentence(doc.attachment)),
    ...blank(),
    bodyParagraph(`填报人：${doc.filler}　　联系电话：${doc.phone}`)
  ])
}
