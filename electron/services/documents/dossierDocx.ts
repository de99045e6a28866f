/**
 * 一企一档 as Word, on the GB/T 9704 page: title and 填报单位/问题编号, each part as a 项目 | 内容 table, 两断三清
 * and the steps as tables, then the evidence — each photo scaled to the page with its caption (用途, file, 拍摄时间),
 * the PDFs listed. Several records (a unit's batch) follow one another, each from a new page.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph } from 'docx'
import type { FileChild } from 'docx'
import { imageSize } from 'image-size'
import { ATTACHMENT_TYPES } from '@shared/evidence/attachments'
import type { Dossier } from '@shared/reports/dossier'
import type { Column } from './documentParts'
import { formTable } from './documentParts'
import { FONT, blank, centred, cnNumeral, run, titleParagraph, writeOfficialDocx } from './officialDocument'

/** Largest photo on the page, in pixels at 96 dpi (docx's unit): 120 × 90 mm, within the 156 mm 版心. */
const MAX_WIDTH = 454
const MAX_HEIGHT = 340

const pairColumns: Column<[string, string]>[] = [
  { label: '项目', percent: 26, align: AlignmentType.CENTER, value: ([k]) => k },
  { label: '内容', percent: 74, align: AlignmentType.LEFT, value: ([, v]) => v }
]
const tlcColumns: Column<NonNullable<Dossier['tlc']>[number]>[] = [
  { label: '项目', percent: 18, align: AlignmentType.CENTER, value: (t) => t.item },
  { label: '情况', percent: 34, align: AlignmentType.LEFT, value: (t) => t.state },
  { label: '完成日期', percent: 22, align: AlignmentType.CENTER, value: (t) => t.date },
  { label: '方式', percent: 26, align: AlignmentType.LEFT, value: (t) => t.method }
]
const stepColumns: Column<Dossier['steps'][number]>[] = [
  { label: '时间', percent: 30, align: AlignmentType.CENTER, value: (s) => s.at },
  { label: '经办人', percent: 20, align: AlignmentType.CENTER, value: (s) => s.by },
  { label: '事项', percent: 50, align: AlignmentType.LEFT, value: (s) => s.what }
]

const heading = (text: string): Paragraph => new Paragraph({ keepNext: true, children: [run(text, FONT.heading1)] })
/** Captions in 小四 (12 pt), under the photo or in its place. */
const CAPTION = { size: 24 }
/** A paragraph sized by what it holds (a photo), not by the body's exact line pitch. */
const free = { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 } }

/** A photo scaled into the page with its caption under it; a file Word cannot show (WebP, PDF) named instead. */
function evidenceParagraphs(e: Dossier['evidence'][number], n: number, bytes: Buffer | undefined): Paragraph[] {
  const caption = `图${n}　${e.slot}　${e.name}${e.takenAt ? `　拍摄于 ${e.takenAt}` : ''}`
  if (!bytes || (e.type !== 'jpeg' && e.type !== 'png')) {
    return [new Paragraph({ ...free, children: [run(`${caption}（${ATTACHMENT_TYPES[e.type].label}，见电子档案）`, FONT.body, CAPTION)] })]
  }
  const { width = MAX_WIDTH, height = MAX_HEIGHT } = imageSize(bytes)
  const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height)
  const image = new ImageRun({ type: e.type === 'jpeg' ? 'jpg' : 'png', data: bytes, transformation: { width: Math.round(width * scale), height: Math.round(height * scale) } })
  return [
    new Paragraph({ ...free, alignment: AlignmentType.CENTER, keepNext: true, children: [image] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(caption, FONT.body, CAPTION)] })
  ]
}

function dossierChildren(d: Dossier, files: ReadonlyMap<string, Buffer>, first: boolean): FileChild[] {
  // The parts the record has, numbered in order (a record with no 查处 has no empty 查处 part).
  const parts: [string, FileChild[]][] = [
    ...d.sections.map((s): [string, FileChild[]] => [s.heading, [formTable(pairColumns, s.rows), ...blank()]]),
    ...(d.tlc ? [['两断三清', [formTable(tlcColumns, d.tlc), ...blank()]] as [string, FileChild[]]] : []),
    ...(d.steps.length ? [['办理过程', [formTable(stepColumns, d.steps), ...blank()]] as [string, FileChild[]]] : []),
    [
      '佐证材料',
      d.evidence.length ? d.evidence.flatMap((e, i) => evidenceParagraphs(e, i + 1, files.get(e.sha256))) : [new Paragraph({ children: [run('未上传佐证材料。')] })]
    ]
  ]
  return [
    // Each record of a batch from a new page.
    ...(first ? [] : [new Paragraph({ pageBreakBefore: true })]),
    titleParagraph(d.title),
    centred(d.subtitle),
    ...blank(),
    ...parts.flatMap(([title, content], i) => [heading(`${cnNumeral(i + 1)}、${title}`), ...content])
  ]
}

/** One record's 一企一档, or a unit's (records in ledger order), with the attachments' bytes by sha256. */
export function writeDossierDocx(title: string, dossiers: readonly Dossier[], files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  return writeOfficialDocx(title, dossiers.flatMap((d, i) => dossierChildren(d, files, i === 0)))
}
