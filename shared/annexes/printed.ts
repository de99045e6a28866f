import type { RecordFields } from '../ledger/record'
import type { AnnexDefinition } from './types'

/**
 * A record as a form prints it: its stored fields plus the computed columns (两断三清 √/×, 整治进展, 问题编号).
 * Export, the 统计 sheet and the `_meta` content hash all use this, so a re-import of the form hashes the same.
 */
export function printedFields(annex: AnnexDefinition<RecordFields>, record: { problemNo: string; fields: RecordFields }): RecordFields {
  const derived = annex.columns.filter((c) => c.derive)
  if (derived.length === 0) return record.fields
  const source: RecordFields = { ...record.fields, problemNo: record.problemNo }
  const out: RecordFields = { ...record.fields }
  for (const c of derived) out[c.key] = c.derive?.(source) ?? ''
  return out
}
