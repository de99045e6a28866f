import { join } from 'node:path'
import { annexById } from '@shared/annexes/registry'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import type { Campaign, CampaignUnit } from '@shared/campaign/campaign'
import { unitById, unitName } from '@shared/campaign/campaign'
import { ledgerMatchSources } from '@shared/complaints/sources'
import { AppFailure } from '@shared/ipc/result'
import { writeUnitForm } from './annexExport'
import type { ChannelName, Handlers } from '@shared/ipc/contract'
import { EXPORT_FILE_MIB } from '@shared/ipc/contract'
import type { DataDirSource } from '@shared/ipc/dataFolder'
import type { AppLog } from './appLog'
import { exportBackup } from './backup/exportBackup'
import type { ExportSaver } from './export/exportSaver'
import { progressOf, reportProgress, tracked } from './progress'
import { workingDate, workingNow } from './workingDate'
import { readAnnexWorkbook, readRawWorkbook } from './import/readAnnexWorkbook'
import { EvidenceService } from './evidence'
import type { ComplaintActor } from './complaints'
import { ComplaintService, complaintActorOf } from './complaints'
import { ImportStager } from './ledgerImport'
import { readSubmission } from './merge/readSubmission'
import type { OfficeContact } from './office/intake'
import { OfficeService } from './office/officeService'
import { WeeklyService } from './reports/weeklyService'
import type { LiveCampaign } from './campaignCalendar'
import type { DataDir } from './storage/ledgerStore'

