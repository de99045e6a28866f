import { formName } from '@shared/annexes/registry'
import type { AnnexDefinition } from '@shared/annexes/types'
import { deadlineNote } from '@shared/lifecycle/lifecycleIssues'
import type { Campaign } from '@shared/campaign/campaign'
import { unitName } from '@shared/campaign/campaign'
import type { Profile } from '@shared/ipc/contract'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'
import { chinaDate } from '@shared/domain/chinaTime'
import { AppFailure } from '@shared/ipc/result'
import { incompleteMessage, incompleteRecords } from '@shared/validation/incomplete'
import { createValidationContext } from '@shared/validation/validateRecord'
import type { AnnexWorkbookInput } from './export/workbook'
import { writeAnnexWorkbook } from './export/workbook'
import { formRecords } from './formRecords'
import type { DataDir } from './storage/ledgerStore'

/**
 * The form of one unit as it leaves the program (the app's export and `slw export` alike): 填报人 and 联系电话 from
 * the profile, 填报日期 the working date; a template has no records (the writer then adds empty bordered rows) and
 * no date. A form listing records still 待补充 is refused, unless a `draft` is asked for, which its title marks as
 * not to be sent.
 */
export function unitFormInput(opt: {
  annex: AnnexDefinition<RecordFields>
  campaign: Campaign
  unitName: string
  records: readonly LedgerRecord[]
  profile: Pick<Profile, 'filler' | 'phone'> | null
  template: boolean
  appVersion: string
  now: Date
  /** The working date, printed as 填报日期: records past their 完成时限 on it get a note in the form's 备注. */
  today: string
  draft?: boolean
}): AnnexWorkbookInput {
  const { annex, campaign, unitName, records, profile, template, appVersion, now, today } = opt
  const incomplete = template ? [] : incompleteRecords(records, annex, createValidationContext(campaign, annex, today))
  if (incomplete.length > 0 && !opt.draft) throw new AppFailure('INVALID_INPUT', incompleteMessage(formName(annex), incomplete))
  return {
    annex,
    campaign,
    records: template ? [] : records.map((r) => withDeadlineNote(annex, r, today)),
    header: { unitName, filler: profile?.filler ?? '', phone: profile?.phone ?? '', filledDate: template ? '' : today, ...(incomplete.length > 0 && { draft: true }) },
    appVersion,
    now
  }
}

function withDeadlineNote<R extends { fields: RecordFields }>(annex: AnnexDefinition<RecordFields>, record: R, today: string): R {
  const key = annex.deadlineNote
  const note = key ? deadlineNote(record.fields, today) : ''
  if (!key || !note) return record
  const remarks = record.fields[key]
  return { ...record, fields: { ...record.fields, [key]: typeof remarks === 'string' && remarks.trim() ? `${remarks}；${note}` : note } }
}

/** 附件2-八坊街道-20240509.xlsx, 违法问题查处清单-八坊街道-20240620.xlsx, 附件2-空白表-八坊街道.xlsx, or 附件2-八坊街道-20240509-草稿.xlsx */
export function unitFormFileName(annex: AnnexDefinition<RecordFields>, unitName: string, template: boolean, now: Date, draft = false): string {
  const name = formName(annex)
  return template ? `${name}-空白表-${unitName}.xlsx` : `${name}-${unitName}-${chinaDate(now).replace(/-/g, '')}${draft ? '-草稿' : ''}.xlsx`
}

/**
 * A unit's form as the app's 导出 writes it from the data folder: the records the form lists (none for a template),
 * 填报人 and 联系电话 from the profile.
 */
export async function writeUnitForm(
  dataDir: DataDir,
  opt: { annex: AnnexDefinition<RecordFields>; campaign: Campaign; unitId: string; template: boolean; appVersion: string; now: Date; today: string; draft?: boolean }
): Promise<{ fileName: string; bytes: Buffer }> {
  const { annex, campaign, unitId, template, now } = opt
  const name = unitName(campaign, unitId)
  const records = template ? [] : await formRecords(dataDir, annex.id, unitId)
  const profile = (await dataDir.profile()).get()
  const input = unitFormInput({ ...opt, unitName: name, records, profile })
  const { bytes } = await writeAnnexWorkbook(input)
  return { fileName: unitFormFileName(annex, name, template, now, input.header.draft), bytes }
}
