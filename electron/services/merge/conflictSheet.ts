/**
 * 重复与冲突: every enterprise reported by more than one unit, its rows one under another (unit, file, row, name,
 * address, code) and the office's decision beside them, merged over the group's rows as on a printed register.
 */
import type { Worksheet } from 'exceljs'
import type { DuplicateGroup } from '@shared/merge/types'
import type { LeafColumn } from '../export/formBlock'
import { FIRST_DATA_ROW, signatureLine, writeHeader } from '../export/formBlock'
import { FONTS, rowHeight } from '../export/style'
import type { TableCell } from './formTable'
import { BODY, BODY_LEFT, linesOf, putTableRow } from './formTable'
import type { OfficeContext } from './officeSheet'
import { officeTitle, putFooterLines, writeOfficeTitle } from './officeSheet'
import { decidedBy, decisionText, keyText } from './wording'

const MEMBERS = '重复填报情况'
const DECISION = '处理情况'
const LEAVES: LeafColumn[] = [
  { header: '序号', width: 5 },
  { header: '判定依据', width: 20 },
  { header: '填报单位', group: MEMBERS, width: 10 },
  { header: '来源文件', group: MEMBERS, width: 18 },
  { header: '行号', group: MEMBERS, width: 5 },
  { header: '企业（场所）名称', group: MEMBERS, width: 20 },
  { header: '详细地址', group: MEMBERS, width: 22 },
  { header: '统一社会信用代码', group: MEMBERS, width: 20 },
  { header: '处理决定', group: DECISION, width: 14 },
  { header: '决定人及时间', group: DECISION, width: 16 },
  { header: '说明', group: DECISION, width: 16 }
]
/** Columns that belong to the group, not to one member: merged down over the group's rows. */
const GROUP_COLUMNS = [1, 2, 9, 10, 11]

function groupCells(g: DuplicateGroup, i: number): TableCell[] {
  const d = g.decision
  return [
    { value: i + 1 },
    { value: keyText(g) },
    // An open conflict in bold, so it stands out on a black-and-white print.
    { value: decisionText(g), style: d ? BODY : { ...BODY, font: FONTS.header } },
    { value: d ? decidedBy(d) : null },
    { value: d?.note ?? null, style: BODY_LEFT }
  ]
}

/** Writes one group from `top`; returns the next free row. */
function writeGroup(ws: Worksheet, top: number, g: DuplicateGroup, i: number): number {
  const [seq, key, ...decision] = groupCells(g, i)
  const rows = g.rows.map((m, k): TableCell[] => {
    const own: TableCell[] = [
      { value: m.unit },
      { value: m.file, style: BODY_LEFT },
      { value: m.row },
      { value: m.name, style: BODY_LEFT },
      { value: m.address, style: BODY_LEFT },
      { value: m.uscc }
    ]
    const shared = (c: TableCell | undefined): TableCell => (k === 0 && c ? c : { value: null })
    return [shared(seq), shared(key), ...own, ...decision.map(shared)]
  })
  rows.forEach((cells, k) => putTableRow(ws, top + k, LEAVES, cells))
  const bottom = top + rows.length - 1
  if (bottom > top) {
    for (const col of GROUP_COLUMNS) ws.mergeCells(top, col, bottom, col)
    // The merged cells' text must fit the group's rows together.
    const lines = linesOf(LEAVES, rows[0] ?? []).filter((_, c) => GROUP_COLUMNS.includes(c + 1))
    const needed = rowHeight(Math.max(...lines), FONTS.body.size ?? 10)
    const printed = rows.map((_, k) => ws.getRow(top + k))
    const have = printed.reduce((h, r) => h + (r.height ?? 0), 0)
    const last = printed.at(-1)
    if (last && have < needed) last.height = (last.height ?? 0) + needed - have
  }
  return bottom + 1
}

export function writeConflictSheet(ws: Worksheet, groups: readonly DuplicateGroup[], ctx: OfficeContext): void {
  writeOfficeTitle(ws, LEAVES, ctx, officeTitle(ctx, '跨单位重复填报情况'))
  writeHeader(ws, LEAVES)
  let row = FIRST_DATA_ROW
  for (const [i, g] of groups.entries()) row = writeGroup(ws, row, g, i)
  if (groups.length === 0) putTableRow(ws, row++, LEAVES, [{ value: '无跨单位重复填报的企业（场所）。', span: LEAVES.length }])
  const open = groups.filter((g) => !g.decision).length
  putFooterLines(ws, row, LEAVES, [
    `共 ${groups.length} 组，已处理 ${groups.length - open} 组，未处理 ${open} 组。`,
    signatureLine(ctx.header.filler),
    '注：同一统一社会信用代码，或无代码时名称和地址（去除空格、标点、全半角及“有限责任公司/有限公司”等写法差异后）相同，即视为同一企业（场所）；未处理的由领导小组办公室与相关单位核实后确定归属。'
  ])
}
