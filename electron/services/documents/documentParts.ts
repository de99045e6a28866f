/**
 * Parts the office's 红头文件 share (督办通知, 通报): the 版头 — 发文机关标志 in red, the 发文字号 over the red
 * line — and the 附件 table on its own page, in 五号 with a header row repeated on every page.
 */
import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx'
import { FONT, RED_RULE, TEXT_WIDTH, blank, run, titleParagraph, twips, redBanner } from './officialDocument'

const BANNER_POINTS = 32
/** 发文机关标志: its top 35 mm below the top of the 版心 (GB/T 9704 7.2.2). */
const BANNER_GAP = twips(35)
/** 附件 table: 五号 (10.5 pt), single-spaced; a 问题编号 column holds LXS-2024-005-0007 on one line. */
const TABLE_SIZE = 21

/** 版头: the issuer in red 35 mm down, the 发文字号 two lines under it with the red line 4 mm below. */
export function fileHead(issuer: string, number: string): Paragraph[] {
  return [
    redBanner(issuer, BANNER_POINTS, BANNER_GAP),
    ...blank(2),
    new Paragraph({ alignment: AlignmentType.CENTER, border: RED_RULE, children: [run(number)] }),
    ...blank(2)
  ]
}

export interface Column<T> {
  label: string
  percent: number
  align: (typeof AlignmentType)['CENTER'] | (typeof AlignmentType)['LEFT']
  value: (item: T, index: number) => string
}

const widthOf = (c: { percent: number }): number => Math.round((TEXT_WIDTH * c.percent) / 100)

const cell = (text: string, font: string, percent: number, alignment: Column<unknown>['align']): TableCell =>
  new TableCell({
    width: { size: widthOf({ percent }), type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 60, bottom: 60 },
    children: [
      new Paragraph({
        alignment,
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [run(text, font, { size: TABLE_SIZE, characterSpacing: 0 })]
      })
    ]
  })

/** A bordered table across the 版心: the header in 黑体 on every page, no row split across pages. */
export function formTable<T>(columns: readonly Column<T>[], items: readonly T[]): Table {
  const header = new TableRow({ tableHeader: true, children: columns.map((c) => cell(c.label, FONT.heading1, c.percent, AlignmentType.CENTER)) })
  const rows = items.map((item, i) => new TableRow({ cantSplit: true, children: columns.map((c) => cell(c.value(item, i), FONT.body, c.percent, c.align)) }))
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: columns.map(widthOf), rows: [header, ...rows] })
}

/** 附件 on a page of its own: the word 附件 in 黑体, the table's title, the table. */
export function annexPage(title: string, table: Table): (Paragraph | Table)[] {
  return [new Paragraph({ pageBreakBefore: true, children: [run('附件', FONT.heading1)] }), ...blank(), titleParagraph(title), ...blank(), table]
}
