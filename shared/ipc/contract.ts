/**
 * The one IPC contract. Electron main, the web server and the CLI all serve it through `dispatch`; the renderer
 * calls it through its api client. Inputs are validated with zod by the serving side (the renderer is untrusted);
 * outputs are typed only.
 */
import { z } from 'zod'
import { OFFICE_VIEW_IDS } from '../annexes/registry'
import type { FlaggedRow } from '../merge/flaggedRows'
import type { Attachment, EvidenceSlot } from '../evidence/attachments'
import { EVIDENCE_SLOTS, MAX_ATTACHMENT_BYTES } from '../evidence/attachments'
import type { ConfirmedCheck } from '../office/crossForms'
import type { EvidenceOverview } from '../office/receivedEvidence'
import type { SourceColumn } from '../annexes/columnMapping'
import type { Complaint, ComplaintState, ComplaintStats } from '../complaints/register'
import type { ComplaintMatch } from '../complaints/match'
import { ComplaintInputSchema, ComplaintResultSchema } from '../complaints/register'
import type { ComplaintTablePreview } from '../complaints/table'
import type { Campaign } from '../campaign/campaign'
import type { HistoryEntry, LedgerRecord } from '../ledger/record'
import type { FieldChange, ImportRowStatus } from '../ledger/importPlan'
import type { LocatedIssue } from '../domain/issues'
import type { RecordFields } from '../ledger/record'
import { LedgerChangesSchema, RecordFieldsSchema } from '../ledger/record'
import type { WeekFigures, WeeklyText } from '../reports/weekly'
import { WeeklyTextSchema } from '../reports/weekly'
import type { OfficeWeeklyView } from '../office/cityWeekly'
import type { OfficeDashboard } from '../office/dashboard'
import type { ReportingStatus, UnitStats } from '../office/reporting'
import type { StoredNotice } from '../office/notices'
import type { ResurgenceFinding } from '../office/resurgence'
import type { AccountabilityView } from '../office/accountability'
import { AccountabilityInputSchema } from '../office/accountability'
import type { CalendarView } from '../campaign/calendar'
import type { DraftedPart } from '../reports/redraft'
import { CalendarChangeSchema } from '../campaign/calendar'
import type { ProblemChoice } from '../office/notices'
import { NoticeRequestSchema } from '../office/notices'
import { DecisionInputSchema } from '../merge/schema'
import type { DataDirSource } from './dataFolder'
import type { DecisionOutcome, DuplicateGroup, Equation, SubmissionSummary, VersionDiff } from '../merge/types'

const UnitId = z.string().regex(/^[a-z0-9]{1,16}$/, '单位编号无效')

export const ProfileSchema = z.object({
  unitId: UnitId,
  filler: z.string().trim().min(1, '请填写填报人').max(20, '填报人姓名过长'),
  phone: z.string().trim().min(1, '请填写联系电话').max(30, '联系电话过长')
})
export type Profile = z.infer<typeof ProfileSchema>

/** The forms the office shows record by record (the weekly 附表 and the contact list have their own views). */
export const OfficeAnnexSchema = z.enum(OFFICE_VIEW_IDS)
export type OfficeAnnex = z.infer<typeof OfficeAnnexSchema>

/** A message the user must see, e.g. that a damaged ledger was replaced by its newest valid copy. */
export interface Notice {
  level: 'info' | 'warning' | 'error'
  message: string
}

export interface Bootstrap {
  appVersion: string
  mode: 'electron' | 'web'
  dataDir: string
  /** How dataDir was chosen (便携, --data, SLW_DATA_DIR, default): the window title and 关于 say it. */
  dataSource: DataDirSource
  /** The daily logs (dataDir/logs), which a clerk sends when something went wrong. */
  logDir: string
  /** The working date (YYYY-MM-DD): deadlines and due reports are counted from it. */
  today: string
  campaign: Campaign
  profile: Profile | null
  notices: Notice[]
}

