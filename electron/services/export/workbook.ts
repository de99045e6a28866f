import ExcelJS from 'exceljs'
import { printedFields } from '@shared/annexes/printed'
import { formIncludes } from '@shared/annexes/registry'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'
import { writeDetailSheet } from './detailSheet'
import type { FormHeader } from './formBlock'
import { FIRST_DATA_ROW, formSheetOptions } from './formBlock'
import type { ExportMeta } from './meta'
import {
  canonicalRecordHash,
  checkCodeOf,
  exportFileHash,
  META_FORMAT,
  META_FORMAT_VERSION,
  META_SHEET,
  metaRows
} from './meta'
import { statsTitle, writeStatsSheet } from './statsSheet'
import { LIST_SHEET, ListSheet } from './validation'

/** Empty rows of a blank template, enough for most units; more can be inserted inside the table. */
export const TEMPLATE_ROWS = 20

export interface AnnexWorkbookInput {
  annex: AnnexDefinition<RecordFields>
  campaign: Campaign
  /** In ledger order; an empty list makes a blank template. */
  records: readonly Pick<LedgerRecord, 'id' | 'problemNo' | 'fields'>[]
  header: FormHeader
  appVersion: string
  now: Date
  /** Empty bordered rows after the records; TEMPLATE_ROWS for a blank template, none otherwise. */
  blankRows?: number
}

/** Only the records the form lists (附件4: 升级改造 and 整合搬迁 …), each with the form's computed columns. */
function formInput(input: AnnexWorkbookInput): AnnexWorkbookInput {
  const { annex } = input
  const records = input.records.filter((r) => formIncludes(annex, r.fields)).map((r) => ({ ...r, fields: printedFields(annex, r) }))
  return { ...input, records }
}

/** What the `_meta` sheet says about this workbook; the 校验码 it holds is printed in every page footer. */
export function exportMeta(request: AnnexWorkbookInput): ExportMeta {
  return metaOf(formInput(request))
}

function metaOf(input: AnnexWorkbookInput): ExportMeta {
  const { annex, campaign, records, header } = input
  const contentHashes = records.map((r) => canonicalRecordHash(annex, r.fields))
  const { unitName, filledDate } = header
  const { id: annexId, version: annexVersion } = annex
  const fileHash = exportFileHash({ annexId, annexVersion, unitName, filledDate, contentHashes })
  return {
    format: META_FORMAT,
    formatVersion: META_FORMAT_VERSION,
    kind: header.draft ? 'draft' : records.length === 0 ? 'template' : 'export',
    campaignId: campaign.id,
    annexId,
    annexVersion,
    unitName,
    filledDate,
    exportedAt: input.now.toISOString(),
    appVersion: input.appVersion,
    recordCount: records.length,
    fileHash,
    checkCode: checkCodeOf(fileHash),
    // The 明细 sheet writes record i on row FIRST_DATA_ROW + i.
    records: records.map((r, i) => ({
      recordId: r.id,
      problemNo: r.problemNo,
      row: FIRST_DATA_ROW + i,
      contentHash: contentHashes[i] ?? ''
    }))
  }
}

/**
 * Writes an annex as the printed official form (明细 sheet, 统计 sheet when the definition has one) plus the hidden
 * `_lists` (long dropdown lists) and very hidden `_meta` sheets. Everything comes from the annex definition.
 */
export async function writeAnnexWorkbook(request: AnnexWorkbookInput): Promise<{ bytes: Buffer; meta: ExportMeta }> {
  const input = formInput(request)
  const { annex, campaign, records, header, now } = input
  const meta = metaOf(input)

  const wb = new ExcelJS.Workbook()
  wb.creator = '散乱污台账'
  wb.title = annex.title
  wb.created = now
  wb.modified = now
  // Sheets are created first so their order is fixed: form sheets, then the hidden ones.
  const detail = wb.addWorksheet(annex.sheetName, formSheetOptions(meta.checkCode))
  const statsWs = annex.stats ? wb.addWorksheet(annex.stats.sheetName, formSheetOptions(meta.checkCode)) : undefined
  const lists = new ListSheet(wb.addWorksheet(LIST_SHEET, { state: 'hidden' }))
  const metaWs = wb.addWorksheet(META_SHEET, { state: 'veryHidden' })

  const rows = records.map((r) => r.fields)
  const blankRows = input.blankRows ?? (records.length === 0 ? TEMPLATE_ROWS : 0)
  await writeDetailSheet(detail, { annex, campaign, rows, header, blankRows }, lists)
  if (statsWs && annex.stats) {
    writeStatsSheet(statsWs, annex, annex.stats, campaign.year, {
      title: statsTitle(annex.title),
      header,
      // One unit per file: the 合计 equals its row, and keeps the form's shape when the office stacks units.
      units: [{ name: header.unitName, rows }],
      note: `注：本表数据由“${annex.sheetName}”工作表逐行自动统计生成，请勿手工改动。`
    })
  }
  if (!lists.used) wb.removeWorksheet(lists.ws.id)
  metaWs.addRows(metaRows(meta))
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), meta }
}
