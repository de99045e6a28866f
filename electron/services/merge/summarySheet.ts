/**
 * 汇总: the annex's 统计 columns (问题类型, 所属领域, 拟整治类别 …) per unit, in campaign order, with 合计 — the unit
 * forms' 统计 sheet stacked — and under it what the 合计 does not show: distinct problems, open conflicts, who is
 * missing.
 */
import type { Worksheet } from 'exceljs'
import type { Consolidation } from '@shared/merge/types'
import { writeStatsSheet } from '../export/statsSheet'
import type { OfficeContext } from './officeSheet'
import type { PrintedRow } from './printedRows'

type Stats = NonNullable<OfficeContext['annex']['stats']>

/** An annex without 统计 columns is still counted per unit. */
const COUNT_ONLY: Stats = { sheetName: '统计', columns: [{ header: '问题数', compute: (rows) => rows.length }] }

function summaryLines(c: Consolidation): string[] {
  const total = c.rows.length
  const repeated = total - c.distinctProblems
  const open = c.duplicateGroups.filter((g) => !g.decision).length
  const missing = c.missingUnits.length
  return [
    `各单位合计 ${total} 条，不重复问题 ${c.distinctProblems} 个` +
      (repeated > 0 ? `（${repeated} 条为其他单位已填报的同一企业或场所，重复计入合计）。` : '，无跨单位重复。'),
    `跨单位重复 ${c.duplicateGroups.length} 组，其中未处理 ${open} 组；未报送单位 ${missing} 个` +
      (missing > 0 ? `（${c.missingUnits.join('、')}）。` : '。') +
      '详见“重复与冲突”“未报送单位”工作表。'
  ]
}

export function writeSummarySheet(
  ws: Worksheet,
  c: Consolidation,
  byUnit: ReadonlyMap<string, readonly PrintedRow[]>,
  ctx: OfficeContext
): void {
  const { annex, campaign, header } = ctx
  const units = [...byUnit].map(([name, rows]) => {
    const repeated = rows.filter((r) => r.group).length
    return { name, rows: rows.map((r) => r.row.fields), remark: repeated > 0 ? `含重复 ${repeated} 条` : undefined }
  })
  writeStatsSheet(ws, annex, annex.stats ?? COUNT_ONLY, campaign.year, {
    title: `${annex.title}（分单位统计）`,
    header,
    units,
    summary: summaryLines(c),
    note: '注：本表数据由“明细”工作表逐行自动统计生成，请勿手工改动；各单位报送文件及核对情况见“合并报告”工作表。'
  })
}