export interface LedgerView {
  unitId: string
  records: LedgerRecord[]
  generation: number
  /** True when the file was written by a newer version of the program: it is shown but never overwritten. */
  readOnly: boolean
  notices: Notice[]
}

export interface SaveReceipt {
  generation: number
  savedAt: string
  /** 问题编号 handed out to new records, by record id. */
  assigned: Record<string, string>
}

/**
 * A finding in a submitted file, located as precisely as the file allows: a cell (E7), a merged range (B6:B13), a
 * row, or the file as a whole (all locations null). The message is a complete Chinese sentence naming file, sheet
 * and cell.
 */
export interface ImportPreviewRow {
  rowNumber: number
  status: ImportRowStatus
  problemNo: string | null
  name: string
  changes: FieldChange[]
  /** Wrong values; required fields left blank are counted apart, in `blank` (待补充). */
  errors: number
  blank: number
  warnings: number
}

/** What an import would do, shown before anything is written. */
export interface ImportPreview {
  stageId: string
  file: string
  sha256: string
  annex: string | null
  sheet: string | null
  /** 填报单位 found in the file, and whether it is another unit than the one importing. */
  unit: string | null
  otherUnit: boolean
  filledDate: string | null
  /** The file cannot be imported at all (not a spreadsheet, no annex table, …); issues say why. */
  refused: boolean
  /** Set when the file is one of this program's exports. */
  ownExport: { exportedAt: string; checkCode: string; consistent: boolean; edited: number; added: number; removed: number } | null
  /** withErrors: rows with a wrong value; incomplete: rows whose only errors are required fields left blank (待补充). */
  counts: { rows: number; new: number; changed: number; unchanged: number; withErrors: number; incomplete: number; notInFile: number }
  rows: ImportPreviewRow[]
  issues: LocatedIssue[]
  /** The table's columns as read, each with the field it goes into, for the clerk to assign (列的对应). */
  columns: SourceColumn[]
  /** The clerk's assignments in force: source header → field key, or null (忽略). */
  mapping: Record<string, string | null>
  /** The assignments were remembered from an earlier file with the same headers. */
  remembered: boolean
}

export interface ImportDone {
  view: LedgerView
  stageId: string
  /** Chinese sentence: what was imported. */
  summary: string
}

export interface ExportedFile {
  fileName: string
  /** The xlsx bytes, base64. */
  data: string
}

/**
 * What became of an export the desktop app was asked to save: on disk at `path`; cancelled in the save dialog
 * (saved false, no failure: nothing to say); or not written, with the Chinese reason and a token that retries the
 * same place without asking again.
 */
export type SaveOutcome = { saved: true; path: string } | { saved: false; failure?: { message: string; retry: string } }

/** A duplicate group with the full rows of its members, for the side-by-side view. */
export interface ConflictView {
  group: DuplicateGroup
  rows: { unit: string; file: string; row: number; fields: RecordFields }[]
}

/** The office's whole picture for one annex, without the (possibly large) consolidated rows themselves. */
export interface OfficeView {
  annex: string
  notices: Notice[]
  submissions: SubmissionSummary[]
  rowCount: number
  distinctProblems: number
  conflicts: ConflictView[]
  missingUnits: string[]
  equations: Equation[]
  versionDiffs: VersionDiff[]
  /** Every decision made, with what became of it (applied, replaced by a later one, nothing to apply to). */
  decisions: DecisionOutcome[]
  /** 附件2 rows that look like an enterprise closed before (2023 回头看 items, 已销号 rows); empty for other forms. */
  resurgence: ResurgenceFinding[]
  reporting: ReportingStatus[]
  /** 汇总: one line per unit with rows, the annex's stat columns, then 合计. */
  stats: UnitStats
  /**
   * Rows taken in with errors: counted where they belong, shown red, each with its unit, file, row and errors, so the
   * office can send them back to be corrected.
   */
  flaggedRows: FlaggedRow[]
  /** Every unit's forms checked against each other (office/crossForms.ts), with the office's confirmations. */
  crossChecks: ConfirmedCheck[]
  /** The evidence 报送包 carried for the form's rows, and the 销号 rows without the proof their category needs. */
  evidence: EvidenceOverview
  /** Chinese reasons the consolidated workbook cannot be exported now (failing equations, unconfirmed differences). */
  exportBlockers: string[]
  /** 督办通知 register, newest first; overdue: no 反馈 by the 办理时限. */
  supervision: (StoredNotice & { overdue: boolean })[]
  /** The office's working date. */
  today: string
}

