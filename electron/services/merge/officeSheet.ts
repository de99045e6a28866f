/** What every sheet of the consolidated workbook shares: the office as 填报单位, its 汇总日期, who made it. */
import type { Worksheet } from 'exceljs'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { chinaDate } from '@shared/domain/chinaTime'
import type { CellStyle, FormHeader, LeafColumn } from '../export/formBlock'
import { infoLine, putLine, writeTitleBlock } from '../export/formBlock'
import { FONTS } from '../export/style'

export interface OfficeContext {
  annex: AnnexDefinition<RecordFields>
  campaign: Campaign
  /** The office as 填报单位, its clerk as 填报人 with 联系电话, today as 汇总日期. */
  header: FormHeader
  now: Date
  appVersion: string
}

export interface OfficeOptions {
  campaign: Campaign
  annex: AnnexDefinition<RecordFields>
  appVersion: string
  now: Date
  /** The office clerk's 填报人 and 联系电话; blanks to write in by hand when not given. */
  contact?: Pick<FormHeader, 'filler' | 'phone'>
}

export function officeContext(opt: OfficeOptions): OfficeContext {
  const { campaign, annex, appVersion, now } = opt
  const header = {
    unitName: campaign.office.name,
    filler: opt.contact?.filler ?? '',
    phone: opt.contact?.phone ?? '',
    filledDate: chinaDate(now),
    dateLabel: '汇总日期'
  }
  return { annex, campaign, header, now, appVersion }
}

/** Label, title and the office's 填报单位 line in rows 1–3. */
export function writeOfficeTitle(ws: Worksheet, leaves: readonly LeafColumn[], ctx: OfficeContext, title: string): void {
  writeTitleBlock(ws, leaves, ctx.annex.label, title, infoLine(ctx.header, ctx.campaign.year))
}

/** 《临夏市“散乱污”问题摸底情况汇总表》未报送单位 */
export const officeTitle = (ctx: OfficeContext, what: string): string => `《${ctx.annex.title}》${what}`

const FOOTER: CellStyle = { font: FONTS.footer, horizontal: 'left' }

/** Unbordered lines under a table, from `row`; the signature line gets room to sign. */
export function putFooterLines(
  ws: Worksheet,
  row: number,
  leaves: readonly LeafColumn[],
  lines: readonly string[]
): void {
  lines.forEach((text, k) => putLine(ws, row + k, leaves, text, FOOTER, text.startsWith('分管领导') ? 36 : 20))
}
