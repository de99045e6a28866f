import type { Worksheet } from 'exceljs'
import type { AnnexDefinition, StatColumn } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import type { FormHeader, LeafColumn } from './formBlock'
import { FIRST_DATA_ROW, infoLine, putCell, putLine, signatureLine, writeHeader, writeTitleBlock } from './formBlock'
import { FONTS, rowHeight, textWidth } from './style'

/** 临夏市…摸底情况汇总表 → 临夏市…摸底情况统计表; another title gets （统计） appended. */
export function statsTitle(title: string): string {
  return title.endsWith('汇总表') ? `${title.slice(0, -3)}统计表` : `${title}（统计）`
}

/** Wide enough for a four-character header on one line, and for a longer one on two. */
function statWidth(c: StatColumn<RecordFields>): number {
  return Math.max(8, Math.ceil(textWidth(c.header, FONTS.header.size ?? 10) / 2) + 1)
}

/**
 * The 统计 sheet: 序号 | 单位 | the definition's stat columns (grouped as defined) | 备注, one row for the unit and a
 * 合计 row. Every number is computed from the records by the definition, never typed.
 */
export function writeStatsSheet(
  ws: Worksheet,
  annex: AnnexDefinition<RecordFields>,
  stats: NonNullable<AnnexDefinition<RecordFields>['stats']>,
  year: number,
  rows: readonly RecordFields[],
  header: FormHeader
): void {
  const leaves: LeafColumn[] = [
    { header: '序号', width: 6 },
    { header: '单位', width: 14 },
    ...stats.columns.map((c) => ({ header: c.header, group: c.group, width: statWidth(c) })),
    { header: '备注', width: 14 }
  ]
  writeTitleBlock(ws, leaves, annex.label, statsTitle(annex.title), infoLine(header, year))
  writeHeader(ws, leaves)

  const counts = stats.columns.map((c) => c.compute(rows))
  const unitRow = FIRST_DATA_ROW
  const totalRow = unitRow + 1
  const body = { font: FONTS.body, horizontal: 'center', border: true } as const
  const lineValues: [number, (string | number | null)[]][] = [
    [unitRow, [1, header.unitName || null, ...counts, null]],
    // One unit per file: the 合计 equals its row, and keeps the form's shape when the office stacks units.
    [totalRow, ['合计', null, ...counts, null]]
  ]
  for (const [row, values] of lineValues) {
    const style = row === totalRow ? { ...body, font: FONTS.header } : body
    values.forEach((v, i) => putCell(ws.getCell(row, i + 1), v, style))
    ws.getRow(row).height = rowHeight(1, FONTS.body.size ?? 10, 24)
  }
  ws.mergeCells(totalRow, 1, totalRow, 2)

  const footer = { font: FONTS.footer, horizontal: 'left' } as const
  putLine(ws, totalRow + 1, leaves, signatureLine(header.filler), footer, 36)
  putLine(ws, totalRow + 2, leaves, `注：本表数据由“${annex.sheetName}”工作表逐行自动统计生成，请勿手工改动。`, footer)
}