/** Files dropped on the office page, read and classed, before they are taken in. */
export interface OfficeStage {
  stageId: string
  /** The new files as they would be classed once taken in (accepted, superseding, duplicate, rejected). */
  files: (SubmissionSummary & {
    errors: number
    warnings: number
    issues: LocatedIssue[]
    /** A 报送包's evidence: how many files, how many not matching the manifest; null for a plain form. */
    evidence: { files: number; mismatched: number } | null
  })[]
  /** What the newer versions among them change against the files they supersede. */
  versionDiffs: VersionDiff[]
}

/** A unit's Friday report: figures computed from its records, the texts (saved, or drafted with the figures). */
export interface WeeklyView {
  friday: string
  from: string
  /** 第 N 期 */
  issueNo: number
  /** The campaign's report Fridays, for choosing one. */
  fridays: string[]
  figures: WeekFigures
  text: WeeklyText
  /** Parts the clerk rewrote whose figures have changed since and could not all be filled in (reports/redraft.ts). */
  changed: DraftedPart[]
  /** Parts the clerk rewrote whose figures were filled in again from the new figures. */
  refilled: DraftedPart[]
  saved: { at: string; by: string } | null
}

const Friday = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 5, '请选择星期五')

/** The city's contact list: each unit's latest 分管领导/联络员 row, and the members that sent none. */
export interface OfficeContactsView {
  rows: { unit: string; fields: RecordFields; file: string; filledDate: string | null }[]
  missing: string[]
}

const ComplaintNo = z.string().min(1).max(60)
/** A clerk's column assignments: at most a table's worth, by header text. */
const MappingInput = z.record(z.string().min(1).max(200), z.string().max(40).nullable()).refine((m) => Object.keys(m).length <= 300, '列的对应过多')

/** Files travel base64 in JSON, at most `mib` MiB of file. */
const fileData = (mib: number, tooLarge = `文件超过 ${mib} MB，请删去不需要的工作表或行后再导入`): z.ZodString =>
  z.string().max(Math.ceil((mib * 1024 * 1024 * 4) / 3) + 4, tooLarge)
/** A unit's own ledger file (reliability.md §2.3); the page refuses a bigger file before reading it. */
export const LEDGER_FILE_MIB = 20
const FileData = fileData(LEDGER_FILE_MIB)
/**
 * A file the office merges may be a consolidation of our own (a roll-up; 41 MiB for 100,000 rows). The reader reads
 * no file above it (importLimits.maxFileBytes) and caps a workbook within it by what it inflates to and the cells
 * it holds (limits.ts).
 */
export const SUBMISSION_FILE_MIB = 64
const SubmissionFileData = fileData(SUBMISSION_FILE_MIB)
/** One of our exports handed back to be saved: 3× a 100,000-row consolidation (41 MiB), and within the request cap as base64. */
export const EXPORT_FILE_MIB = 128
/** A bare file name of the kinds we export; no folder, nor a character Windows refuses in a name. */
const ExportFileName = z
  .string()
  .max(255)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+\.(xlsx|docx|zip|json|pdf|jpe?g|png|webp)$/i, '文件名无效')

/** A photo or PDF attached to a record: at most MAX_ATTACHMENT_BYTES (20 MB). */
const AttachmentData = fileData(MAX_ATTACHMENT_BYTES / 1024 / 1024, `文件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩或缩小后再添加`)

