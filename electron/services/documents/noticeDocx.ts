/**
 * A 督办通知 in GB/T 9704 文件 layout (annexes.md §1.10): 红头 and 发文字号 over the red line, the title, 主送单位, the
 * items (a short list only) and requirements, 附件说明, 落款 and 附注 (联系人); the 问题清单 follows as the 附件 on
 * its own page.
 */
import { AlignmentType } from 'docx'
import type { Paragraph } from 'docx'
import type { NoticeItem, SupervisionNotice } from '@shared/reports/documents'
import type { Column } from './documentParts'
import { annexPage, fileHead, formTable } from './documentParts'
import { blank, bodyParagraph, closing, cnNumeral, documentDate, flushLeft, imprint, sentence, titleParagraph, writeOfficialDocx } from './officialDocument'

export const ANNEX_TITLE = '问题清单'

const CENTER = AlignmentType.CENTER
const LEFT = AlignmentType.LEFT

const COLUMNS: Column<NoticeItem>[] = [
  { label: '序号', percent: 8, align: CENTER, value: (_, i) => String(i + 1) },
  { label: '问题编号', percent: 24, align: CENTER, value: (item) => item.problemNo || '（未编号）' },
  { label: '企业（场所）名称', percent: 22, align: LEFT, value: (item) => item.name },
  { label: '详细地址', percent: 20, align: LEFT, value: (item) => item.address },
  { label: '存在问题', percent: 26, align: LEFT, value: (item) => item.issue }
]

/**
 * Items named in the body as well as in the 附件. A longer list is left to the table alone: a notice on 30 overdue
 * items otherwise ran to five pages saying again, item by item, what the 问题清单 says.
 */
const ITEMS_IN_BODY = 5

/**
 * 正文: what is being supervised and why, the items (a short list), the requirements 一、二、…, the deadline and how
 * to reply. Each item opens with its 问题编号, so the code never breaks across lines.
 */
function body(n: SupervisionNotice): Paragraph[] {
  const count = n.items.length
  const ask = [
    ...(n.requirements.length > 0 ? [bodyParagraph(count ? '请你单位按照以下要求抓紧办理：' : '现就有关工作督办如下：')] : []),
    ...n.requirements.map((r, i) => bodyParagraph(`${cnNumeral(i + 1)}、${sentence(r)}`)),
    bodyParagraph(`请于${documentDate(n.deadline)}前办结，并按以下方式反馈办理情况：${sentence(n.feedbackWay)}`, true)
  ]
  // A notice on the work itself (部署、工作督办): no problems, no 附件.
  if (count === 0) return [bodyParagraph('根据“散乱污”问题清理整治工作安排，为确保各项工作按期完成，请你单位抓紧落实以下工作。'), ...ask]
  const listed = count <= ITEMS_IN_BODY
  const items = (listed ? n.items : []).map(
    // A record merged without a 问题编号 opens with its name: "问题编号：<name>" read as if the name were the number.
    (item, i) => `${i + 1}.${item.problemNo ? `问题编号${item.problemNo}：` : ''}${item.name}（${item.address}），${sentence(item.issue)}`
  )
  const which = listed ? `以下${count}个问题` : `${count}个问题`
  return [
    bodyParagraph(
      `根据“散乱污”问题清理整治工作安排，按照“一件一号、一号一督、一督一报”的要求，现将你单位负责的${which}` +
        `（问题来源：${n.source}）予以督办，${listed ? '详见附件' : '问题清单见附件'}。`
    ),
    ...items.map((item) => bodyParagraph(item)),
    ...ask
  ]
}

export function writeNoticeDocx(n: SupervisionNotice): Promise<Buffer> {
  const annex = n.items.length > 0
  return writeOfficialDocx(`${n.number} ${n.title}`, [
    ...fileHead(n.issuer, n.number),
    titleParagraph(n.title),
    ...blank(),
    flushLeft(`${n.toUnit}：`),
    ...body(n),
    ...closing(annex ? ANNEX_TITLE : null, n.issuer, n.issuedAt, n.contact),
    ...(annex ? annexPage(ANNEX_TITLE, formTable(COLUMNS, n.items)) : []),
    ...imprint(n.copyTo, n.issuer, n.issuedAt)
  ])
}
