/** 督办: the notices the office issues to units, their 反馈, and each notice as an official document. */
import type { ExportedFile, OfficeView } from '@shared/ipc/contract'
import type { Consolidation } from '@shared/merge/types'
import { AppFailure } from '@shared/ipc/result'
import type { NoticeRequest } from '@shared/office/notices'
import { noticeCandidates, noticeNumber, reportedDone } from '@shared/office/notices'
import type { NoticeItem } from '@shared/reports/documents'
import { writeNoticeDocx } from '../documents/noticeDocx'
import { supervisionNotice } from './noticeDocument'
import type { OfficeContext, ReceivedForms } from './receivedForms'

export class OfficeSupervision {
  constructor(
    private readonly ctx: OfficeContext,
    private readonly forms: ReceivedForms
  ) {}

  /** What a notice to `unit` may list: its rows past 完成时限 not reported done in 附件3/附件4, its undecided conflicts. */
  async noticeCandidates(unit: string): Promise<NoticeItem[]> {
    const store = await this.ctx.dataDir.office()
    const consolidate = (stream: string): Consolidation => this.forms.consolidateStream(store.submissions, store.decisions, stream)
    const done = new Set(
      ['annex3', 'annex4'].flatMap((stream) => consolidate(stream).rows.filter((r) => r.unit === unit && r.key !== null && reportedDone(r.fields)).map((r) => r.key as string))
    )
    const c = consolidate('annex2')
    return noticeCandidates(unit, c.rows, c.duplicateGroups, this.ctx.today(), done)
  }

  async issueNotice(request: NoticeRequest, actor: string): Promise<OfficeView> {
    if (!this.ctx.campaign.units.some((u) => u.name === request.unit)) throw new AppFailure('NOT_FOUND', `“${request.unit}”不是本次整治工作中的单位。`)
    const today = this.ctx.today()
    const year = Number(today.slice(0, 4))
    await (await this.ctx.dataDir.office()).issue(
      (seq) => ({ ...request, seq, year, number: noticeNumber(this.ctx.campaign, year, seq), issuedAt: today, issuedBy: actor, feedback: null }),
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
