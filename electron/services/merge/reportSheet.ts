/**
 * 合并报告 (reliability.md §4): what was received and what became of each file (status, counts, SHA-256), the
 * reconciliation equations as 差异 = 0 lines, what each newer version changed, the duplicates and every decision
 * with what became of it, and who is missing — on one sheet, section after section, so it prints as one report.
 */
import type { Worksheet } from 'exceljs'
import { chinaDateTimeCn } from '@shared/domain/chinaTime'
import { cnDate, cnFilledDate } from '@shared/domain/dates'
import type { Consolidation, Decision, DecisionOutcome, Equation } from '@shared/merge/types'
import type { SubmissionSummary, VersionDiff } from '@shared/merge/types'
import { diffCounts } from '@shared/merge/versionDiff'
import { fieldText } from '@shared/ledger/record'
import type { CellStyle, LeafColumn } from '../export/formBlock'
import { putLine, signatureLine } from '../export/formBlock'
import { FONTS } from '../export/style'
import type { TableCell } from './formTable'
import { BODY, BODY_LEFT, HEAD, putTableRow } from './formTable'
import type { OfficeContext } from './officeSheet'
import { officeTitle, putFooterLines, writeOfficeTitle } from './officeSheet'
import { PageKeeper } from './pageBreaks'
import { decidedBy, decisionText, decisionWords, keyText, keyValue } from './wording'
import { OUTCOME_TEXT, shortSha, STATUS_TEXT } from './wording'

/** The printed grid; sections span its columns as they need. */
const LEAVES: LeafColumn[] = [
  { header: '序号', width: 5 },
  { header: '文件名', width: 26 },
  { header: '单位', width: 12 },
  { header: '填报日期', width: 14 },
  { header: '状态', width: 12 },
  { header: '读取', width: 7 },
  { header: '采用', width: 7 },
  { header: '退回', width: 7 },
  { header: '空行', width: 7 },
  { header: '说明', width: 30 },
  { header: '校验值（前12位）', width: 15 }
]
/** The full SHA-256 in a hidden column after the printed ones: for programs and for whoever unhides it. */
const FULL_SHA: LeafColumn = { header: 'SHA-256', width: 66 }
/** Table rows run into the hidden column; lines across the page stop before it. */
const GRID = [...LEAVES, FULL_SHA]

const SECTION: CellStyle = { font: { ...FONTS.header, size: 12 }, horizontal: 'left' }
const BOLD: CellStyle = { ...BODY, font: FONTS.header }
const COLUMNS = LEAVES.length
/** A section's heading, its header row and two rows stay on one page. */
const KEEP = 26 + 30 + 2 * 24

const heads = (...cells: [string, number?][]): TableCell[] => cells.map(([value, span]) => ({ value, span, style: HEAD }))

function fileCells(s: SubmissionSummary, i: number): TableCell[] {
  // The file now in use, unless the reason already names it.
  const replaced = s.replacedBy && !s.reason?.includes(s.replacedBy) ? `现用“${s.replacedBy}”` : null
  return [
    { value: i + 1 },
    { value: s.file, style: BODY_LEFT },
    { value: s.unit ?? '未识别' },
    { value: cnDate(s.filledDate) },
    { value: STATUS_TEXT[s.status], style: s.status === 'accepted' ? BODY : BOLD },
    { value: s.read },
    { value: s.accepted },
    { value: s.rejected },
    { value: s.blankSkipped },
    { value: [s.reason, replaced].filter(Boolean).join('；') || null, style: BODY_LEFT },
    { value: shortSha(s.sha256) },
    { value: s.sha256, style: BODY_LEFT }
  ]
}

function writeFiles(ws: Worksheet, row: number, files: readonly SubmissionSummary[]): number {
  const used = files.filter((s) => s.status === 'accepted')
  putLine(ws, row++, LEAVES, `一、收到的文件（共 ${files.length} 个，采用 ${used.length} 个）`, SECTION, 26)
  putTableRow(ws, row++, GRID, GRID.map((l) => ({ value: l.header, style: HEAD })))
  files.forEach((s, i) => putTableRow(ws, row++, GRID, fileCells(s, i)))
  const sum = (k: 'read' | 'accepted' | 'rejected' | 'blankSkipped'): number => used.reduce((n, s) => n + s[k], 0)
  putTableRow(ws, row++, GRID, [
    { value: '采用文件合计', span: 5, style: BOLD },
    ...[sum('read'), sum('accepted'), sum('rejected'), sum('blankSkipped')].map((value) => ({ value, style: BOLD })),
    { value: '读取 = 采用 + 退回 + 空行', style: BODY_LEFT },
    { value: null },
    { value: null }
  ])
  return row
}

