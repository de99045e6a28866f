/**
 * A 通报 (plan 五(三)) as a 红头文件 (GB/T 9704): 版头 and 发文字号, the title, 主送, the opening and sections 一、…,
 * 附件说明, 落款 and 附注; the units' progress table as the 附件 on its own page, then the 版记.
 */
import { AlignmentType } from 'docx'
import type { BulletinText } from '@shared/office/accountability'
import type { Column } from './documentParts'
import { annexPage, fileHead, formTable } from './documentParts'
import { blank, bodyParagraph, closing, flushLeft, imprint, paragraphs, titleParagraph, writeOfficialDocx } from './officialDocument'

export const RANKING_TITLE = '各单位“散乱污”问题清理整治进展情况表'

type Ranked = BulletinText['ranking'][number]
const CENTER = AlignmentType.CENTER
const LEFT = AlignmentType.LEFT

const COLUMNS: Column<Ranked>[] = [
  { label: '排名', percent: 7, align: CENTER, value: (r) => String(r.rank) },
  { label: '单位', percent: 17, align: CENTER, value: (r) => r.unit },
  { label: '摸底问题数', percent: 11, align: CENTER, value: (r) => String(r.records) },
  { label: '已完成整治', percent: 11, align: CENTER, value: (r) => String(r.done) },
  { label: '完成率', percent: 10, align: CENTER, value: (r) => (r.rate === null ? '—' : `${r.rate.toFixed(1)}%`) },
  { label: '逾期未完成问题', percent: 12, align: CENTER, value: (r) => String(r.overdue) },
  { label: '逾期未报送事项', percent: 32, align: LEFT, value: (r) => r.owed || '无' }
]

export interface BulletinDocument {
  number: string
  issuer: string
  /** YYYY-MM-DD */
  date: string
  text: BulletinText
  contact: { name: string; phone: string }
}

export function writeBulletinDocx(b: BulletinDocument): Promise<Buffer> {
  const { text } = b
  const table = text.ranking.length > 0
  return writeOfficialDocx(`${b.number} ${text.title}`, [
    ...fileHead(b.issuer, b.number),
    titleParagraph(text.title),
    ...blank(),
    flushLeft(`${text.toUnits}：`),
    ...paragraphs(text.opening),
    ...text.sections.flatMap(({ heading, text: body }) => [bodyParagraph(heading), ...paragraphs(body)]),
    ...closing(table ? RANKING_TITLE : null, b.issuer, b.date, b.contact),
    ...(table ? annexPage(RANKING_TITLE, formTable(COLUMNS, text.ranking)) : []),
    ...imprint(text.copyTo, b.issuer, b.date)
  ])
}
