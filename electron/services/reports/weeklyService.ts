/**
 * A unit's Friday report: figures recomputed from its ledger each time (never stored, so they cannot drift from
 * the records), the texts saved per Friday, and the two documents sent to the office: the report (.docx) and its
 * 附表 (.xlsx, importable at the office). Also the 月度工作总结 sent with 附件3, drafted from the same figures.
 */
import { annex3 } from '@shared/annexes/annex3'
import { isHuikan } from '@shared/annexes/huikan'
import { weekly } from '@shared/annexes/weekly'
import type { Campaign, CampaignUnit } from '@shared/campaign/campaign'
import type { ExportedFile, WeeklyView } from '@shared/ipc/contract'
import { draftMonthlySummary, draftNarrative, issueNumber, monthStart, reportFridays } from '@shared/reports/draft'
import type { RecordFields } from '@shared/ledger/record'
import { basisOf, currentText } from '@shared/reports/redraft'
import type { WeekFigures, WeeklyText } from '@shared/reports/weekly'
import { periodCounts, weekFigures, weeklyRow } from '@shared/reports/weekly'
import { writeMonthlySummaryDocx } from '../documents/summaryDocx'
import { writeWeeklyReportDocx } from '../documents/weeklyReportDocx'
import { writeAnnexWorkbook } from '../export/workbook'
import type { DataDir } from '../storage/ledgerStore'

export class WeeklyService {
  constructor(
    private readonly dataDir: DataDir,
    private readonly campaign: Campaign,
    private readonly appVersion: string
  ) {}

  async view(unit: CampaignUnit, friday: string): Promise<WeeklyView> {
    return this.viewWith(unit, friday, await this.figures(unit, friday))
  }

  async save(unit: CampaignUnit, friday: string, text: WeeklyText, actor: string): Promise<WeeklyView> {
    const figures = await this.figures(unit, friday)
    await (await this.dataDir.unitDocuments(unit.id)).saveWeekly(friday, text, actor, basisOf(this.draft(unit, figures)))
    return this.viewWith(unit, friday, figures)
  }

  /** The week's figures with the saved text brought up to their draft (reports/redraft.ts). */
  private async viewWith(unit: CampaignUnit, friday: string, figures: WeekFigures): Promise<WeeklyView> {
    const stored = (await this.dataDir.unitDocuments(unit.id)).weekly(friday)
    const { text, changed, refilled } = currentText(stored, this.draft(unit, figures))
    return {
      friday,
      from: figures.from,
      issueNo: issueNumber(this.campaign, friday),
      fridays: reportFridays(this.campaign),
      figures,
      text,
      changed,
      refilled,
      saved: stored ? { at: stored.savedAt, by: stored.by } : null
    }
  }

  /** The text drafted from the figures, as the page first shows it. */
  private draft(unit: CampaignUnit, figures: WeekFigures): WeeklyText {
    return { ...draftNarrative(unit.name, figures), openItems: figures.overdue ? `${figures.overdue}个问题逾期未完成` : '', nextPlan: '' }
  }

  async export(unit: CampaignUnit, friday: string, format: 'docx' | 'xlsx', now: Date): Promise<ExportedFile> {
    const view = await this.view(unit, friday)
    const profile = (await this.dataDir.profile()).get()
    const stamp = friday.replace(/-/g, '')
    if (format === 'docx') {
      const bytes = await writeWeeklyReportDocx({
        issuer: unit.fullName,
        toUnit: this.campaign.office.name,
        issueNo: view.issueNo,
        from: view.from,
        friday,
        narrative: view.text,
        attachment: '详细情况见附表。',
        filler: profile?.filler ?? '',
        phone: profile?.phone ?? '',
        date: friday
      })
      return { fileName: `工作进展-${unit.name}-${stamp}.docx`, data: bytes.toString('base64') }
    }
    const row = weeklyRow(unit.name, view.figures, view.text.openItems, view.text.nextPlan)
    const { bytes } = await writeAnnexWorkbook({
      annex: weekly,
      campaign: this.campaign,
      records: [{ id: `${unit.id}-${friday}`, problemNo: '', fields: row }],
      header: { unitName: unit.name, filler: profile?.filler ?? '', phone: profile?.phone ?? '', filledDate: friday },
      appVersion: this.appVersion,
      now
    })
    return { fileName: `工作进展附表-${unit.name}-${stamp}.xlsx`, data: bytes.toString('base64') }
  }

  /** The 月度工作总结 for the month of `friday` up to it: a first draft with the figures in, finished in Word. */
  async exportSummary(unit: CampaignUnit, friday: string): Promise<ExportedFile> {
    const { records, items } = await this.records(unit)
    const draft = draftMonthlySummary(unit.name, this.campaign, weekFigures(records, items, friday), periodCounts(records, monthStart(friday), friday))
    const profile = (await this.dataDir.profile()).get()
    const bytes = await writeMonthlySummaryDocx({
      ...draft,
      toUnit: this.campaign.office.name,
      attachment: annex3.title,
      issuer: unit.fullName,
      date: friday,
      contact: { name: profile?.filler ?? '', phone: profile?.phone ?? '' }
    })
    return { fileName: `月度工作总结-${unit.name}-${friday.replace(/-/g, '')}.docx`, data: bytes.toString('base64') }
  }

  /** The unit's 2024 records and, apart, its 回头看 items of 2023. */
  private async records(unit: CampaignUnit): Promise<{ records: RecordFields[]; items: RecordFields[] }> {
    const all = (await this.dataDir.ledger(unit.id)).view().records.map((r) => r.fields)
    return { records: all.filter((f) => !isHuikan(f)), items: all.filter(isHuikan) }
  }

  private async figures(unit: CampaignUnit, friday: string): Promise<WeekFigures> {
    const { records, items } = await this.records(unit)
    return weekFigures(records, items, friday)
  }
}