/** The 举报受理登记 register as this folder's side (the office, or a unit) sees it, newest first. */
export interface ComplaintsView {
  /** 领导小组办公室, or the unit's name. */
  side: string
  today: string
  /** The campaign's units a report can be assigned to. */
  units: string[]
  notices: Notice[]
  rows: (Complaint & {
    state: ComplaintState
    /** 死灰复燃线索 (a closed site) or 已在台账 / 已转为问题记录 (a record), each with the matcher's sentence. */
    matches: Pick<ComplaintMatch, 'kind' | 'label' | 'message'>[]
    /** This side registered it (may correct the registration) / handles it (records the result, makes the record). */
    mayEdit: boolean
    mayHandle: boolean
  })[]
  stats: ComplaintStats
}

/** A record's evidence as the 办理 panel shows it: every attachment, removed ones marked (they can be restored). */
export interface EvidenceView {
  recordId: string
  attachments: (Attachment & { id: string; removed: boolean })[]
}

/** A long request's name, given by the renderer, under which `progress:get` tells how far it is. */
const ProgressId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)
const tracked = { progressId: ProgressId.optional() }
type Tracked = { progressId?: string | undefined }

/** How far a long request is: the step it is at (读取表格, 写入表格…), and a count of rows or files (total null: not known yet). */
export interface ProgressView {
  step: string
  done: number
  total: number | null
  /** What is counted: 行, 条, 个文件. */
  unit: string
}

interface Channel<I extends z.ZodType, O> {
  input: I
  /** Type-only marker for the output. */
  output?: O
}
const channel = <I extends z.ZodType, O>(input: I): Channel<I, O> => ({ input })

