/**
 * The printed 举报受理登记表 (issue 21): one row per public report, in register order, laid out like the annexes
 * (formBlock.ts). The reporter is kept off it: its columns (shared/complaints) have no 举报人 or phone.
 */
import { hash } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { AnnexColumn } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { Complaint } from '@shared/complaints/register'
import { COMPLAINT_FORM_COLUMNS, compareComplaints, complaintFormRow, complaintState, complaintStats } from '@shared/complaints/register'
import { chinaDate } from '@shared/domain/chinaTime'
import { columnAlignment, columnFormat, columnWidth, printedCell } from './cellValue'
import type { CellStyle, FormHeader, LeafColumn } from './formBlock'
import { FIRST_DATA_ROW, formSheetOptions, infoLine, putCell, putLine, signatureLine, writeHeader, writeTitleBlock } from './formBlock'
import { checkCodeOf } from './meta'
import { FONTS, lineCount, rowHeight, SHADE_FILL } from './style'

export const COMPLAINTS_SHEET = '举报受理登记'
const SIZE = FONTS.body.size ?? 10
const COLUMNS: readonly AnnexColumn[] = COMPLAINT_FORM_COLUMNS

export interface ComplaintsWorkbookInput {
  campaign: Campaign
  /** In any order: printed in register order. */
  complaints: readonly Complaint[]
  /** The day the 状态 is judged on (逾期). */
  today: string
  now: Date
  contact: Pick<FormHeader, 'filler' | 'phone'>
  /** 填报单位: the office's register unless a unit prints its own. */
  unitName?: string
}

export const complaintsTitle = (campaign: Campaign): string => `${campaign.city.name}“散乱污”问题举报受理登记表`

/** Each column's look, and the same shaded for an overdue report (grey holds on a black-and-white print). */
function looks(): { plain: CellStyle[]; overdue: CellStyle[] } {
  const plain = COLUMNS.map((col): CellStyle => ({ font: FONTS.body, horizontal: columnAlignment(col), numFmt: columnFormat(col), border: true }))
  return { plain, overdue: plain.map((look) => ({ ...look, fill: SHADE_FILL })) }
}

export async function writeComplaintsWorkbook(input: ComplaintsWorkbookInput): Promise<Buffer> {
  const { campaign, today, now, contact } = input
  const complaints = [...input.complaints].sort(compareComplaints)
  const rows = complaints.map((c) => complaintFormRow(c, today))
  // What the paper shows, so the same register prints the same 校验码 whenever it is exported.
  const checkCode = checkCodeOf(hash('sha256', JSON.stringify([input.unitName ?? '', rows]), 'hex'))

  const wb = new ExcelJS.Workbook()
  wb.creator = '散乱污台账'
  wb.title = complaintsTitle(campaign)
  wb.created = now
  wb.modified = now
  const ws = wb.addWorksheet(COMPLAINTS_SHEET, formSheetOptions(checkCode))
  const leaves: LeafColumn[] = COLUMNS.map((c) => ({ header: c.header, width: columnWidth(c) }))
  const header: FormHeader = { unitName: input.unitName ?? campaign.office.name, ...contact, filledDate: chinaDate(now) }
  writeTitleBlock(ws, leaves, '', complaintsTitle(campaign), infoLine(header, campaign.year))
  writeHeader(ws, leaves)

  const { plain, overdue } = looks()
  rows.forEach((row, k) => {
    const r = FIRST_DATA_ROW + k
    const styles = complaintState(complaints[k] as Complaint, today) === '逾期' ? overdue : plain
    let lines = 1
    COLUMNS.forEach((col, i) => {
      const cell = col.kind === 'seq' ? { value: k + 1, text: String(k + 1) } : printedCell(col, row[col.key as keyof typeof row])
      putCell(ws.getCell(r, i + 1), cell.value, styles[i] as CellStyle)
      lines = Math.max(lines, lineCount(cell.text, (leaves[i] as LeafColumn).width, SIZE))
    })
    ws.getRow(r).height = rowHeight(lines, SIZE, 22)
  })
  let next = FIRST_DATA_ROW + rows.length
  if (rows.length === 0) {
    leaves.forEach((_, i) => putCell(ws.getCell(next, i + 1), i === 0 ? '暂无举报受理登记。' : null, plain[i] as CellStyle))
    ws.mergeCells(next, 1, next, leaves.length)
    ws.getRow(next++).height = rowHeight(1, SIZE, 22)
  }

  const s = complaintStats(complaints, today)
  const rate = s.rate === null ? '' : `，办结率${s.rate.toFixed(1)}%`
  const footer: CellStyle = { font: FONTS.footer, horizontal: 'left' }
  const marked = s.overdue > 0 ? '（底纹标出）' : ''
  putLine(ws, next, leaves, `共受理举报${s.total}件，已办结${s.done}件${rate}，逾期未办结${s.overdue}件${marked}。`, footer, 24)
  putLine(ws, next + 1, leaves, signatureLine(contact.filler), footer, 36)
  putLine(ws, next + 2, leaves, '注：举报人姓名及联系方式依法保密，不在本表登载；状态按导出当日统计。', footer)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