export interface ServiceContext {
  dataDir: DataDir
  dataPath: string
  /** The campaign with the calendar in force; every service holds its `campaign`. */
  calendar: LiveCampaign
  appVersion: string
  mode: 'electron' | 'web'
  /** How dataPath was chosen (便携, --data, SLW_DATA_DIR); the default folder when not said. */
  dataSource?: DataDirSource
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

type UnitChannel = Extract<ChannelName, 'profile:save' | `ledger:${string}` | `import:${string}` | `evidence:${string}` | `export:${string}`>
type OfficeChannel = Extract<ChannelName, `office:${string}`>

/** The handlers of a group of channels, each running `guard` on its input first (once, for the whole group). */
function guarded<C extends ChannelName>(guard: (input: Parameters<Handlers[C]>[0]) => void | Promise<void>, handlers: Pick<Handlers, C>): Pick<Handlers, C> {
  type Input = Parameters<Handlers[C]>[0]
  const wrapped = Object.entries(handlers).map(([channel, handle]) => [
    channel,
    async (input: Input) => {
      await guard(input)
      return (handle as (i: Input) => Promise<unknown>)(input)
    }
  ])
  return Object.fromEntries(wrapped) as Pick<Handlers, C>
}

function knownAnnex(annexId: string): AnnexDefinition<RecordFields> {
  const annex = annexById(annexId)
  if (!annex) throw new AppFailure('NOT_FOUND', `没有“${annexId}”这个附件。`)
  return annex
}

/** A campaign unit (not the office) by id, for what only units report: Friday reports, contacts. */
function reportingUnit(campaign: Campaign, unitId: string): CampaignUnit {
  const unit = unitById(campaign, unitId)
  if (!unit) throw new AppFailure('NOT_FOUND', '领导小组办公室不报送工作进展和联络员名单，请以成员单位身份填写。')
  return unit
}

/** The services behind the IPC contract; the same object serves Electron, the web server and the CLI. */
export function createHandlers(ctx: ServiceContext): Handlers {
  const { dataDir, calendar } = ctx
  const { campaign } = calendar
  const actor = async (): Promise<string> => (await dataDir.profile()).get()?.filler ?? '未登记填报人'
  /** 填报人 and 联系电话 the office prints on its forms and documents. */
  const officeContact = async (): Promise<OfficeContact> => {
    const profile = (await dataDir.profile()).get()
    return { filler: profile?.filler ?? '', phone: profile?.phone ?? '' }
  }
  /** The 联系人 line of the office's documents. */
  const documentContact = async (): Promise<{ name: string; phone: string }> => {
    const { filler, phone } = await officeContact()
    return { name: filler, phone }
  }
  const parser = { ...(ctx.parserUrl ? { parserUrl: ctx.parserUrl } : {}), log: ctx.log }
  const stager = new ImportStager(dataDir, campaign, (bytes, name, annex, columns) => readAnnexWorkbook(bytes, name, { campaign, annex, ...parser, ...columns }), () => workingDate())
  const weeklyReports = new WeeklyService(dataDir, campaign, ctx.appVersion)
  const evidence = new EvidenceService(dataDir, campaign, ctx.appVersion)
  const office = new OfficeService(dataDir, campaign, (bytes, name, at) => readSubmission(bytes, name, at, campaign, parser), ctx.appVersion, () => workingNow(), () => workingDate())
  /** Whose register this folder's is: the office's, or its unit's (the profile says). */
  const complaintActor = async (): Promise<ComplaintActor> => {
    const actor = complaintActorOf((await dataDir.profile()).get(), campaign)
    if (!actor) throw new AppFailure('FORBIDDEN', '请先完成首次设置（选择本单位并填写填报人）。')
    return actor
  }
  const complaints = new ComplaintService(dataDir, campaign, { now: () => workingNow(), today: () => workingDate() }, async (a) =>
    a.unitId === null ? office.received.complaintSources() : ledgerMatchSources(a.side, (await dataDir.ledger(a.unitId)).view().records),
    (bytes, name) => readRawWorkbook(bytes, name, parser)
  )
  const complaintHandlers: Pick<Handlers, Extract<ChannelName, `complaints:${string}`>> = {
    'complaints:view': async () => complaints.view(await complaintActor()),
    'complaints:register': async (input) => complaints.register(await complaintActor(), input),
    'complaints:edit': async ({ no, input }) => complaints.edit(await complaintActor(), no, input),
    'complaints:result': async ({ no, result }) => complaints.result(await complaintActor(), no, result),
    'complaints:toRecord': async ({ no }) => complaints.toRecord(await complaintActor(), no),
    'complaints:exchangeExport': async ({ to, includeReporter }) => complaints.exportExchange(await complaintActor(), to, includeReporter),
    'complaints:exchangeImport': async ({ fileName, data }) => complaints.importExchange(await complaintActor(), fileName, Buffer.from(data, 'base64')),
    'complaints:export': async () => complaints.exportForm(await complaintActor(), await officeContact()),
    'complaints:tablePreview': async ({ fileName, data, defaultUnit }) => complaints.tablePreview(await complaintActor(), fileName, Buffer.from(data, 'base64'), defaultUnit ?? null),
    'complaints:tableCommit': async ({ stageId }) => complaints.tableCommit(await complaintActor(), stageId)
  }
  const assertOffice = async (): Promise<void> => {
    if ((await dataDir.profile()).get()?.unitId !== campaign.office.id) {
      throw new AppFailure('FORBIDDEN', '只有领导小组办公室才能使用汇总功能。')
    }
  }
  /** What a unit does with its own data: only for a unit of the campaign (or the office's own ledger). */
  const unitHandlers = guarded<UnitChannel>((input) => assertKnownUnit(campaign, input.unitId), {
    'profile:save': async (profile) => (await dataDir.profile()).save(profile),
    'ledger:open': async ({ unitId }) => (await dataDir.ledger(unitId)).view(),
    'ledger:save': async (input) => (await dataDir.ledger(input.unitId)).save(input, await actor()),
    'ledger:history': async ({ unitId, recordId }) => (await dataDir.ledger(unitId)).history(recordId),
    'ledger:reopen': async (input) => (await dataDir.ledger(input.unitId)).reopen({ ...input, today: workingDate(), campaign }, await actor()),
    'import:preview': async ({ unitId, fileName, data, annex: annexId, mapping, progressId }) => {
      const annex = annexById(annexId)
      if (!annex) throw new AppFailure('NOT_FOUND', `没有“${annexId}”这个附件。`)
      return tracked(progressId, () => stager.preview(unitId, fileName, Buffer.from(data, 'base64'), annex, mapping))
    },
    'import:commit': async ({ unitId, stageId, acceptOtherUnit, progressId }) =>
      tracked(progressId, async () => stager.commit(unitId, stageId, acceptOtherUnit, await actor())),
    'import:undo': async ({ unitId, stageId }) => stager.undo(unitId, stageId, await actor()),
    'evidence:list': async ({ unitId, recordId }) => evidence.list(unitId, recordId),
    'evidence:add': async ({ unitId, ...input }) => evidence.add(unitId, input, await actor()),
    'evidence:mark': async ({ unitId, recordId, id, what }) => evidence.mark(unitId, recordId, id, what, await actor()),
    'evidence:file': async ({ unitId, sha256 }) => evidence.file(unitId, sha256),
    'evidence:dossier': async ({ unitId, recordId }) => evidence.dossier(unitId, recordId ? { id: recordId } : null, workingNow()),
    'export:package': async ({ unitId, annex: annexId, progressId }) =>
      tracked(progressId, () => evidence.package(unitId, knownAnnex(annexId), workingNow(), workingDate())),
    'export:annex': async ({ unitId, annex: annexId, template, draft, progressId }) => {
      const annex = knownAnnex(annexId)
      const form = { annex, campaign, unitId, template, draft: draft === true, appVersion: ctx.appVersion, now: workingNow(), today: workingDate() }
      const { fileName, bytes } = await tracked(progressId, () => writeUnitForm(dataDir, form))
      return { fileName, data: bytes.toString('base64') }
    }
  })
  /** The office's own work: only where the profile is the leadership-group office. */
  const officeHandlers = guarded<OfficeChannel>(assertOffice, {
    'office:view': async ({ annex }) => office.received.view(annex),
    'office:stage': async ({ files, progressId }) => tracked(progressId, () => office.intake.stage(files)),
    'office:commit': async ({ stageId, progressId }) => tracked(progressId, () => office.intake.commit(stageId)),
    'office:confirm': async (input) => office.intake.confirm(input, await actor()),
    'office:decide': async (decision) => office.intake.decide(decision, await actor()),
    'office:evidenceFile': async ({ submission, sha256 }) => office.evidence.file(submission, sha256),
    'office:export': async ({ annex, progressId }) => tracked(progressId, async () => office.intake.exportWorkbook(await officeContact(), annex)),
    'office:weekly': async ({ friday }) => office.reports.weekly(friday),
    'office:weeklySave': async ({ friday, text }) => office.reports.saveWeekly(friday, text, await actor()),
    'office:weeklyExport': async ({ friday, format }) => office.reports.exportWeekly(friday, format, await officeContact()),
    'office:contacts': async () => office.reports.contacts(),
    'office:contactsExport': async () => office.reports.exportContacts(await officeContact()),
    'office:dashboard': async () => office.reports.dashboard(),
    'office:leadExport': async ({ unit }) => office.reports.exportLeadList(unit, await officeContact()),
    'office:problems': async () => office.supervision.problems(),
    'office:noticeIssue': async (request) => office.supervision.issueNotice(request, await actor()),
    'office:noticeFeedback': async ({ year, seq, date, result }) => office.supervision.recordFeedback(year, seq, date, result, await actor()),
    'office:noticeExport': async ({ year, seq }) => office.supervision.exportNotice(year, seq, await documentContact()),
    'office:accountability': async () => office.accountability.view(),
    'office:accountabilityRecord': async (input) => office.accountability.record(input, await actor()),
    'office:bulletinIssue': async ({ copyTo }) => office.accountability.issueBulletin(copyTo, await actor()),
    'office:bulletinExport': async ({ no }) => office.accountability.exportBulletin(no, await documentContact())
  })
  /** Only the office moves the plan's dates; anyone takes in its file. */
  const calendarHandlers = guarded<'calendar:change' | 'calendar:export'>(assertOffice, {
    'calendar:change': async (change) => calendar.change(change, await actor(), workingNow()),
    'calendar:export': async () => calendar.export()
  })
  // Every request is served with the calendar in force: one the office changed or a unit took in a moment ago.
  return guarded<ChannelName>(() => calendar.sync(), {
    'app:bootstrap': async () => {
      const profiles = await dataDir.profile()
      return {
        appVersion: ctx.appVersion,
        mode: ctx.mode,
        dataDir: ctx.dataPath,
        dataSource: ctx.dataSource ?? 'default',
        logDir: join(ctx.dataPath, 'logs'),
        today: workingDate(),
        campaign,
        profile: profiles.get(),
        notices: profiles.notices
      }
    },
    'app:today': async () => ({ today: workingDate() }),
    'progress:get': async ({ id }) => ({ progress: progressOf(id) }),
    ...unitHandlers,
    ...officeHandlers,
    ...complaintHandlers,
    ...calendarHandlers,
    'calendar:view': async () => calendar.view(),
    'calendar:import': async ({ fileName, data }) => calendar.import(fileName, Buffer.from(data, 'base64')),
    'weekly:view': async ({ unitId, friday }) => weeklyReports.view(reportingUnit(campaign, unitId), friday),
    'weekly:save': async ({ unitId, friday, text }) => weeklyReports.save(reportingUnit(campaign, unitId), friday, text, await actor()),
    'weekly:export': async ({ unitId, friday, format }) => weeklyReports.export(reportingUnit(campaign, unitId), friday, format, workingNow()),
    'weekly:summaryExport': async ({ unitId, friday }) => weeklyReports.exportSummary(reportingUnit(campaign, unitId), friday),
    'contacts:view': async ({ unitId }) => ({ fields: (await dataDir.unitDocuments(reportingUnit(campaign, unitId).id)).contacts }),
    'contacts:save': async ({ unitId, fields }) => {
      const unit = reportingUnit(campaign, unitId)
      const docs = await dataDir.unitDocuments(unit.id)
      await docs.saveContacts({ ...fields, unit: unit.name })
      return { fields: docs.contacts }
    },
    'backup:create': async ({ progressId }) => {
      const profile = (await dataDir.profile()).get()
      return tracked(progressId, () =>
        exportBackup(ctx.dataPath, {
          appVersion: ctx.appVersion,
          unitName: profile ? unitName(campaign, profile.unitId) : undefined,
          maxBytes: EXPORT_FILE_MIB * 1024 * 1024,
          progress: (done, total) => reportProgress('备份数据', done, total, '个文件')
        })
      )
    },
    'file:save': async (request) => {
      if (!ctx.exportSaver) throw new AppFailure('FORBIDDEN', '网页版不直接保存文件，导出的文件由浏览器下载。')
      return ctx.exportSaver.save(request)
    }
  })
}
