/**
 * The office's side of the core loop: take in a batch of received files (read and classed first, shown, then
 * recorded whole), record decisions, and derive everything shown or exported from submissions + decisions.
 */
import { randomUUID } from 'node:crypto'
import { contacts } from '@shared/annexes/contacts'
import { weekly } from '@shared/annexes/weekly'
import type { Campaign } from '@shared/campaign/campaign'
import type { ExportedFile, OfficeAnnex, OfficeContactsView, OfficeStage, OfficeView } from '@shared/ipc/contract'
import type { OfficeWeeklyView } from '@shared/office/cityWeekly'
import type { OfficeDashboard } from '@shared/office/dashboard'
import type { WeeklyText } from '@shared/reports/weekly'
import { OfficeAnnexSchema } from '@shared/ipc/contract'
import type { NoticeRequest } from '@shared/office/notices'
import { noticeCandidates, noticeNumber, noticeOverdue } from '@shared/office/notices'
import type { NoticeItem } from '@shared/reports/documents'
import { AppFailure } from '@shared/ipc/result'
import { consolidate } from '@shared/merge/consolidate'
import type { DecisionInput } from '@shared/merge/schema'
import type { Consolidation, Decision, Submission, SubmissionSummary } from '@shared/merge/types'
import { attachmentLine, cityDraft, cityWeek } from '@shared/office/cityWeekly'
import { officeDashboard } from '@shared/office/dashboard'
import { reportingStatus, statsByUnit, unitsWithout } from '@shared/office/reporting'
import { resurgenceFindings } from '@shared/office/resurgence'
import { decisionsFor, FIXED_STREAMS, streamAnnex, streamOf, weeklyStream } from '@shared/office/streams'
import { issueNumber, reportFridays } from '@shared/reports/draft'
import { weekStart } from '@shared/reports/weekly'
import { chinaDate } from '@shared/domain/chinaTime'
import { unitFormFileName, unitFormInput } from '../annexExport'
import { writeWeeklyReportDocx } from '../documents/weeklyReportDocx'
import { writeAnnexWorkbook } from '../export/workbook'
import { writeConsolidatedWorkbook } from '../merge/consolidatedWorkbook'
import { mapLimit } from '../merge/mapLimit'
import { writeNoticeDocx } from '../documents/noticeDocx'
import { supervisionNotice } from './noticeDocument'
import type { DocumentsStore } from '../storage/documentsStore'
import type { DataDir } from '../storage/ledgerStore'

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

export class OfficeService {
  private readonly staged = new Map<string, Received[]>()

  constructor(
    private readonly dataDir: DataDir,
    private readonly campaign: Campaign,
    private readonly read: ReadSubmission,
    private readonly appVersion: string,
    private readonly now: () => Date = () => new Date(),
    /** The working date (deadlines, notice dates); SLW_TODAY in training and tests. */
    private readonly today: () => string = () => chinaDate(new Date())
  ) {}

