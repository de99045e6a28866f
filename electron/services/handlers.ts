import { annexById } from '@shared/annexes/registry'
import type { Campaign, CampaignUnit } from '@shared/campaign/campaign'
import { unitById } from '@shared/campaign/campaign'
import { AppFailure } from '@shared/ipc/result'
import { unitFormFileName, unitFormInput } from './annexExport'
import type { Handlers } from '@shared/ipc/contract'
import type { AppLog } from './appLog'
import type { ExportSaver } from './export/exportSaver'
import { writeAnnexWorkbook } from './export/workbook'
import { formRecords } from './formRecords'
import { workingDate, workingNow } from './workingDate'
import { readAnnexWorkbook } from './import/readAnnexWorkbook'
import { ImportStager } from './ledgerImport'
import { readSubmission } from './merge/readSubmission'
import type { OfficeContact } from './office/officeService'
import { OfficeService } from './office/officeService'
import { WeeklyService } from './reports/weeklyService'
import type { DataDir } from './storage/ledgerStore'

export interface ServiceContext {
  dataDir: DataDir
  dataPath: string
  campaign: Campaign
  appVersion: string
  mode: 'electron' | 'web'
  /** Where the spreadsheet parser worker is when it is not next to its module (the Electron main bundle). */
  parserUrl?: URL
  /** Saves exports where the user chooses: the desktop app only (the web mode's browser downloads them). */
  exportSaver?: ExportSaver
  /** The data folder's log, where a parser thread's crash is written. */
  log: AppLog
}

function assertKnownUnit(campaign: Campaign, unitId: string): void {
  if (unitId !== campaign.office.id && !unitById(campaign, unitId)) {
    throw new AppFailure('NOT_FOUND', `本次整治工作中没有编号为 ${unitId} 的单位。`)
  }
}

function unitName(campaign: Campaign, unitId: string): string {
  return unitById(campaign, unitId)?.name ?? campaign.office.shortName
}

/** A campaign unit (not the office) by id, for what only units report: Friday reports, contacts. */
function reportingUnit(campaign: Campaign, unitId: string): CampaignUnit {
  const unit = unitById(campaign, unitId)
  if (!unit) throw new AppFailure('NOT_FOUND', '领导小组办公室不报送工作进展和联络员名单，请以成员单位身份填写。')
  return unit
}

