/**
 * 明细 and the per-unit sheets: the unit forms' 明细 layout (writeDetailSheet), the consolidation adding 来源单位 and
 * 来源文件 after the annex's columns, and rows of enterprises reported by several units shaded grey.
 */
import type { Worksheet } from 'exceljs'
import type { AnnexColumn } from '@shared/annexes/types'
import type { SubmissionSummary } from '@shared/merge/types'
import { writeDetailSheet } from '../export/detailSheet'
import type { ListSheet } from '../export/validation'
import type { OfficeContext } from './officeSheet'
import type { PrintedRow } from './printedRows'
import { shortSha } from './wording'

/** After the annex's own columns, whose headers stay as they are so the importer reads 明细 back (a roll-up). */
const SOURCE_COLUMNS: readonly AnnexColumn[] = [
  { key: 'sourceUnit', header: '来源单位', kind: 'text', width: 10 },
  { key: 'sourceFile', header: '来源文件', kind: 'text', width: 18 }
]
/** Rows of an enterprise several units reported are shaded grey. */
const duplicate = (rows: readonly PrintedRow[]) => (k: number): boolean => Boolean(rows[k]?.group)

const MARK_NOTE = '灰底、备注栏带【】的行是两个及以上单位填报的同一企业（场所），处理情况见“重复与冲突”工作表。'

/** 明细: every row of the consolidation, sorted by unit, with its source. */
export async function writeConsolidatedDetail(
  ws: Worksheet,
  rows: readonly PrintedRow[],
  ctx: OfficeContext,
  lists: ListSheet
): Promise<void> {
  const { annex, campaign, header } = ctx
  const sourced = { ...annex, columns: [...annex.columns, ...SOURCE_COLUMNS] }
  const fields = rows.map((r) => ({ ...r.fields, sourceUnit: r.row.unit, sourceFile: r.row.provenance.file }))
  const notes = [
    '说明：',
    '1. 本表由各单位报送的表格逐条汇总，按单位排列；“来源单位”“来源文件”注明每条记录的出处，文件校验值见“合并报告”工作表。',
    ...(rows.some((r) => r.group) ? [`2. ${MARK_NOTE}`] : [])
  ]
  const input = { annex: sourced, campaign, rows: fields, header, blankRows: 0, notes, shaded: duplicate(rows) }
  await writeDetailSheet(ws, input, lists)
}

/** One unit's rows as its own form, 填报单位 and 填报日期 from the file in use. */
export async function writeUnitDetail(
  ws: Worksheet,
  unit: string,
  rows: readonly PrintedRow[],
  used: SubmissionSummary | undefined,
  ctx: OfficeContext,
  lists: ListSheet
): Promise<void> {
  const { annex, campaign } = ctx
  const header = { unitName: unit, filler: '', phone: '', filledDate: used?.filledDate ?? '' }
  const source = used ? `报送文件“${used.file}”（校验值 ${shortSha(used.sha256)}）` : '报送文件'
  const notes = [`说明：本表为${unit}${source}中汇总采用的记录。`, ...(rows.some((r) => r.group) ? [MARK_NOTE] : [])]
  const fields = rows.map((r) => r.fields)
  const input = { annex, campaign, rows: fields, header, blankRows: 0, notes, shaded: duplicate(rows) }
  await writeDetailSheet(ws, input, lists)
}