export const contract = {
  'app:bootstrap': channel<z.ZodObject<{}>, Bootstrap>(z.object({})),
  /** The working date now: the window asks again when it regains focus (a PC left on overnight). */
  'app:today': channel<z.ZodObject<{}>, { today: string }>(z.object({})),
  'profile:save': channel<typeof ProfileSchema, Profile>(ProfileSchema),
  'ledger:open': channel<z.ZodObject<{ unitId: typeof UnitId }>, LedgerView>(z.object({ unitId: UnitId })),
  'ledger:save': channel<z.ZodType<LedgerSaveInput>, SaveReceipt>(
    z.object({
      unitId: UnitId,
      baseGeneration: z.number().int().min(0),
      changes: LedgerChangesSchema
    })
  ),
  'ledger:history': channel<z.ZodObject<{ unitId: typeof UnitId; recordId: z.ZodString }>, HistoryEntry[]>(
    z.object({ unitId: UnitId, recordId: z.string().max(64) })
  ),
  'ledger:reopen': channel<z.ZodType<{ unitId: string; recordId: string; baseGeneration: number }>, LedgerView>(
    z.object({ unitId: UnitId, recordId: z.string().max(64), baseGeneration: z.number().int().min(0) })
  ),
  /** `mapping`: the clerk's assignment of the file's headers (source header → field key, or null for 忽略). */
  'import:preview': channel<z.ZodType<{ unitId: string; fileName: string; data: string; annex: string; mapping?: Record<string, string | null> | undefined } & Tracked>, ImportPreview>(
    z.object({ unitId: UnitId, fileName: z.string().min(1).max(255), data: FileData, annex: z.string().max(32), mapping: MappingInput.optional(), ...tracked })
  ),
  'import:commit': channel<z.ZodType<{ unitId: string; stageId: string; acceptOtherUnit: boolean } & Tracked>, ImportDone>(
    z.object({ unitId: UnitId, stageId: z.string().max(64), acceptOtherUnit: z.boolean(), ...tracked })
  ),
  'import:undo': channel<z.ZodType<{ unitId: string; stageId: string }>, LedgerView>(
    z.object({ unitId: UnitId, stageId: z.string().max(64) })
  ),
  /** A form with records still 待补充 is refused unless `draft` (its title then says it is not to be sent). */
  'export:annex': channel<z.ZodType<{ unitId: string; annex: string; template: boolean; draft?: boolean } & Tracked>, ExportedFile>(
    z.object({ unitId: UnitId, annex: z.string().max(32), template: z.boolean(), draft: z.boolean().optional(), ...tracked })
  ),
  /** The 报送包 of a form: the form, the evidence of its records and the manifest of sha256 (evidencePackage.ts). */
  'export:package': channel<z.ZodType<{ unitId: string; annex: string } & Tracked>, ExportedFile>(
    z.object({ unitId: UnitId, annex: z.string().max(32), ...tracked })
  ),
  /** How far the long request named `id` is; null when it has ended (or is unknown). */
  'progress:get': channel<z.ZodType<{ id: string }>, { progress: ProgressView | null }>(z.object({ id: ProgressId })),
  'evidence:list': channel<z.ZodType<{ unitId: string; recordId: string }>, EvidenceView>(z.object({ unitId: UnitId, recordId: z.string().max(64) })),
  'evidence:add': channel<z.ZodType<{ unitId: string; recordId: string; slot: EvidenceSlot; fileName: string; data: string }>, EvidenceView>(
    z.object({ unitId: UnitId, recordId: z.string().max(64), slot: z.enum(EVIDENCE_SLOTS), fileName: z.string().min(1).max(255), data: AttachmentData })
  ),
  /** 移除 takes an attachment out of use, 恢复 brings it back; both stay in its history. */
  'evidence:mark': channel<z.ZodType<{ unitId: string; recordId: string; id: string; what: '移除' | '恢复' }>, EvidenceView>(
    z.object({ unitId: UnitId, recordId: z.string().max(64), id: z.string().max(400), what: z.enum(['移除', '恢复']) })
  ),
  /** A kept file's bytes, to show or save. */
  'evidence:file': channel<z.ZodType<{ unitId: string; sha256: string }>, { data: string }>(z.object({ unitId: UnitId, sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /** 一企一档 (Word) of one record, or of every record of the unit. */
  'evidence:dossier': channel<z.ZodType<{ unitId: string; recordId?: string | undefined }>, ExportedFile>(z.object({ unitId: UnitId, recordId: z.string().max(64).optional() })),
  'weekly:view': channel<z.ZodType<{ unitId: string; friday: string }>, WeeklyView>(z.object({ unitId: UnitId, friday: Friday })),
  'weekly:save': channel<z.ZodType<{ unitId: string; friday: string; text: WeeklyText }>, WeeklyView>(
    z.object({ unitId: UnitId, friday: Friday, text: WeeklyTextSchema })
  ),
  'weekly:export': channel<z.ZodType<{ unitId: string; friday: string; format: 'docx' | 'xlsx' }>, ExportedFile>(
    z.object({ unitId: UnitId, friday: Friday, format: z.enum(['docx', 'xlsx']) })
  ),
  /** The 月度工作总结 (Word) drafted for the month of the Friday, up to it. */
  'weekly:summaryExport': channel<z.ZodType<{ unitId: string; friday: string }>, ExportedFile>(z.object({ unitId: UnitId, friday: Friday })),
  'contacts:view': channel<z.ZodType<{ unitId: string }>, { fields: RecordFields | null }>(z.object({ unitId: UnitId })),
  'contacts:save': channel<z.ZodType<{ unitId: string; fields: RecordFields }>, { fields: RecordFields | null }>(
    z.object({ unitId: UnitId, fields: RecordFieldsSchema })
  ),
  'complaints:view': channel<z.ZodObject<{}>, ComplaintsView>(z.object({})),
  'complaints:register': channel<typeof ComplaintInputSchema, ComplaintsView>(ComplaintInputSchema),
  'complaints:edit': channel<z.ZodObject<{ no: z.ZodString; input: typeof ComplaintInputSchema }>, ComplaintsView>(z.object({ no: ComplaintNo, input: ComplaintInputSchema })),
  'complaints:result': channel<z.ZodObject<{ no: z.ZodString; result: typeof ComplaintResultSchema }>, ComplaintsView>(z.object({ no: ComplaintNo, result: ComplaintResultSchema })),
  /** A unit turns a report assigned to it into a problem record of its ledger (来源 群众举报). */
  'complaints:toRecord': channel<z.ZodObject<{ no: z.ZodString }>, ComplaintsView & { problemNo: string }>(z.object({ no: ComplaintNo })),
  /** The exchange file for a unit (to), or for the office (to null); the reporter only when asked. */
  'complaints:exchangeExport': channel<z.ZodType<{ to: string | null; includeReporter: boolean }>, ExportedFile>(
    z.object({ to: z.string().max(40).nullable(), includeReporter: z.boolean() })
  ),
  'complaints:exchangeImport': channel<z.ZodType<{ fileName: string; data: string }>, ComplaintsView & { message: string }>(
    z.object({ fileName: z.string().min(1).max(255), data: fileData(2, '举报交办文件不应超过 2 MB，请确认选择的是程序导出的举报交办文件') })
  ),
  /** The 举报受理登记表 as a printed form (no 举报人). */
  'complaints:export': channel<z.ZodObject<{}>, ExportedFile>(z.object({})),
  /** A 督察信访件 / 交办 list read and planned, one report per 受理编号; nothing written. defaultUnit: the office's choice for rows naming none. */
  'complaints:tablePreview': channel<z.ZodType<{ fileName: string; data: string; defaultUnit?: string | undefined }>, ComplaintTablePreview>(
    z.object({ fileName: z.string().min(1).max(255), data: FileData, defaultUnit: z.string().max(40).optional() })
  ),
  'complaints:tableCommit': channel<z.ZodType<{ stageId: string }>, ComplaintsView & { message: string }>(z.object({ stageId: z.string().max(64) })),
  'office:view': channel<z.ZodType<{ annex?: OfficeAnnex }>, OfficeView>(z.object({ annex: OfficeAnnexSchema.optional() })),
  'office:stage': channel<z.ZodType<{ files: { fileName: string; data: string }[] } & Tracked>, OfficeStage>(
    z.object({ files: z.array(z.object({ fileName: z.string().min(1).max(255), data: SubmissionFileData })).min(1).max(200), ...tracked })
  ),
  'office:commit': channel<z.ZodType<{ stageId: string } & Tracked>, OfficeView>(z.object({ stageId: z.string().max(64), ...tracked })),
  'office:decide': channel<typeof DecisionInputSchema, OfficeView>(DecisionInputSchema),
  /** Confirms a difference between forms (crossForms.ts) with the reason; the view of the form it was seen on. */
  'office:confirm': channel<z.ZodType<{ check: string; note: string; annex?: OfficeAnnex }>, OfficeView>(
    z.object({ check: z.string().min(1).max(200), note: z.string().trim().min(1, '请写明差异的原因').max(500), annex: OfficeAnnexSchema.optional() })
  ),
  /** A file of a received 报送包, read from the package as kept and checked against its manifest again. */
  'office:evidenceFile': channel<z.ZodType<{ submission: string; sha256: string }>, { data: string }>(
    z.object({ submission: z.string().regex(/^[0-9a-f]{64}$/), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
  ),
  'office:export': channel<z.ZodType<{ annex?: OfficeAnnex } & Tracked>, ExportedFile>(z.object({ annex: OfficeAnnexSchema.optional(), ...tracked })),
  'office:weekly': channel<z.ZodType<{ friday: string }>, OfficeWeeklyView>(z.object({ friday: Friday })),
  'office:weeklySave': channel<z.ZodType<{ friday: string; text: WeeklyText }>, OfficeWeeklyView>(z.object({ friday: Friday, text: WeeklyTextSchema })),
  'office:weeklyExport': channel<z.ZodType<{ friday: string; format: 'docx' | 'xlsx' }>, ExportedFile>(
    z.object({ friday: Friday, format: z.enum(['docx', 'xlsx']) })
  ),
  'office:contacts': channel<z.ZodObject<{}>, OfficeContactsView>(z.object({})),
  'office:contactsExport': channel<z.ZodObject<{}>, ExportedFile>(z.object({})),
  'office:dashboard': channel<z.ZodObject<{}>, OfficeDashboard>(z.object({})),
  /** The problems a department leads (行业主管部门) across towns, as 附件2. */
  'office:leadExport': channel<z.ZodType<{ unit: string }>, ExportedFile>(z.object({ unit: z.string().max(40) })),
  'office:problems': channel<z.ZodType<Record<string, never>>, ProblemChoice[]>(z.object({}).strict()),
  'office:noticeIssue': channel<typeof NoticeRequestSchema, OfficeView>(NoticeRequestSchema),
  'office:noticeFeedback': channel<z.ZodType<{ year: number; seq: number; date: string; result: string }>, OfficeView>(
    z.object({ year: z.number().int(), seq: z.number().int().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写反馈日期'), result: z.string().trim().min(1, '请填写办理结果').max(2000) })
  ),
  'office:noticeExport': channel<z.ZodType<{ year: number; seq: number }>, ExportedFile>(z.object({ year: z.number().int(), seq: z.number().int().min(1) })),
  'office:accountability': channel<z.ZodObject<{}>, AccountabilityView>(z.object({})),
  'office:accountabilityRecord': channel<typeof AccountabilityInputSchema, AccountabilityView>(AccountabilityInputSchema),
  /** A 通报 drafted from today's figures, numbered and recorded. */
  'office:bulletinIssue': channel<z.ZodType<{ copyTo: string[] }>, AccountabilityView>(z.object({ copyTo: z.array(z.string().max(40)).max(40) })),
  'office:bulletinExport': channel<z.ZodType<{ no: number }>, ExportedFile>(z.object({ no: z.number().int().min(1) })),
  'calendar:view': channel<z.ZodObject<{}>, CalendarView>(z.object({})),
  /** The office moves a date of the plan, with reason and approval. */
  'calendar:change': channel<z.ZodType<{ target: string; date: string; reason: string; approvedBy: string }>, CalendarView>(
    CalendarChangeSchema.pick({ target: true, date: true, reason: true, approvedBy: true })
  ),
  'calendar:export': channel<z.ZodObject<{}>, ExportedFile>(z.object({})),
  /** A unit (or another office PC) takes in the office's calendar file. */
  'calendar:import': channel<z.ZodType<{ fileName: string; data: string }>, CalendarView & { message: string }>(
    z.object({ fileName: z.string().min(1).max(255), data: fileData(1, '工作日程文件不应超过 1 MB，请确认选择的是领导小组办公室发来的日程文件') })
  ),
  /**
   * A backup of the whole data folder (.zip with a manifest of sha256), handed over as any export: saved by file:save
   * on the desktop, downloaded in web mode. Restoring is not a request: the running app cannot replace its own folder.
   */
  'backup:create': channel<z.ZodType<Tracked>, ExportedFile>(z.object({ ...tracked })),
  /** Desktop only: asks where to save an export and writes it (web mode hands exports to the browser's download). */
  'file:save': channel<z.ZodType<{ suggestedName: string; data: string; retry?: string | undefined }>, SaveOutcome>(
    z.object({
      suggestedName: ExportFileName,
      data: fileData(EXPORT_FILE_MIB, `文件超过 ${EXPORT_FILE_MIB} MB，无法保存`),
      retry: z.string().max(64).optional()
    })
  )
}

export interface LedgerSaveInput {
  unitId: string
  /** The generation the caller's copy is based on; a save on an older copy is refused (STALE). */
  baseGeneration: number
  changes: z.infer<typeof LedgerChangesSchema>
}

export type ChannelName = keyof typeof contract
export const CHANNELS = Object.keys(contract) as ChannelName[]
export type In<C extends ChannelName> = z.input<(typeof contract)[C]['input']>
export type Out<C extends ChannelName> = NonNullable<(typeof contract)[C]['output']>

/** What a server of the contract implements: one handler per channel, given the validated input. */
export type Handlers = {
  [C in ChannelName]: (input: z.output<(typeof contract)[C]['input']>) => Promise<Out<C>>
}
