/** The office's reports: the city's Friday report, the city's contact list, and the dashboard of who is behind. */
import { annex2 } from '@shared/annexes/annex2'
import { contacts } from '@shared/annexes/contacts'
import { recordText } from '@shared/annexes/registry'
import { isTownLike, unitByName } from '@shared/campaign/campaign'
import { chinaDate } from '@shared/domain/chinaTime'
import { AppFailure } from '@shared/ipc/result'
import { weekly } from '@shared/annexes/weekly'
import type { ExportedFile, OfficeContactsView } from '@shared/ipc/contract'
import type { OfficeWeeklyView } from '@shared/office/cityWeekly'
import { attachmentLine, cityDraft, cityWeek } from '@shared/office/cityWeekly'
import type { OfficeDashboard } from '@shared/office/dashboard'
import { officeDashboard } from '@shared/office/dashboard'
import type { Consolidation } from '@shared/merge/types'
import { unreceived } from '@shared/office/behind'
import { weeklyStream, weeklyStreams } from '@shared/office/streams'
import { officeProblems } from '@shared/office/notices'
import { taskGroupLine, taskGroupProgress } from '@shared/office/taskGroups'
import { issueNumber, reportFridays } from '@shared/reports/draft'
import { basisOf, currentText } from '@shared/reports/redraft'
import type { WeeklyText } from '@shared/reports/weekly'
import { weekStart } from '@shared/reports/weekly'
import { unitFormFileName, unitFormInput } from '../annexExport'
import { writeWeeklyReportDocx } from '../documents/weeklyReportDocx'
import { writeAnnexWorkbook } from '../export/workbook'
import type { DocumentsStore } from '../storage/documentsStore'
import { crossBlockers, differencesMessage } from '@shared/office/crossForms'
import type { OfficeContact } from './intake'
import type { OfficeContext, ReceivedForms } from './receivedForms'

type CityWeek = { week: ReturnType<typeof cityWeek>; draft: WeeklyText; blockers: string[] }

export class OfficeReports {
  constructor(
    private readonly ctx: OfficeContext,
    private readonly forms: ReceivedForms
  ) {}

  /** The city's Friday report: each unit's 附表 for the week, late and missing units, 合计, the office's text. */
  async weekly(friday: string): Promise<OfficeWeeklyView> {
    return this.weeklyView(friday, await this.cityWeekOf(friday))
  }

  async saveWeekly(friday: string, text: WeeklyText, actor: string): Promise<OfficeWeeklyView> {
    const city = await this.cityWeekOf(friday)
    await (await this.officeDocuments()).saveWeekly(friday, text, actor, basisOf(city.draft))
    return this.weeklyView(friday, city)
  }

  /** The week's rows, 合计 and missing units, and the text drafted from them as things stand. */
  private async cityWeekOf(friday: string): Promise<CityWeek> {
    const store = await this.ctx.dataDir.office()
    const all = this.forms.consolidateAll(store, [weeklyStream(friday)])
    const c = all.get(weeklyStream(friday)) as Consolidation
    const received = new Map(store.submissions.map((s) => [s.sha256, s.receivedAt]))
    const week = cityWeek(this.ctx.campaign, friday, c, (sha) => received.get(sha) ?? '', weeklyStreams(all))
    // Overdue as of the report's Friday.
    const groups = taskGroupLine(taskGroupProgress(this.ctx.campaign, officeProblems(this.ctx.campaign, all, friday)).groups)
    // A unit's 附表 that does not follow on from its last (or disagrees with its 附件3) holds the report back until confirmed.
    const blockers = crossBlockers(this.forms.crossChecks(all, store.confirmations), weeklyStream(friday))
    return { week, draft: cityDraft(this.ctx.campaign, friday, week, groups), blockers }
  }

  /** The week with the office's saved text brought up to its draft (reports/redraft.ts). */
  private async weeklyView(friday: string, { week, draft, blockers }: CityWeek): Promise<OfficeWeeklyView> {
    const stored = (await this.officeDocuments()).weekly(friday)
    const { text, changed, refilled } = currentText(stored, draft)
    return {
      friday,
      from: weekStart(friday),
      issueNo: issueNumber(this.ctx.campaign, friday),
      fridays: reportFridays(this.ctx.campaign),
      ...week,
      text,
      changed,
      refilled,
      exportBlockers: blockers,
      saved: stored ? { at: stored.savedAt, by: stored.by } : null
    }
  }