/** The services behind the IPC contract; the same object serves Electron, the web server and the CLI. */
export function createHandlers(ctx: ServiceContext): Handlers {
  const { dataDir, campaign } = ctx
  const actor = async (): Promise<string> => (await dataDir.profile()).get()?.filler ?? '未登记填报人'
  /** 填报人 and 联系电话 the office prints on its forms and documents. */
  const officeContact = async (): Promise<OfficeContact> => {
    const profile = (await dataDir.profile()).get()
    return { filler: profile?.filler ?? '', phone: profile?.phone ?? '' }
  }
  const parser = { ...(ctx.parserUrl ? { parserUrl: ctx.parserUrl } : {}), log: ctx.log }
  const stager = new ImportStager(dataDir, campaign, (bytes, name, annex) => readAnnexWorkbook(bytes, name, { campaign, annex, ...parser }), () => workingDate())
  const weeklyReports = new WeeklyService(dataDir, campaign, ctx.appVersion)
  const office = new OfficeService(dataDir, campaign, (bytes, name, at) => readSubmission(bytes, name, at, campaign, parser), ctx.appVersion, () => workingNow(), () => workingDate())
  const assertOffice = async (): Promise<void> => {
    if ((await dataDir.profile()).get()?.unitId !== campaign.office.id) {
      throw new AppFailure('FORBIDDEN', '只有领导小组办公室才能使用汇总功能。')
    }
  }
  return {
    'app:bootstrap': async () => {
      const profiles = await dataDir.profile()
      return {
        appVersion: ctx.appVersion,
        mode: ctx.mode,
        dataDir: ctx.dataPath,
        today: workingDate(),
        campaign,
        profile: profiles.get(),
        notices: profiles.notices
      }
    },
    'profile:save': async (profile) => {
      assertKnownUnit(campaign, profile.unitId)
      return (await dataDir.profile()).save(profile)
    },
    'ledger:open': async ({ unitId }) => {
      assertKnownUnit(campaign, unitId)
      return (await dataDir.ledger(unitId)).view()
    },
    'ledger:save': async (input) => {
      assertKnownUnit(campaign, input.unitId)
      return (await dataDir.ledger(input.unitId)).save(input, await actor())
    },
    'ledger:history': async ({ unitId, recordId }) => {
      assertKnownUnit(campaign, unitId)
      return (await dataDir.ledger(unitId)).history(recordId)
    },
    'ledger:reopen': async (input) => {
      assertKnownUnit(campaign, input.unitId)
      return (await dataDir.ledger(input.unitId)).reopen({ ...input, today: workingDate() }, await actor())
    },
    'import:preview': async ({ unitId, fileName, data, annex: annexId }) => {
      assertKnownUnit(campaign, unitId)
      const annex = annexById(annexId)
      if (!annex) throw new AppFailure('NOT_FOUND', `没有“${annexId}”这个附件。`)
      return stager.preview(unitId, fileName, Buffer.from(data, 'base64'), annex)
    },
    'import:commit': async ({ unitId, stageId, acceptOtherUnit }) => {
      assertKnownUnit(campaign, unitId)
      return stager.commit(unitId, stageId, acceptOtherUnit, await actor())
    },
    'import:undo': async ({ unitId, stageId }) => {
      assertKnownUnit(campaign, unitId)
      return stager.undo(unitId, stageId, await actor())
    },
    'export:annex': async ({ unitId, annex: annexId, template }) => {
      assertKnownUnit(campaign, unitId)
      const annex = annexById(annexId)
      if (!annex) throw new AppFailure('NOT_FOUND', `没有“${annexId}”这个附件。`)
      const now = new Date()
      const name = unitName(campaign, unitId)
      const records = template ? [] : await formRecords(dataDir, annex.id, unitId)
      const profile = (await dataDir.profile()).get()
      const input = unitFormInput({ annex, campaign, unitName: name, records, profile, template, appVersion: ctx.appVersion, now, today: workingDate() })
      const bytes = await writeAnnexWorkbook(input)
      return { fileName: unitFormFileName(annex, name, template, now), data: bytes.toString('base64') }
    },
    'weekly:view': async ({ unitId, friday }) => weeklyReports.view(reportingUnit(campaign, unitId), friday),
    'weekly:save': async ({ unitId, friday, text }) => weeklyReports.save(reportingUnit(campaign, unitId), friday, text, await actor()),
    'weekly:export': async ({ unitId, friday, format }) => weeklyReports.export(reportingUnit(campaign, unitId), friday, format, new Date()),
    'weekly:summaryExport': async ({ unitId, friday }) => weeklyReports.exportSummary(reportingUnit(campaign, unitId), friday),
    'contacts:view': async ({ unitId }) => ({ fields: (await dataDir.unitDocuments(reportingUnit(campaign, unitId).id)).contacts }),
    'contacts:save': async ({ unitId, fields }) => {
      const unit = reportingUnit(campaign, unitId)
      const docs = await dataDir.unitDocuments(unit.id)
      await docs.saveContacts({ ...fields, unit: unit.name })
      return { fields: docs.contacts }
    },
    'office:view': async ({ annex }) => {
      await assertOffice()
      return office.view(annex)
    },
    'office:stage': async ({ files }) => {
      await assertOffice()
      return office.stage(files)
    },
    'office:commit': async ({ stageId }) => {
      await assertOffice()
      return office.commit(stageId)
    },
    'office:decide': async (decision) => {
      await assertOffice()
      return office.decide(decision, await actor())
    },
    'office:export': async ({ annex }) => {
      await assertOffice()
      return office.exportWorkbook(await officeContact(), annex)
    },
    'office:weekly': async ({ friday }) => {
      await assertOffice()
      return office.weekly(friday)
    },
    'office:weeklySave': async ({ friday, text }) => {
      await assertOffice()
      return office.saveWeekly(friday, text, await actor())
    },
    'office:weeklyExport': async ({ friday, format }) => {
      await assertOffice()
      return office.exportWeekly(friday, format, await officeContact())
    },
    'office:contacts': async () => {
      await assertOffice()
      return office.contacts()
    },
    'office:contactsExport': async () => {
      await assertOffice()
      return office.exportContacts(await officeContact())
    },
    'office:dashboard': async () => {
      await assertOffice()
      return office.dashboard()
    },
    'office:noticeCandidates': async ({ unit }) => {
      await assertOffice()
      return office.noticeCandidates(unit)
    },
    'office:noticeIssue': async (request) => {
      await assertOffice()
      return office.issueNotice(request, await actor())
    },
    'office:noticeFeedback': async ({ year, seq, date, result }) => {
      await assertOffice()
      return office.recordFeedback(year, seq, date, result, await actor())
    },
    'office:noticeExport': async ({ year, seq }) => {
      await assertOffice()
      const { filler: name, phone } = await officeContact()
      return office.exportNotice(year, seq, { name, phone })
    },
    'file:save': async (request) => {
      if (!ctx.exportSaver) throw new AppFailure('FORBIDDEN', '网页版不直接保存文件，导出的文件由浏览器下载。')
      return ctx.exportSaver.save(request)
    }
  }
}