function equationCells(e: Equation, i: number): TableCell[] {
  return [
    { value: i + 1 },
    { value: e.label, span: 4, style: BODY_LEFT },
    { value: e.left, span: 2 },
    { value: e.right, span: 2 },
    { value: `差异 = ${e.left - e.right}`, style: BOLD },
    { value: e.ok ? '相符' : '不符', style: BOLD }
  ]
}

function writeEquations(ws: Worksheet, row: number, equations: readonly Equation[], pages: PageKeeper): number {
  pages.keep(row, KEEP)
  const failing = equations.filter((e) => !e.ok).length
  const verdict = failing === 0 ? '全部相符' : `${failing} 项不符`
  putLine(ws, row++, LEAVES, `二、核对等式（共 ${equations.length} 项，${verdict}）`, SECTION, 26)
  putTableRow(ws, row++, GRID, heads(['序号'], ['核对项目', 4], ['等式左边', 2], ['等式右边', 2], ['差异'], ['结果']))
  equations.forEach((e, i) => putTableRow(ws, row++, GRID, equationCells(e, i)))
  return row
}

/** Every row taken in with errors, with its unit, file, row and errors: the office sends these back to be corrected. */
function writeFlagged(ws: Worksheet, row: number, c: Consolidation, pages: PageKeeper): number {
  pages.keep(row, KEEP)
  const flagged = c.rows.filter((r) => r.errors)
  putLine(ws, row++, LEAVES, `三、有错误的记录（共 ${flagged.length} 行，已照报汇总、计入各项数字并在明细中标红）`, SECTION, 26)
  if (flagged.length === 0) {
    putTableRow(ws, row++, GRID, [{ value: '采用的文件中没有有错误的记录。', span: COLUMNS, style: BODY_LEFT }])
    return row
  }
  putTableRow(ws, row++, GRID, heads(['序号'], ['企业（场所）名称'], ['单位'], ['来源文件及行号', 2], ['错误及处理', 6]))
  flagged.forEach((r, i) => {
    putTableRow(ws, row++, GRID, [
      { value: i + 1 },
      { value: fieldText(r.fields, 'name'), style: BODY_LEFT },
      { value: r.unit },
      { value: `${r.provenance.file} 第${r.provenance.row}行`, span: 2, style: BODY_LEFT },
      { value: `${r.errors?.join('；')}。请通知${r.unit}改正后重新报送。`, span: 6, style: BODY_LEFT }
    ])
  })
  return row
}

function diffTitle(d: VersionDiff): string {
  const version = (v: VersionDiff['from']): string => `“${v.file}”（${cnFilledDate(v.filledDate)}）`
  return `${d.unit}：${version(d.from)} → ${version(d.to)}，${diffCounts(d)}`
}

/** One line per added, removed or changed row: 名称 | 变化 | 原行号 | 新行号 | 判定依据 | 变化的列. */
function diffRows(d: VersionDiff): TableCell[][] {
  type Row = number | null
  type Line = (name: string, what: string, from: Row, to: Row, key: string | null, fields?: string) => TableCell[]
  const line: Line = (name, what, from, to, key, fields = '') => [
    { value: name, style: BODY_LEFT },
    { value: what },
    { value: from },
    { value: to },
    { value: keyValue(key), span: 4 },
    { value: fields || null, span: 2, style: BODY_LEFT }
  ]
  return [
    ...d.added.map((a) => line(a.name, '新增', null, a.row, a.key)),
    ...d.removed.map((r) => line(r.name, '删除', r.row, null, r.key)),
    ...d.changed.map((c) => line(c.name, '修改', c.rowFrom, c.rowTo, c.key, c.fields.join('、')))
  ]
}

function writeVersions(ws: Worksheet, row: number, diffs: readonly VersionDiff[], pages: PageKeeper): number {
  pages.keep(row, KEEP)
  putLine(ws, row++, LEAVES, `四、新版本替代旧版本（共 ${diffs.length} 个单位）`, SECTION, 26)
  if (diffs.length === 0) {
    putTableRow(ws, row++, GRID, [{ value: '本次没有单位报送新版本。', span: COLUMNS, style: BODY_LEFT }])
    return row
  }
  for (const d of diffs) {
    pages.keep(row, KEEP)
    putTableRow(ws, row++, GRID, [{ value: diffTitle(d), span: COLUMNS, style: { ...BODY_LEFT, font: FONTS.header } }])
    putTableRow(ws, row++, GRID, heads(['序号'], ['企业（场所）名称'], ['变化'], ['原行号'], ['新行号'], ['判定依据', 4], ['变化的列', 2]))
    diffRows(d).forEach((cells, i) => putTableRow(ws, row++, GRID, [{ value: i + 1 }, ...cells]))
  }
  return row
}

