/**
 * The office's intake: a batch of received files is read and classed first and shown, then recorded whole; decisions
 * on duplicates and versions; the consolidated workbook of a form.
 */
import { randomUUID } from 'node:crypto'
import type { ExportedFile, OfficeAnnex, OfficeStage, OfficeView } from '@shared/ipc/contract'
import { OfficeAnnexSchema } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { DecisionInput } from '@shared/merge/schema'
import type { Consolidation, Decision, Submission, SubmissionSummary } from '@shared/merge/types'
import { formName } from '@shared/annexes/registry'
import { crossBlockers, differencesMessage } from '@shared/office/crossForms'
import { newProblemNos } from '@shared/office/problemNumbers'
import { streamAnnex } from '@shared/office/streams'
import { chinaDate } from '@shared/domain/chinaTime'
import { writeConsolidatedWorkbook } from '../merge/consolidatedWorkbook'
import { mapLimit } from '../merge/mapLimit'
import { reportProgress, unreported } from '../progress'
import type { OfficeContext, ReceivedForms } from './receivedForms'

export type ReadSubmission = (bytes: Buffer, fileName: string, receivedAt: string) => Promise<Submission>

interface Received {
  submission: Submission
  bytes: Buffer
}

/** 填报人 and 联系电话 printed on the office's own forms and reports. */
export interface OfficeContact {
  filler: string
  phone: string
}

const KEPT_STAGES = 3
/** Files are parsed one per worker; two at a time on the office's two cores. */
const PARALLEL_READS = 2

export class OfficeIntake {
  private readonly staged = new Map<string, Received[]>()

  constructor(
    private readonly ctx: OfficeContext,
    private readonly forms: ReceivedForms,
    private readonly read: ReadSubmission
  ) {}

  /** Reads and classes dropped files as if they were taken in; nothing is recorded yet. */
  async stage(files: readonly { fileName: string; data: string }[]): Promise<OfficeStage> {
    const store = await this.ctx.dataDir.office()
    const receivedAt = this.ctx.now().toISOString()
    // The window counts files here; the rows of each file, read two at a time, would make the count jump.
    let read = 0
    reportProgress('读取文件', read, files.length, '个文件')
    const received = await mapLimit(files, PARALLEL_READS, async (f): Promise<Received> => {
      const bytes = Buffer.from(f.data, 'base64')
      const submission = await unreported(() => this.read(bytes, f.fileName, receivedAt))
      reportProgress('读取文件', ++read, files.length, '个文件')
      return { submission, bytes }
    })
    const after = [...this.forms.consolidateAll({ submissions: [...store.submissions, ...received.map((r) => r.submission)], decisions: store.decisions, problemNos: store.problemNos }).values()]
    const stageId = randomUUID()
    this.staged.set(stageId, received)
    for (const id of [...this.staged.keys()].slice(0, -KEPT_STAGES)) this.staged.delete(id)
    const isNew = (sha: string): boolean => received.some((r) => r.submission.sha256 === sha)
    return {
      stageId,
      files: stagedSummaries(after.flatMap((c) => c.submissions), store.submissions, received),
      versionDiffs: after.flatMap((c) => c.versionDiffs).filter((d) => isNew(d.to.sha256) || isNew(d.from.sha256))
    }
  }

  async commit(stageId: string): Promise<OfficeView> {
    const received = this.staged.get(stageId)
    if (!received) throw new AppFailure('NOT_FOUND', '这批文件的预览已失效，请重新选择文件。')
    reportProgress('保存收到的文件', received.length, null, '个文件')
    const store = await this.ctx.dataDir.office()
    await store.add(received)
    this.staged.delete(stageId)
    // 一件一号: the enterprises that came without a 问题编号 get theirs now, and keep it.
    const forms = ['annex2', 'annex3', 'annex4'].map((stream) => this.forms.consolidateStream(store, stream))
    await store.number((assigned) => newProblemNos(this.ctx.campaign, forms, assigned))
    return this.forms.view()
  }

  /** Shows the form the decision was about: a chosen version's own form, else 附件2. */
  async decide(input: DecisionInput, actor: string): Promise<OfficeView> {
    const decision = { ...input, at: this.ctx.now().toISOString(), by: actor } as Decision
    await (await this.ctx.dataDir.office()).decide(decision)
    const own = input.kind === 'use-version' ? OfficeAnnexSchema.options.find((a) => a === input.annex) : undefined
    return this.forms.view(own)
  }

  /** Confirms a difference between forms with its reason, for the findings it has now. */
  async confirm(input: { check: string; note: string; annex?: OfficeAnnex }, actor: string): Promise<OfficeView> {
    const store = await this.ctx.dataDir.office()
    const check = this.forms.crossChecks(this.forms.consolidateAll(store), store.confirmations).find((c) => c.id === input.check)
    if (!check) throw new AppFailure('NOT_FOUND', '这项核对已不存在（所收文件已变化），请刷新后重新查看。')
    if (check.ok) throw new AppFailure('INVALID_INPUT', `${check.label}现已一致，无需确认。`)
    await store.confirm({ check: check.id, findings: check.findings, note: input.note.trim(), at: this.ctx.now().toISOString(), by: actor })
    return this.forms.view(input.annex)
  }

  /**
   * The consolidated workbook of one form; refused while any reconciliation equation fails or another form
   * disagrees with it unconfirmed.
   */
  async exportWorkbook(contact: OfficeContact, annexId: OfficeAnnex = 'annex2'): Promise<ExportedFile> {
    const store = await this.ctx.dataDir.office()
    const all = this.forms.consolidateAll(store)
    const c = all.get(annexId) as Consolidation
    const failing = c.equations.filter((e) => !e.ok)
    if (failing.length > 0) {
      throw new AppFailure('INVALID_INPUT', `核对不相符，不能导出汇总表：${failing.map((e) => e.label).join('；')}。请把这些文件退回核实。`)
    }
    const differences = crossBlockers(this.forms.crossChecks(all, store.confirmations), annexId)
    if (differences.length > 0) throw new AppFailure('INVALID_INPUT', differencesMessage('各表之间', '汇总表', differences))
    const now = this.ctx.now()
    const annex = streamAnnex(annexId)
    const bytes = await writeConsolidatedWorkbook(c, { campaign: this.ctx.campaign, annex, appVersion: this.ctx.appVersion, now, contact })
    return { fileName: `${formName(annex)}-汇总-${chinaDate(now).replace(/-/g, '')}.xlsx`, data: bytes.toString('base64') }
  }
}

/**
 * The summaries of the dropped files within a consolidation of everything: a file received before (same bytes,
 * same name) appears twice, and the dropped copy is the one classed as a duplicate.
 */
function stagedSummaries(after: readonly SubmissionSummary[], stored: readonly Submission[], received: readonly Received[]): OfficeStage['files'] {
  const taken = new Set<SubmissionSummary>()
  return received.map(({ submission: sub }) => {
    const same = after.filter((s) => s.sha256 === sub.sha256 && s.file === sub.file && !taken.has(s))
    const before = stored.some((s) => s.sha256 === sub.sha256)
    const summary = (before ? same.find((s) => s.status === 'duplicate-file') : undefined) ?? (same[0] as SubmissionSummary)
    taken.add(summary)
    return {
      ...summary,
      errors: sub.issues.filter((i) => i.severity === 'error').length,
      warnings: sub.issues.filter((i) => i.severity === 'warning').length,
      issues: sub.issues,
      evidence: sub.evidence ? { files: sub.evidence.length, mismatched: sub.evidence.filter((e) => !e.ok).length } : null
    }
  })
}

