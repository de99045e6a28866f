/** 督办: the notices the office issues to units, their 反馈, and each notice as an official document. */
import type { ExportedFile, OfficeView } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { NoticeRequest } from '@shared/office/notices'
import { NoticeRequestSchema } from '@shared/office/notices'
import type { ProblemChoice } from '@shared/office/notices'
import { defaultPicks, noticeNumber, officeProblems } from '@shared/office/notices'
import type { NoticeItem } from '@shared/reports/documents'
import { writeNoticeDocx } from '../documents/noticeDocx'
import { supervisionNotice } from './noticeDocument'
import type { OfficeContext, ReceivedForms } from './receivedForms'
import { assertCampaignUnits } from './receivedForms'

export class OfficeSupervision {
  constructor(
    private readonly ctx: OfficeContext,
    private readonly forms: ReceivedForms
  ) {}

  /** Every problem of the consolidated 附件2 the office may pick, done as the latest 附件3/附件4 report it. */
  async problems(): Promise<ProblemChoice[]> {
    const store = await this.ctx.dataDir.office()
    return officeProblems(this.ctx.campaign, this.forms.consolidateAll(store), this.ctx.today())
  }

  /** What a notice to `unit` lists unless the office picks: see defaultPicks. */
  async noticeCandidates(unit: string): Promise<NoticeItem[]> {
    return defaultPicks(await this.problems(), unit).map(({ problemNo, name, address, issue }) => ({ problemNo, name, address, issue }))
  }

  async issueNotice(request: NoticeRequest, actor: string): Promise<OfficeView> {
    assertCampaignUnits(this.ctx.campaign, [request.unit, ...(request.copyTo ?? [])])
    const parsed = NoticeRequestSchema.parse(request)
    const today = this.ctx.today()
    const year = Number(today.slice(0, 4))
    await (await this.ctx.dataDir.office()).issue(
      (seq) => ({ ...parsed, copyTo: parsed.copyTo.filter((u) => u !== parsed.unit), seq, year, number: noticeNumber(this.ctx.campaign, year, seq), issuedAt: today, issuedBy: actor, feedback: null }),
      year
    )
    return this.forms.view()
  }

  async recordFeedback(year: number, seq: number, date: string, result: string, actor: string): Promise<OfficeView> {
    const store = await this.ctx.dataDir.office()
    if (!store.supervision.some((n) => n.year === year && n.seq === seq)) throw new AppFailure('NOT_FOUND', '没有这份督办通知。')
    await store.feedback(seq, year, { date, result, by: actor })
    return this.forms.view()
  }

  async exportNotice(year: number, seq: number, contact: { name: string; phone: string }): Promise<ExportedFile> {
    const n = (await this.ctx.dataDir.office()).supervision.find((x) => x.year === year && x.seq === seq)
    if (!n) throw new AppFailure('NOT_FOUND', '没有这份督办通知。')
    const bytes = await writeNoticeDocx(supervisionNotice(this.ctx.campaign, n, contact))
    return { fileName: `督办通知-${n.unit}-${year}-${seq}.docx`, data: bytes.toString('base64') }
  }
}