  /** The city's report as a 工作简报 (.docx), or its 附表 (.xlsx: one row per unit, 合计 added by the writer). */
  async exportWeekly(friday: string, format: 'docx' | 'xlsx', contact: OfficeContact): Promise<ExportedFile> {
    const view = await this.weekly(friday)
    if (view.exportBlockers.length > 0) throw new AppFailure('INVALID_INPUT', differencesMessage('本周各单位报送的数字', '', view.exportBlockers))
    const stamp = friday.replace(/-/g, '')
    const city = this.ctx.campaign.city.name
    if (format === 'docx') {
      const bytes = await writeWeeklyReportDocx({
        issuer: this.ctx.campaign.office.name,
        issueNo: view.issueNo,
        from: view.from,
        friday,
        narrative: view.text,
        attachment: attachmentLine(this.ctx.campaign, view.rows, view.missing),
        ...contact,
        date: friday
      })
      return { fileName: `工作进展-${city}-${stamp}.docx`, data: bytes.toString('base64') }
    }
    const { bytes } = await writeAnnexWorkbook({
      annex: weekly,
      campaign: this.ctx.campaign,
      records: view.rows.map((r) => ({ id: `${r.unit}-${friday}`, problemNo: '', fields: { ...r.fields, unit: r.unit } })),
      header: { unitName: this.ctx.campaign.office.name, ...contact, filledDate: friday },
      appVersion: this.ctx.appVersion,
      now: this.ctx.now()
    })
    return { fileName: `工作进展附表-${city}-${stamp}.xlsx`, data: bytes.toString('base64') }
  }

  /** The contact list: each member unit's newest 分管领导/联络员 row, and the members that sent none. */
  async contacts(): Promise<OfficeContactsView> {
    const store = await this.ctx.dataDir.office()
    const c = this.forms.consolidateStream(store, contacts.id)
    const filled = new Map(store.submissions.map((s) => [s.sha256, s.filledDate]))
    const rows = c.rows.map((r) => ({ unit: r.unit, fields: r.fields, file: r.provenance.file, filledDate: filled.get(r.provenance.sha256) ?? null }))
    const who = this.ctx.campaign.deadlines.find((d) => d.annex === contacts.id)?.reporters ?? 'members'
    return { rows, missing: unreceived(this.ctx.campaign, who, c) }
  }

  /**
   * A department's own list: the problems of every town it is 行业主管部门 (牵头单位) of, as 附件2 with the office as
   * 填报单位 — what the office sends the department to work from.
   */
  async exportLeadList(dept: string, contact: OfficeContact): Promise<ExportedFile> {
    const campaign = this.ctx.campaign
    const unit = unitByName(campaign, dept)
    if (!unit || isTownLike(unit)) throw new AppFailure('NOT_FOUND', `“${dept}”不是本次整治工作中的部门。`)
    const c = this.forms.consolidateStream(await this.ctx.dataDir.office(), annex2.id)
    const mine = c.rows.filter((r) => unitByName(campaign, recordText(r.fields, 'leadDept'))?.id === unit.id)
    if (mine.length === 0) throw new AppFailure('NOT_FOUND', `汇总中没有${unit.name}牵头（行业主管部门为${unit.name}）的问题。`)
    const records = mine.map((r, i) => ({ id: r.provenance.recordId ?? `lead-${i}`, problemNo: r.provenance.problemNo ?? '', createdAt: '', updatedAt: '', fields: r.fields }))
    const now = this.ctx.now()
    const profile = { unitId: campaign.office.id, ...contact }
    const input = unitFormInput({ annex: annex2, campaign, unitName: campaign.office.name, records, profile, template: false, appVersion: this.ctx.appVersion, now, today: this.ctx.today() })
    const { bytes } = await writeAnnexWorkbook(input)
    return { fileName: `${annex2.label}-${unit.name}牵头-${chinaDate(now).replace(/-/g, '')}.xlsx`, data: bytes.toString('base64') }
  }

  /** The city's contact list as the form, the office as 填报单位. */
  async exportContacts(contact: OfficeContact): Promise<ExportedFile> {
    const { rows } = await this.contacts()
    const now = this.ctx.now()
    const records = rows.map((r) => ({ id: `contacts-${r.unit}`, problemNo: '', createdAt: '', updatedAt: '', fields: r.fields }))
    const profile = { unitId: this.ctx.campaign.office.id, ...contact }
    const unitName = this.ctx.campaign.office.name
    const input = unitFormInput({ annex: contacts, campaign: this.ctx.campaign, unitName, records, profile, template: false, appVersion: this.ctx.appVersion, now, today: this.ctx.today() })
    const { bytes } = await writeAnnexWorkbook(input)
    return { fileName: unitFormFileName(contacts, this.ctx.campaign.city.name, false, now), data: bytes.toString('base64') }
  }

  async dashboard(): Promise<OfficeDashboard> {
    const store = await this.ctx.dataDir.office()
    return officeDashboard(this.ctx.campaign, {
      streams: this.forms.consolidateAll(store),
      supervision: store.supervision,
      complaints: (await this.ctx.dataDir.complaints()).complaints,
      today: this.ctx.today()
    })
  }

  /** The city's report texts, kept like a unit's under the office's id. */
  private officeDocuments(): Promise<DocumentsStore> {
    return this.ctx.dataDir.unitDocuments(this.ctx.campaign.office.id)
  }
}
