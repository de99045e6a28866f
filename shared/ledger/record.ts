import { z } from 'zod'

/**
 * What storage holds: the schemas below are built from these, and an import refuses a value beyond them at preview
 * (a text of 32,767 characters is also the most an Excel cell holds).
 */
export const STORAGE_LIMITS = {
  text: 32_767,
  listItems: 20,
  listItem: 200,
  fieldKey: 64,
  recordId: 64,
  problemNo: 40
} as const

/** A cell value: text (dates as ISO text) or a multi-select list. */
export const FieldValueSchema = z.union([
  z.string().max(STORAGE_LIMITS.text),
  z.array(z.string().max(STORAGE_LIMITS.listItem)).max(STORAGE_LIMITS.listItems)
])
export type FieldValue = z.infer<typeof FieldValueSchema>

/** A record's annex fields, keyed by AnnexColumn.key. Other annexes add their own keys to the same record. */
export const RecordFieldsSchema = z.record(z.string().max(STORAGE_LIMITS.fieldKey), FieldValueSchema)
export type RecordFields = z.infer<typeof RecordFieldsSchema>

export const RecordIdSchema = z.string().min(1).max(STORAGE_LIMITS.recordId)
export const ProblemNoSchema = z.string().max(STORAGE_LIMITS.problemNo)

export const LedgerRecordSchema = z.object({
  /** Internal id, stable for the record's whole life (also in exported `_meta`). */
  id: RecordIdSchema,
  /** 问题编号 (LXS-2024-005-0007), assigned on first save and never reused. */
  problemNo: ProblemNoSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  fields: RecordFieldsSchema
})
export type LedgerRecord = z.infer<typeof LedgerRecordSchema>

/** One change to one record: which field, old → new, when and by whom. */
export const HistoryEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  recordId: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  field: z.string().optional(),
  from: FieldValueSchema.optional(),
  to: FieldValueSchema.optional(),
  /** For a delete: the whole record as it was, so nothing deleted is ever unrecoverable. */
  snapshot: LedgerRecordSchema.optional()
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

/** What a unit's ledger file holds. */
export const LedgerPayloadSchema = z.object({
  unitId: z.string(),
  records: z.array(LedgerRecordSchema),
  history: z.array(HistoryEntrySchema),
  /** Highest 问题编号 sequence handed out; numbers are never reused, even after a delete. */
  problemSeq: z.number().int().min(0)
})
export type LedgerPayload = z.infer<typeof LedgerPayloadSchema>

export function emptyLedger(unitId: string): LedgerPayload {
  return { unitId, records: [], history: [], problemSeq: 0 }
}

/** A record as the renderer sends it: the problem number is assigned by the store. */
export const RecordInputSchema = LedgerRecordSchema.pick({ id: true, fields: true }).extend({
  problemNo: ProblemNoSchema.optional()
})
export type RecordInput = z.infer<typeof RecordInputSchema>

export const LedgerChangesSchema = z.object({
  upserts: z.array(RecordInputSchema).max(200_000),
  deletes: z.array(z.string().max(STORAGE_LIMITS.recordId)).max(200_000)
})
export type LedgerChanges = z.infer<typeof LedgerChangesSchema>

const count = (n: number): string => n.toLocaleString('en-US')

/**
 * Why storage cannot hold a value, as the end of a Chinese sentence about its cell (有 33,000 字，超过 32,767 字的上限),
 * or null when FieldValueSchema takes it: the schema decides, the limits only word the answer.
 */
export function unstorableValue(value: unknown): string | null {
  const { text, listItems, listItem } = STORAGE_LIMITS
  // Every cell of a merge comes here (over a million in 50,000 rows): a value plainly within the limits needs no
  // schema call; anything else is the schema's to decide.
  if (typeof value === 'string' && value.length <= text) return null
  if (Array.isArray(value) && value.length <= listItems && value.every((v) => typeof v === 'string' && v.length <= listItem)) return null
  if (FieldValueSchema.safeParse(value).success) return null
  if (typeof value === 'string') return `有 ${count(value.length)} 字，超过 ${count(text)} 字的上限`
  if (Array.isArray(value)) {
    if (value.length > listItems) return `有 ${count(value.length)} 项，超过 ${listItems} 项的上限`
    const long = value.find((v) => typeof v === 'string' && v.length > listItem) as string | undefined
    if (long !== undefined) return `其中一项有 ${count(long.length)} 字，超过 ${listItem} 字的上限`
  }
  return '不是文字或选项列表，无法保存'
}

