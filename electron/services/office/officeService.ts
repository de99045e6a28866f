/**
 * The office's side of the core loop: take in a batch of received files (read and classed first, shown, then
 * recorded whole), record decisions, and derive everything shown or exported from submissions + decisions.
 */
import { randomUUID } from 'node:crypto'
import { annex2 } from '@shared/annexes/annex2'
import type { Campaign } from '@shared/campaign/campaign'
import type { ExportedFile, OfficeStage, OfficeView } from '@shared/ipc/contract'
import type { NoticeRequest } from '@shared/office/notices'
import { noticeCandidates, noticeNumber, noticeOverdue } from '@shared/office/notices'
import type { NoticeItem } from '@shared/reports/documents'
import { AppFailure } from '@shared/ipc/result'
import { consolidate } from '@shared/merge/consolidate'
import type { DecisionInput } from '@shared/merge/schema'
import type { Consolidation, Decision, Submission, SubmissionSummary } from '@shared/merge/types'
import { reportingStatus, statsByUnit } from '@shared/office/reporting'
import { localIsoDate } from '@shared/domain/dates'
import { writeConsolidatedWorkbook } from '../merge/consolidatedWorkbook'
import { mapLimit } from '../merge/mapLimit'
import { writeNoticeDocx } from '../documents/noticeDocx'
import { supervisionNotice } from './noticeDocument'
import type { DataDir } from '../storage/ledgerStore'

export type ReadSubmission = (bytes: Buffer, fileName: string, receivedAt: string) => Promise<Submission>

interface Received {
  submission: Submission
  bytes: Buffer
}

const KEPT_STAGES = 3
/** Files are parsed one per worker; two at a time on the office's two cores. */
const PARALLEL_READS = 2

export class OfficeService {
  private readonly staged = new Map<string, Received[]>()

  constructor(
    private readonly dataDir: DataDir,
    private readonly campaign: Campaign,
    private readonly read: ReadSubmission,
    private readonly appVersion: string,
    private readonly now: () => Date = () => new Date(),
    /** The working date (deadlines, notice dates); SLW_TODAY in training and tests. */
    private readonly today: () => string = () => localIsoDate(new Date())
  ) {}

  async view(): Promise<OfficeView> {
    const store = await this.dataDir.office()
    const c = this.consolidate(store.submissions, store.decisions)
    const failing = c.equations.filter((e) => !e.ok)
    return {
      annex: c.annex,
      notices: store.notices,
      submissions: c.submissions,
      rowCount: c.rows.length,
      distinctProblems: c.distinctProblems,
      conflicts: c.duplicateGroups.map((group) => ({
        group,
        rows: group.rows.map((m) => ({ unit: m.unit, file: m.file, row: m.row, fields: rowFields(store.submissions, m.sha256, m.row) }))
      })),
      missingUnits: c.missingUnits,
      equations: c.equations,
      versionDiffs: c.versionDiffs,
      decisions: c.decisions,
      reporting: reportingStatus(this.campaign, c.submissions),
      stats: statsByUnit(this.campaign, annex2, c.rows),
      exportBlockers: failing.map((e) => `核对不符：${e.label}（差异 ${e.left - e.right}）`),
      supervision: [...store.supervision].reverse().map((n) => ({ ...n, overdue: noticeOverdue(n, this.today()) })),
      today: this.today()
    }
  }

  /** What a notice to `unit` may list: its rows past 完成时限 and its undecided conflicts. */
  async noticeCandidates(unit: string): Promise<NoticeItem[]> {
    const store = await this.dataDir.office()
    const c = this.consolidate(store.submissions, store.decisions)
    return noticeCandidates(unit, c.rows, c.duplicateGroups, this.today())
  }

  async issueNotice(request: NoticeRequest, actor: string): Promise<OfficeView> {
    if (!this.campaign.units.some((u) => u.name === request.unit)) throw new AppFailure('NOT_FOUND', `“${request.unit}”不是本次整治工作中的单位。`)
    const today = this.today()
    const year = Number(today.slice(0, 4))
    await (await this.dataDir.office()).issue(
      (seq) => ({ ...request, seq, year, number: noticeNumber(this.campaign, year, seq), issuedAt: today, issuedBy: actor, feedback: null }),
      year
    )
    return this.view()
  }

  async recordFeedback(year: number, seq: number, date: string, result: string, actor: string): Promise<OfficeView> {
    const store = await this.dataDir.office()
    if (!store.supervision.some((n) => n.year === year && n.seq === seq)) throw new AppFailure('NOT_FOUND', '没有这份督办通知。')
    await store.feedback(seq, year, { date, result, by: actor })
    return this.view()
  }