  /** The consolidation of one form (附件2 unless said), with who has reported every deadline of the plan. */
  async view(annex: OfficeAnnex = 'annex2'): Promise<OfficeView> {
    const store = await this.dataDir.office()
    const all = this.consolidateAll(store.submissions, store.decisions)
    const c = all.get(annex) as Consolidation
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
      resurgence:
        annex === 'annex2'
          ? resurgenceFindings(c.rows, all.get('huikan')?.rows ?? [], [...(all.get('annex3')?.rows ?? []), ...(all.get('annex4')?.rows ?? [])])
          : [],
      reporting: reportingStatus(this.campaign, deadlineSummaries(all)),
      stats: statsByUnit(this.campaign, streamAnnex(annex), c.rows),
      exportBlockers: failing.map((e) => `核对不符：${e.label}（差异 ${e.left - e.right}）`),
      supervision: [...store.supervision].reverse().map((n) => ({ ...n, overdue: noticeOverdue(n, this.today()) })),
      today: this.today()
    }
  }

  /** What a notice to `unit` may list: its rows past 完成时限 and its undecided conflicts. */
  async noticeCandidates(unit: string): Promise<NoticeItem[]> {
    const store = await this.dataDir.office()
    const c = this.consolidateStream(store.submissions, store.decisions, 'annex2')
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
    const after = [...this.consolidateAll([...store.submissions, ...received.map((r) => r.submission)], store.decisions).values()]
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
    await (await this.dataDir.office()).add(received)
    this.staged.delete(stageId)
    return this.view()
  }

  /** Shows the form the decision was about: a chosen version's own form, else 附件2. */
  async decide(input: DecisionInput, actor: string): Promise<OfficeView> {
    const decision = { ...input, at: this.now().toISOString(), by: actor } as Decision
    await (await this.dataDir.office()).decide(decision)
    const own = input.kind === 'use-version' ? OfficeAnnexSchema.options.find((a) => a === input.annex) : undefined
    return this.view(own)
  }

  /** The consolidated workbook of one form; refused while any reconciliation equation fails. */
  async exportWorkbook(contact: OfficeContact, annexId: OfficeAnnex = 'annex2'): Promise<ExportedFile> {
    const store = await this.dataDir.office()
    const c = this.consolidateStream(store.submissions, store.decisions, annexId)
    const failing = c.equations.filter((e) => !e.ok)
    if (failing.length > 0) {
      throw new AppFailure('INVALID_INPUT', `核对不相符，不能导出汇总表：${failing.map((e) => e.label).join('；')}。请把这些文件退回核实。`)
    }
    const now = this.now()
    const annex = streamAnnex(annexId)
    const bytes = await writeConsolidatedWorkbook(c, { campaign: this.campaign, annex, appVersion: this.appVersion, now, contact })
    return { fileName: `${annex.label}-汇总-${chinaDate(now).replace(/-/g, '')}.xlsx`, data: bytes.toString('base64') }
  }

  /** The city's Friday report: each unit's 附表 for the week, late and missing units, 合计, the office's text. */
  async weekly(friday: string): Promise<OfficeWeeklyView> {
    const store = await this.dataDir.office()
    const c = this.consolidateStream(store.submissions, store.decisions, weeklyStream(friday))
    const received = new Map(store.submissions.map((s) => [s.sha256, s.receivedAt]))
    const week = cityWeek(this.campaign, friday, c, (sha) => received.get(sha) ?? '')
    const stored = (await this.officeDocuments()).weekly(friday)
    return {
      friday,
      from: weekStart(friday),
      issueNo: issueNumber(this.campaign, friday),
      fridays: reportFridays(this.campaign),
      ...week,
      text: stored ?? cityDraft(this.campaign, friday, week),
      saved: stored ? { at: stored.savedAt, by: stored.by } : null
    }
  }

  async saveWeekly(friday: string, text: WeeklyText, actor: string): Promise<OfficeWeeklyView> {
    await (await this.officeDocuments()).saveWeekly(friday, text, actor)
    return this.weekly(friday)
  }

  /** The city's report as a 工作简报 (.docx), or its 附表 (.xlsx: one row per unit, 合计 added by the writer). */
  async exportWeekly(friday: string, format: 'docx' | 'xlsx', contact: OfficeContact): Promise<ExportedFile> {
    const view = await this.weekly(friday)
    const stamp = friday.replace(/-/g, '')
    const city = this.campaign.city.name
    if (format === 'docx') {
      const bytes = await writeWeeklyReportDocx({
        issuer: this.campaign.office.name,
        issueNo: view.issueNo,
        from: view.from,
        friday,
        narrative: view.text,
        attachment: attachmentLine(this.campaign, view.rows, view.missing),
        ...contact,
        date: friday
      })
      return { fileName: `工作进展-${city}-${stamp}.docx`, data: bytes.toString('base64') }
    }
    const { bytes } = await writeAnnexWorkbook({
      annex: weekly,
      campaign: this.campaign,
      records: view.rows.map((r) => ({ id: `${r.unit}-${friday}`, problemNo: '', fields: { ...r.fields, unit: r.unit } })),
      header: { unitName: this.campaign.office.name, ...contact, filledDate: friday },
      appVersion: this.appVersion,
      now: this.now()
    })
    return { fileName: `工作进展附表-${city}-${stamp}.xlsx`, data: bytes.toString('base64') }
  }

  /** The contact list: each member unit's newest 分管领导/联络员 row, and the members that sent none. */
  async contacts(): Promise<OfficeContactsView> {
    const store = await this.dataDir.office()
    const c = this.consolidateStream(store.submissions, store.decisions, contacts.id)
    const filled = new Map(store.submissions.map((s) => [s.sha256, s.filledDate]))
    const rows = c.rows.map((r) => ({ unit: r.unit, fields: r.fields, file: r.provenance.file, filledDate: filled.get(r.provenance.sha256) ?? null }))
    const who = this.campaign.deadlines.find((d) => d.annex === contacts.id)?.reporters ?? 'members'
    return { rows, missing: unitsWithout(this.campaign, who, rows) }
  }

  /** The city's contact list as the form, the office as 填报单位. */
  async exportContacts(contact: OfficeContact): Promise<ExportedFile> {
    const { rows } = await this.contacts()
    const now = this.now()
    const records = rows.map((r) => ({ id: `contacts-${r.unit}`, problemNo: '', createdAt: '', updatedAt: '', fields: r.fields }))
    const profile = { unitId: this.campaign.office.id, ...contact }
    const unitName = this.campaign.office.name
    const input = unitFormInput({ annex: contacts, campaign: this.campaign, unitName, records, profile, template: false, appVersion: this.appVersion, now, today: this.today() })
    const { bytes } = await writeAnnexWorkbook(input)
    return { fileName: unitFormFileName(contacts, this.campaign.city.name, false, now), data: bytes.toString('base64') }
  }

  async dashboard(): Promise<OfficeDashboard> {
    const store = await this.dataDir.office()
    const all = this.consolidateAll(store.submissions, store.decisions)
    return officeDashboard(this.campaign, {
      annex2: all.get('annex2') as Consolidation,
      annex3: all.get('annex3') as Consolidation,
      submissions: deadlineSummaries(all),
      supervision: store.supervision,
      today: this.today()
    })
  }

  /** The city's report texts, kept like a unit's under the office's id. */
  private officeDocuments(): Promise<DocumentsStore> {
    return this.dataDir.unitDocuments(this.campaign.office.id)
  }

  /** Every stream of files (streams.ts) consolidated on its own; the fixed ones also when no file has come yet. */
  private consolidateAll(submissions: readonly Submission[], decisions: readonly Decision[]): Map<string, Consolidation> {
    const streams = new Set<string>([...FIXED_STREAMS, ...submissions.map(streamOf)])
    return new Map([...streams].map((stream) => [stream, this.consolidateStream(submissions, decisions, stream)]))
  }

  private consolidateStream(submissions: readonly Submission[], decisions: readonly Decision[], stream: string): Consolidation {
    const annex = streamAnnex(stream)
    const mine = submissions.filter((s) => streamOf(s) === stream)
    return consolidate(mine, decisionsFor(decisions, annex.id), this.campaign, annex)
  }
}

/** The files of the forms the plan sets deadlines for, as their consolidations class them. */
function deadlineSummaries(all: ReadonlyMap<string, Consolidation>): SubmissionSummary[] {
  return FIXED_STREAMS.flatMap((id) => all.get(id)?.submissions ?? [])
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
      issues: sub.issues
    }
  })
}

function rowFields(submissions: readonly Submission[], sha256: string, row: number): Submission['rows'][number]['fields'] {
  return submissions.find((s) => s.sha256 === sha256)?.rows.find((r) => r.rowNumber === row)?.fields ?? {}
}