function writeConflicts(ws: Worksheet, row: number, c: Consolidation, pages: PageKeeper): number {
  pages.keep(row, KEEP)
  const groups = c.duplicateGroups
  const open = groups.filter((g) => !g.decision).length
  putLine(ws, row++, LEAVES, `五、跨单位重复（共 ${groups.length} 组，未处理 ${open} 组）`, SECTION, 26)
  if (groups.length === 0) {
    putTableRow(ws, row++, GRID, [{ value: '无跨单位重复填报的企业（场所）。', span: COLUMNS, style: BODY_LEFT }])
    return row
  }
  putTableRow(ws, row++, GRID, heads(['序号'], ['判定依据'], ['涉及单位', 2], ['处理情况', 5], ['决定人及时间'], ['说明']))
  groups.forEach((g, i) => {
    putTableRow(ws, row++, GRID, [
      { value: i + 1 },
      { value: keyText(g) },
      { value: g.units.join('、'), span: 2 },
      { value: decisionText(g), span: 5, style: g.decision ? BODY : BOLD },
      { value: g.decision ? decidedBy(g.decision) : null },
      { value: g.decision?.note ?? null, style: BODY_LEFT }
    ])
  })
  return row
}

/** What a decision is about: the enterprise, or the unit's annex for a choice of version. */
const targetOf = (d: Decision): string => (d.kind === 'use-version' ? `${d.unit}报送的${d.annex}` : keyValue(d.key))

function writeDecisions(ws: Worksheet, row: number, decisions: readonly DecisionOutcome[], pages: PageKeeper): number {
  pages.keep(row, KEEP)
  putLine(ws, row++, LEAVES, `六、处理决定记录（共 ${decisions.length} 项，按作出先后）`, SECTION, 26)
  if (decisions.length === 0) {
    putTableRow(ws, row++, GRID, [{ value: '本次汇总未作处理决定。', span: COLUMNS, style: BODY_LEFT }])
    return row
  }
  putTableRow(ws, row++, GRID, heads(['序号'], ['对象'], ['决定', 2], ['执行情况', 5], ['决定人及时间'], ['说明']))
  decisions.forEach((o, i) => {
    const d = o.decision
    putTableRow(ws, row++, GRID, [
      { value: i + 1 },
      { value: targetOf(d), style: BODY_LEFT },
      { value: decisionWords(d), span: 2 },
      { value: `${OUTCOME_TEXT[o.status]}：${o.note}`, span: 5, style: BODY_LEFT },
      { value: decidedBy(d) },
      { value: d.note ?? null, style: BODY_LEFT }
    ])
  })
  return row
}

export function writeReportSheet(ws: Worksheet, c: Consolidation, ctx: OfficeContext, checkCode: string): void {
  writeOfficeTitle(ws, LEAVES, ctx, officeTitle(ctx, '合并报告'))
  const full = ws.getColumn(GRID.length)
  full.width = FULL_SHA.width
  full.hidden = true
  const operator = ctx.header.filler || '＿＿＿＿'
  const made = `生成时间：${chinaDateTimeCn(ctx.now)}　　操作人：${operator}　　程序版本：${ctx.appVersion}　　校验码：${checkCode}`
  putLine(ws, 4, LEAVES, made, { font: FONTS.info, horizontal: 'left' }, 24)
  const pages = new PageKeeper(ws)
  let row = writeFiles(ws, 5, c.submissions)
  row = writeEquations(ws, row, c.equations, pages)
  row = writeFlagged(ws, row, c, pages)
  row = writeVersions(ws, row, c.versionDiffs, pages)
  row = writeConflicts(ws, row, c, pages)
  row = writeDecisions(ws, row, c.decisions, pages)
  const missing = c.missingUnits
  const who = missing.length > 0 ? `：${missing.join('、')}，见“未报送单位”工作表。` : '，应报送单位均已报送。'
  // The last section, the signature and the note stay on one page.
  pages.keep(row, 26 + 24 + 36 + 40)
  putLine(ws, row++, LEAVES, `七、未报送单位（${missing.length} 个）`, SECTION, 26)
  putFooterLines(ws, row, LEAVES, [
    `未报送单位 ${missing.length} 个${who}`,
    signatureLine(ctx.header.filler),
    '注：“校验值”为所收文件内容的 SHA-256 值（前12位，完整值在隐藏列），内容相同的文件校验值相同；核对等式任一项不符时，程序不生成本工作簿。'
  ])
}
