/** 未报送单位: the units expected to send this annex that have not, with the plan's deadline for it. */
import type { Worksheet } from 'exceljs'
import { unitByName } from '@shared/campaign/campaign'
import type { CampaignUnit } from '@shared/campaign/campaign'
import { cnDate } from '@shared/domain/dates'
import type { LeafColumn } from '../export/formBlock'
import { FIRST_DATA_ROW, signatureLine, writeHeader } from '../export/formBlock'
import { BODY_LEFT, putTableRow } from './formTable'
import type { OfficeContext } from './officeSheet'
import { officeTitle, putFooterLines, writeOfficeTitle } from './officeSheet'

const LEAVES: LeafColumn[] = [
  { header: '序号', width: 5 },
  { header: '单位', width: 16 },
  { header: '单位全称', width: 30 },
  { header: '单位类别', width: 9 },
  { header: '应报送材料', width: 44 },
  { header: '报送时限', width: 17 },
  { header: '分管领导及联系电话', width: 20 },
  { header: '备注', width: 14 }
]

const KIND_TEXT: Record<CampaignUnit['kind'], string> = { subdistrict: '街道', town: '镇', department: '部门' }

/** What the plan asks of this annex and by when (2024年5月10日前). */
function deadlineOf(ctx: OfficeContext): { what: string; by: string } {
  const { annex, campaign } = ctx
  const d = campaign.deadlines.find((x) => x.annex === annex.id)
  const due = d?.date ?? campaign.annexes.find((a) => a.id === annex.id)?.due
  return { what: d?.what ?? `报送《${annex.title}》${annex.label ? `（${annex.label}）` : ''}`, by: due ? `${cnDate(due)}前` : '' }
}

export function writeMissingSheet(ws: Worksheet, missing: readonly string[], ctx: OfficeContext): void {
  writeOfficeTitle(ws, LEAVES, ctx, officeTitle(ctx, '未报送单位'))
  writeHeader(ws, LEAVES)
  const deadline = deadlineOf(ctx)
  missing.forEach((name, i) => {
    const unit = unitByName(ctx.campaign, name)
    putTableRow(ws, FIRST_DATA_ROW + i, LEAVES, [
      { value: i + 1 },
      { value: name },
      { value: unit?.fullName ?? null, style: BODY_LEFT },
      { value: unit ? KIND_TEXT[unit.kind] : null },
      { value: deadline.what, style: BODY_LEFT },
      { value: deadline.by },
      // Filled in once the units have sent their 分管领导 contacts.
      { value: null },
      { value: null }
    ])
  })
  let row = FIRST_DATA_ROW + missing.length
  if (missing.length === 0) putTableRow(ws, row++, LEAVES, [{ value: '应报送单位均已报送。', span: LEAVES.length }])
  putFooterLines(ws, row, LEAVES, [
    `未报送单位 ${missing.length} 个。`,
    signatureLine(ctx.header.filler),
    '注：应报送单位按实施方案确定；请联系未报送单位尽快报送，逾期未报送的报领导小组。'
  ])
}
