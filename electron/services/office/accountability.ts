/** 督查、通报、约谈、问责: the office's register of them, and each 通报 drafted from the figures and printed. */
import { unitByName } from '@shared/campaign/campaign'
import type { ExportedFile } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { AccountabilityInput, AccountabilityView } from '@shared/office/accountability'
import { AccountabilityInputSchema, AccountabilityRecordSchema, bulletinNumber, nextBulletinSeq } from '@shared/office/accountability'
import { bulletinDraft, BULLETIN_TITLE } from '@shared/office/bulletin'
import type { UnitDues } from '@shared/office/behind'
import { behindUnits, campaignDues } from '@shared/office/behind'
import { officeDashboard } from '@shared/office/dashboard'
import { noticeOverdue, officeProblems } from '@shared/office/notices'
import { writeBulletinDocx } from '../documents/bulletinDocx'
import type { OfficeStore } from '../storage/officeStore'
import type { OfficeContext, ReceivedForms } from './receivedForms'
import { assertCampaignUnits } from './receivedForms'

export class OfficeAccountability {
  constructor(
    private readonly ctx: OfficeContext,
    private readonly forms: ReceivedForms
  ) {}

  async view(): Promise<AccountabilityView> {
    const store = await this.ctx.dataDir.office()
    const today = this.ctx.today()
    return this.viewOf(store, behindUnits(campaignDues(this.ctx.campaign, { streams: this.forms.consolidateAll(store), notices: store.supervision, today })), today)
  }

  /** A 督查、通报、约谈 or 问责 on units of the campaign, linked to notices the office issued and reports owed today. */
  async record(input: AccountabilityInput, actor: string): Promise<AccountabilityView> {
    const parsed = AccountabilityInputSchema.parse(input)
    assertCampaignUnits(this.ctx.campaign, parsed.units)
    const { behind, notices } = await this.view()
    const unknownNotice = parsed.notices.find((no) => !notices.some((n) => n.number === no))
    if (unknownNotice !== undefined) throw new AppFailure('NOT_FOUND', `没有“${unknownNotice}”这份督办通知。`)
    const owed = (unit: string, id: string): boolean => behind.some((b) => b.unit === unit && b.items.some((i) => i.id === id))
    const stale = parsed.dues.find((d) => !owed(d.unit, d.id))
    if (stale) throw new AppFailure('INVALID_INPUT', `${stale.unit}的“${stale.label}”今天已不在逾期未报事项中，请刷新后重新选择。`)
    const store = await this.ctx.dataDir.office()
    await store.account((no) => AccountabilityRecordSchema.parse({ ...parsed, no, recordedAt: this.ctx.now().toISOString(), recordedBy: actor }))
    // Recording changes nothing of what is owed.
    return this.viewOf(store, behind, this.ctx.today())
  }

  /**
   * Issues a 通报 drafted from today's figures: numbered, addressed to every unit, naming those behind; recorded
   * with its text, so printing it again prints what was issued.
   */
  async issueBulletin(copyTo: readonly string[], actor: string): Promise<AccountabilityView> {
    const campaign = this.ctx.campaign
    assertCampaignUnits(campaign, copyTo)
    const store = await this.ctx.dataDir.office()
    const today = this.ctx.today()
    const streams = this.forms.consolidateAll(store)
    const dashboard = officeDashboard(campaign, { streams, supervision: store.supervision, complaints: (await this.ctx.dataDir.complaints()).complaints, today })
    const overdue = new Map<string, number>()
    for (const p of officeProblems(campaign, streams, today)) if (p.state === '逾期') overdue.set(p.unit, (overdue.get(p.unit) ?? 0) + 1)
    const fullNames = copyTo.map((u) => unitByName(campaign, u)?.fullName ?? u)
    const text = bulletinDraft(campaign, dashboard, overdue, store.supervision, fullNames)
    const named = new Set([...dashboard.behind.map((b) => b.unit), ...overdue.keys()])
    const year = Number(today.slice(0, 4))
    await store.account((no, records) =>
      AccountabilityRecordSchema.parse({
        kind: '通报',
        date: today,
        units: campaign.units.filter((u) => named.has(u.name)).map((u) => u.name),
        findings: `${BULLETIN_TITLE}：${named.size}个单位被点名`,
        notices: store.supervision.filter((n) => noticeOverdue(n, today)).map((n) => n.number),
        dues: dashboard.behind.flatMap((b) => b.items.map((i) => ({ unit: b.unit, id: i.id, label: i.label, due: i.due }))),
        no,
        number: bulletinNumber(campaign.office.noticePrefix, year, nextBulletinSeq(records, year)),
        bulletin: text,
        recordedAt: this.ctx.now().toISOString(),
        recordedBy: actor
      })
    )
    return this.viewOf(store, dashboard.behind, today)
  }

  private viewOf(store: OfficeStore, behind: UnitDues[], today: string): AccountabilityView {
    return {
      records: [...store.accountability].reverse(),
      behind,
      notices: store.supervision.map((n) => ({ number: n.number, unit: n.unit, overdue: noticeOverdue(n, today) })),
      today
    }
  }

  async exportBulletin(no: number, contact: { name: string; phone: string }): Promise<ExportedFile> {
    const r = (await this.ctx.dataDir.office()).accountability.find((x) => x.no === no)
    if (!r?.bulletin) throw new AppFailure('NOT_FOUND', '没有这份通报。')
    const bytes = await writeBulletinDocx({ number: r.number, issuer: this.ctx.campaign.office.name, date: r.date, text: r.bulletin, contact })
    return { fileName: `通报-${r.number}.docx`, data: bytes.toString('base64') }
  }
}
