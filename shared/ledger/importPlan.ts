/**
 * What importing a spreadsheet would do to a unit's ledger: each file row is matched to an existing record (by the
 * record id of our own export, else by 统一社会信用代码, else by name + address) and classed as new, changed or
 * unchanged. Pure; the preview shows it and the commit applies exactly these changes.
 */
import { enterpriseKey } from './identity'
import type { FieldValue, LedgerChanges, LedgerRecord, RecordFields } from './record'
import { sameValue } from './record'

export interface ImportSourceRow {
  rowNumber: number
  fields: RecordFields
  recordId?: string
}

export type ImportRowStatus = 'new' | 'changed' | 'unchanged'

export interface FieldChange {
  field: string
  header: string
  from: FieldValue
  to: FieldValue
}

export interface PlannedRow {
  rowNumber: number
  status: ImportRowStatus
  /** The existing record the row updates (changed / unchanged). */
  recordId: string | null
  problemNo: string | null
  changes: FieldChange[]
}

export interface ImportPlan {
  rows: PlannedRow[]
  changes: LedgerChanges
  /** What undoing the import applies: created records deleted, changed records put back. */
  inverse: LedgerChanges
  /** Records of the ledger the file does not mention; an import never deletes them. */
  notInFile: number
}

/** What the plan needs of the form the file was read as (an AnnexDefinition): its columns. */
interface FormColumns {
  columns: readonly { key: string; header: string; kind: string; derive?: unknown }[]
}

export function planImport(
  source: readonly ImportSourceRow[],
  ledger: readonly LedgerRecord[],
  annex: FormColumns,
  newId: () => string
): ImportPlan {
  const byId = new Map(ledger.map((r) => [r.id, r]))
  const byKey = new Map<string, LedgerRecord>()
  for (const r of ledger) {
    const k = enterpriseKey(r.fields)
    if (k && !byKey.has(k)) byKey.set(k, r)
  }
  // Computed columns (两断三清 √/×, 整治进展, 问题编号) are printed, not stored: they never count as a change.
  const columns = annex.columns.filter((c) => c.kind !== 'seq' && !c.derive)
  const used = new Set<string>()
  const plan: ImportPlan = { rows: [], changes: { upserts: [], deletes: [] }, inverse: { upserts: [], deletes: [] }, notInFile: 0 }

  for (const row of source) {
    const key = enterpriseKey(row.fields)
    const byRecordId = row.recordId ? byId.get(row.recordId) : undefined
    const byEnterprise = key ? byKey.get(key) : undefined
    // A record is updated by one file row only; a second row of the same enterprise becomes a new record (and the
    // duplicate shows as an error in the ledger) rather than silently overwriting the first.
    const match = [byRecordId, byEnterprise].find((r) => r && !used.has(r.id))
    if (!match) {
      const id = row.recordId && !byId.has(row.recordId) ? row.recordId : newId()
      plan.rows.push({ rowNumber: row.rowNumber, status: 'new', recordId: id, problemNo: null, changes: [] })
      plan.changes.upserts.push({ id, fields: row.fields })
      plan.inverse.deletes.push(id)
      continue
    }
    used.add(match.id)
    const changes = columns
      .filter((c) => !sameValue(match.fields[c.key], row.fields[c.key]))
      .map((c) => ({ field: c.key, header: c.header, from: match.fields[c.key] ?? '', to: row.fields[c.key] ?? '' }))
    plan.rows.push({ rowNumber: row.rowNumber, status: changes.length ? 'changed' : 'unchanged', recordId: match.id, problemNo: match.problemNo, changes })
    if (changes.length) {
      // Fields of other annexes on the same record are kept; the annex's own fields take the file's values.
      plan.changes.upserts.push({ id: match.id, problemNo: match.problemNo, fields: { ...match.fields, ...pickAnnex(row.fields, columns) } })
      plan.inverse.upserts.push({ id: match.id, problemNo: match.problemNo, fields: match.fields })
    }
  }
  plan.notInFile = ledger.filter((r) => !used.has(r.id)).length
  return plan
}

function pickAnnex(fields: RecordFields, columns: readonly { key: string }[]): RecordFields {
  const out: RecordFields = {}
  for (const c of columns) if (fields[c.key] !== undefined) out[c.key] = fields[c.key] as FieldValue
  return out
}
