/**
 * 明细 and the per-unit sheets: the unit forms' 明细 layout (DetailForm), the consolidation adding 来源单位 and
 * 来源文件 after the annex's columns, rows of enterprises reported by several units shaded grey, rows with errors red.
 */
import type { Worksheet } from 'exceljs'
import type { AnnexColumn } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import type { Consolidation, SubmissionSummary } from '@shared/merge/types'
import type { DetailSheetInput, Shade } from '../export/detailSheet'
import { DetailForm } from '../export/detailSheet'
import { FIRST_DATA_ROW } from '../export/formBlock'
import type { RawCell, RawRows } from '../export/rawRows'
import { afterRow } from '../export/rowPause'
import type { ListSheet } from '../export/validation'
import type { OfficeContext } from './officeSheet'
import type { PrintedRow } from './printedRows'
import { shortSha } from './wording'

/** After the annex's own columns, whose headers stay as they are so the importer reads 明细 back (a roll-up). */
const SOURCE_COLUMNS: readonly AnnexColumn[] = [
  { key: 'sourceUnit', header: '来源单位', kind: 'text', width: 10 },
  { key: 'sourceFile', header: '来源文件', kind: 'text', width: 18 }
]
/** A row with errors is red (it needs the unit's correction first), else grey when several units reported it. */
const shade = (rows: readonly PrintedRow[]) => (k: number): Shade | null =>
  rows[k]?.row.errors ? 'error' : rows[k]?.group ? 'duplicate' : null

const MARK_NOTE = '灰底、备注栏带【与…重复】的行是两个及以上单位填报的同一企业（场所），处理情况见“重复与冲突”工作表。'
const ERROR_NOTE = '红底、备注栏带【有错误】的行是报送单位的记录有错误，已照报汇总并计入各项数字，请通知该单位改正后重新报送，明细见“合并报告”工作表。'

/** The notes on marked rows, for those the sheet has. */
function markNotes(rows: readonly PrintedRow[]): string[] {
  return [...(rows.some((r) => r.group) ? [MARK_NOTE] : []), ...(rows.some((r) => r.row.errors) ? [ERROR_NOTE] : [])]
}

/**
 * Each row's printed fields and its source, copied into a copy of one template: every row then has one hidden
 * class. A spread adding the two keys took four times as long (measured on 50,000 rows).
 */
function sourcedFields(rows: readonly PrintedRow[], columns: readonly AnnexColumn[]): RecordFields[] {
  const keys = columns.filter((c) => c.kind !== 'seq').map((c) => c.key)
  const template: RecordFields = Object.fromEntries([...keys, ...SOURCE_COLUMNS.map((c) => c.key)].map((k) => [k, '']))
  return rows.map((r) => {
    const fields = { ...template }
    for (const key of keys) fields[key] = r.fields[key] ?? ''
    fields['sourceUnit'] = r.row.unit
    fields['sourceFile'] = r.row.provenance.file
    return fields
  })
}

/** 明细: every row of the consolidation, sorted by unit, with its source. */
function consolidatedInput(rows: readonly PrintedRow[], ctx: OfficeContext): DetailSheetInput {
  const { annex, campaign, header } = ctx
  const sourced = { ...annex, columns: [...annex.columns, ...SOURCE_COLUMNS] }
  const fields = sourcedFields(rows, annex.columns)
  const notes = [
    '说明：',
    '1. 本表由各单位报送的表格逐条汇总，按单位排列；“来源单位”“来源文件”注明每条记录的出处，文件校验值见“合并报告”工作表。',
    ...markNotes(rows).map((note, i) => `${i + 2}. ${note}`)
  ]
  return { annex: sourced, campaign, rows: fields, header, blankRows: 0, notes, shaded: shade(rows) }
}

/** One unit's rows as its own form, 填报单位 and 填报日期 from the file in use. */
function unitInput(
  unit: string,
  rows: readonly PrintedRow[],
  used: SubmissionSummary | undefined,
  ctx: OfficeContext
): DetailSheetInput {
  const { annex, campaign } = ctx
  const header = { unitName: unit, filler: '', phone: '', filledDate: used?.filledDate ?? '' }
  const source = used ? `报送文件“${used.file}”（校验值 ${shortSha(used.sha256)}）` : '报送文件'
  const notes = [`说明：本表为${unit}${source}中汇总采用的记录。`, ...markNotes(rows)]
  const fields = rows.map((r) => r.fields)
  return { annex, campaign, rows: fields, header, blankRows: 0, notes, shaded: shade(rows) }
}

function rawOf(form: DetailForm): RawRows {
  if (!form.raw) throw new Error('the consolidated workbook must be streamed with shared strings')
  return form.raw
}

/**
 * 明细 and the unit sheets, written together: each row is rendered once and printed twice, in 明细 and in its
 * unit's sheet with a 序号 and height of its own. Rendering every row again for the unit sheets took a fifth of
 * the writing; the price is that the unit sheets wait uncompressed, in memory, until the zip has taken 明细.
 * `units` are the unit sheets in workbook order, `byUnit` their rows; every row's unit has a sheet.
 */
export async function writeDetailSheets(
  detailWs: Worksheet,
  units: readonly (readonly [string, Worksheet])[],
  c: Consolidation,
  rows: readonly PrintedRow[],
  byUnit: ReadonlyMap<string, readonly PrintedRow[]>,
  ctx: OfficeContext,
  lists: ListSheet
): Promise<void> {
  const detail = new DetailForm(detailWs, consolidatedInput(rows, ctx))
  const forms = new Map(
    units.map(([unit, ws]) => {
      const used = c.submissions.find((s) => s.status === 'accepted' && s.unit === unit)
      return [unit, { form: new DetailForm(ws, unitInput(unit, byUnit.get(unit) ?? [], used, ctx)), next: 0 }]
    })
  )
  const raw = rawOf(detail)
  const width = ctx.annex.columns.length
  const seqColumns = ctx.annex.columns.flatMap((col, i) => (col.kind === 'seq' ? [i] : []))
  for (let k = 0; k < rows.length; k++) {
    const row = detail.row(k)
    const tails = row.cells.map((cell) => raw.cellTail(cell))
    raw.writeTails(FIRST_DATA_ROW + k, tails, detail.height(k, Math.max(1, ...row.lines)))
    const unit = forms.get((rows[k] as PrintedRow).row.unit)
    if (!unit) throw new Error('every row of 明细 belongs to a unit sheet')
    const j = unit.next++
    const own = tails.slice(0, width)
    for (const i of seqColumns) own[i] = raw.cellTail({ value: j + 1, style: (row.cells[i] as RawCell).style })
    rawOf(unit.form).writeTails(FIRST_DATA_ROW + j, own, unit.form.height(j, Math.max(1, ...row.lines.slice(0, width))))
    await afterRow(k, rows.length)
  }
  detail.finish(lists)
  detailWs.commit()
  for (const [unit, ws] of units) {
    forms.get(unit)?.form.finish(lists)
    ws.commit()
  }
}