export function formatProblemNo(prefix: string, year: number, unitSeq: string, n: number): string {
  return `${prefix}-${year}-${unitSeq}-${String(n).padStart(4, '0')}`
}

/**
 * The record's own value of a field. A key such as `constructor` or `__proto__` that one side lacks would otherwise
 * read Object.prototype's member, which a history entry would then hold (and freezing it freeze Object.prototype).
 */
function ownValue(fields: RecordFields, key: string): FieldValue | undefined {
  return Object.hasOwn(fields, key) ? fields[key] : undefined
}

/** A text field, trimmed; '' when the field is missing or a list. */
export function fieldText(fields: RecordFields, key: string): string {
  const v = fields[key]
  return typeof v === 'string' ? v.trim() : ''
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const empty = (v: FieldValue | undefined): boolean => v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
  if (empty(a) && empty(b)) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i])
  }
  return a === b
}

export interface ApplyOptions {
  at: string
  by: string
  /** Makes a new 问题编号 from a sequence number. */
  problemNo: (n: number) => string
}

export interface ApplyResult {
  ledger: LedgerPayload
  /** Problem numbers handed out in this change, by record id. */
  assigned: Record<string, string>
  added: HistoryEntry[]
}

/**
 * Applies upserts and deletes to a ledger, writing one history entry per changed field. Pure: the input ledger
 * is not modified. A record that does not change adds no history and keeps its updatedAt.
 */
export function applyChanges(ledger: LedgerPayload, changes: LedgerChanges, opt: ApplyOptions): ApplyResult {
  const byId = new Map(ledger.records.map((r, i) => [r.id, i]))
  const records = ledger.records.slice()
  const added: HistoryEntry[] = []
  // A Map while ids arrive: an id is the client's text, and `assigned['__proto__'] = …` would be lost on an object.
  const assigned = new Map<string, string>()
  let seq = ledger.problemSeq
  const deleted = new Set<string>()

  for (const id of changes.deletes) {
    const i = byId.get(id)
    const old = i === undefined ? undefined : records[i]
    if (!old) continue
    deleted.add(id)
    added.push({ at: opt.at, by: opt.by, recordId: id, op: 'delete', snapshot: old })
  }

  for (const input of changes.upserts) {
    if (deleted.has(input.id)) continue
    const i = byId.get(input.id)
    const old = i === undefined ? undefined : records[i]
    if (!old) {
      const problemNo = input.problemNo || opt.problemNo(++seq)
      if (!input.problemNo) assigned.set(input.id, problemNo)
      const rec: LedgerRecord = { id: input.id, problemNo, createdAt: opt.at, updatedAt: opt.at, fields: { ...input.fields } }
      byId.set(rec.id, records.length)
      records.push(rec)
      // The record itself holds its first values; later updates keep old → new, so nothing is lost.
      added.push({ at: opt.at, by: opt.by, recordId: rec.id, op: 'create' })
      continue
    }
    const entries: HistoryEntry[] = []
    const keys = new Set([...Object.keys(old.fields), ...Object.keys(input.fields)])
    for (const field of keys) {
      const from = ownValue(old.fields, field)
      const to = ownValue(input.fields, field)
      if (!sameValue(from, to)) entries.push({ at: opt.at, by: opt.by, recordId: old.id, op: 'update', field, from: from ?? '', to: to ?? '' })
    }
    if (entries.length === 0) continue
    added.push(...entries)
    records[i as number] = { ...old, updatedAt: opt.at, fields: { ...input.fields } }
  }

  const kept = deleted.size ? records.filter((r) => !deleted.has(r.id)) : records
  return {
    ledger: { ...ledger, records: kept, history: added.length ? ledger.history.concat(added) : ledger.history, problemSeq: seq },
    assigned: Object.fromEntries(assigned),
    added
  }
}
