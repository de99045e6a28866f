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

/** What a 统计-style sheet prints: one row per unit, then 合计, then free lines, the signature and a note. */
export interface StatsTable {
  title: string
  header: FormHeader
  /** In printed order; 合计 is computed over all their rows. */
  units: readonly { name: string; rows: readonly RecordFields[]; remark?: string }[]
  /** Lines between the table and the signature. */
  summary?: readonly string[]
  note: string
}

/**
 * A 统计 sheet: 序号 | 单位 | the definition's stat columns (grouped as defined) | 备注, one row per unit and a 合计
 * row. Every number is computed from the records by the definition, never typed.
 */
export function writeStatsSheet(
  ws: Worksheet,
  annex: AnnexDefinition<RecordFields>,
  stats: NonNullable<AnnexDefinition<RecordFields>['stats']>,
  year: number,
  table: StatsTable
): void {
  const { header, units } = table
  // Wide enough for the longest unit name on one line (州生态环境局临夏市分局).
  const unitWidth = Math.max(14, ...units.map((u) => Math.ceil(textWidth(u.name, FONTS.body.size ?? 10)) + 2))
  const leaves: LeafColumn[] = [
    { header: '序号', width: 6 },
    { header: '单位', width: unitWidth },
    ...stats.columns.map((c) => ({ header: c.header, group: c.group, width: statWidth(c) })),
    { header: '备注', width: 14 }
  ]
  writeTitleBlock(ws, leaves, annex.label, table.title, infoLine(header, year))
  writeHeader(ws, leaves)

  const all = units.flatMap((u) => u.rows)
  const totalRow = FIRST_DATA_ROW + units.length
  const body = { font: FONTS.body, horizontal: 'center', border: true } as const
  const lineValues: [number, (string | number | null)[]][] = [
    ...units.map((u, k): [number, (string | number | null)[]] => [
      FIRST_DATA_ROW + k,
      [k + 1, u.name || null, ...stats.columns.map((c) => c.compute(u.rows)), u.remark ?? null]
    ]),
    [totalRow, ['合计', null, ...stats.columns.map((c) => c.compute(all)), null]]
  ]
  for (const [row, values] of lineValues) {
    const style = row === totalRow ? { ...body, font: FONTS.header } : body
    values.forEach((v, i) => putCell(ws.getCell(row, i + 1), v, style))
    ws.getRow(row).height = rowHeight(1, FONTS.body.size ?? 10, 24)
  }
  ws.mergeCells(totalRow, 1, totalRow, 2)

  const footer = { font: FONTS.footer, horizontal: 'left' } as const
  const lines = [...(table.summary ?? []), signatureLine(header.filler)]
  lines.forEach((text, i) => putLine(ws, totalRow + 1 + i, leaves, text, footer, i === lines.length - 1 ? 36 : 24))
  putLine(ws, totalRow + 1 + lines.length, leaves, table.note, footer)
}