  async exportNotice(year: number, seq: number, contact: { name: string; phone: string }): Promise<ExportedFile> {
    const n = (await this.dataDir.office()).supervision.find((x) => x.year === year && x.seq === seq)
    if (!n) throw new AppFailure('NOT_FOUND', '没有这份督办通知。')
    const bytes = await writeNoticeDocx(supervisionNotice(this.campaign, n, contact))
    return { fileName: `督办通知-${n.unit}-${year}-${seq}.docx`, data: bytes.toString('base64') }
  }

  /** Reads and classes dropped files as if they were taken in; nothing is recorded yet. */
  async stage(files: readonly { fileName: string; data: string }[]): Promise<OfficeStage> {
    const store = await this.dataDir.office()
    const receivedAt = this.now().toISOString()
    const received = await mapLimit(files, PARALLEL_READS, async (f): Promise<Received> => {
      const bytes = Buffer.from(f.data, 'base64')
      return { submission: await this.read(bytes, f.fileName, receivedAt), bytes }
    })
    const after = this.consolidate([...store.submissions, ...received.map((r) => r.submission)], store.decisions)
    const stageId = randomUUID()
    this.staged.set(stageId, received)
    for (const id of [...this.staged.keys()].slice(0, -KEPT_STAGES)) this.staged.delete(id)
    const isNew = (sha: string): boolean => received.some((r) => r.submission.sha256 === sha)
    return {
      stageId,
      files: stagedSummaries(after, store.submissions, received),
      versionDiffs: after.versionDiffs.filter((d) => isNew(d.to.sha256) || isNew(d.from.sha256))
    }
  }

  async commit(stageId: string): Promise<OfficeView> {
    const received = this.staged.get(stageId)
    if (!received) throw new AppFailure('NOT_FOUND', '这批文件的预览已失效，请重新选择文件。')
    await (await this.dataDir.office()).add(received)
    this.staged.delete(stageId)
    return this.view()
  }

  async decide(input: DecisionInput, actor: string): Promise<OfficeView> {
    const decision = { ...input, at: this.now().toISOString(), by: actor } as Decision
    await (await this.dataDir.office()).decide(decision)
    return this.view()
  }

  /** The consolidated workbook; refused while any reconciliation equation fails. */
  async exportWorkbook(actor: string): Promise<ExportedFile> {
    const store = await this.dataDir.office()
    const c = this.consolidate(store.submissions, store.decisions)
    const failing = c.equations.filter((e) => !e.ok)
    if (failing.length > 0) {
      throw new AppFailure('INVALID_INPUT', `核对不相符，不能导出汇总表：${failing.map((e) => e.label).join('；')}。请把这些文件退回核实。`)
    }
    const now = this.now()
    const bytes = await writeConsolidatedWorkbook(c, { campaign: this.campaign, annex: annex2, appVersion: this.appVersion, now, operator: actor })
    return { fileName: `${annex2.label}-汇总-${localIsoDate(now).replace(/-/g, '')}.xlsx`, data: bytes.toString('base64') }
  }

  private consolidate(submissions: readonly Submission[], decisions: readonly Decision[]): Consolidation {
    return consolidate([...submissions], [...decisions], this.campaign, annex2)
  }
}

/**
 * The summaries of the dropped files within a consolidation of everything: a file received before (same bytes,
 * same name) appears twice, and the dropped copy is the one classed as a duplicate.
 */
function stagedSummaries(after: Consolidation, stored: readonly Submission[], received: readonly Received[]): OfficeStage['files'] {
  const taken = new Set<SubmissionSummary>()
  return received.map(({ submission: sub }) => {
    const same = after.submissions.filter((s) => s.sha256 === sub.sha256 && s.file === sub.file && !taken.has(s))
    const before = stored.some((s) => s.sha256 === sub.sha256)
    const summary = (before ? same.find((s) => s.status === 'duplicate-file') : undefined) ?? (same[0] as SubmissionSummary)
    taken.add(summary)
    return {
      ...summary,
      errors: sub.issues.filter((i) => i.severity === 'error').length,
      warnings: sub.issues.filter((i) => i.severity === 'warning').length,
      issues: sub.issues
    }
  })
}

function rowFields(submissions: readonly Submission[], sha256: string, row: number): Submission['rows'][number]['fields'] {
  return submissions.find((s) => s.sha256 === sha256)?.rows.find((r) => r.rowNumber === row)?.fields ?? {}
}
