import { huikan, isHuikan } from '../annexes/huikan'
import { recordAnnex } from '../annexes/registry'
import type { Campaign } from '../campaign/campaign'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import type { ClosedEnterprise, ClosedIndex, ResurgenceMatch } from '../lifecycle/resurgence'
import { buildClosedIndex, findResurgence, resurgenceMessage } from '../lifecycle/resurgence'
import { reached } from '../lifecycle/requirements'
import type { FieldIssue } from '../domain/issues'
import type { ValidationContext } from './validateRecord'
import { createValidationContext, validateLedger, validateRecord } from './validateRecord'

interface Row {
  id: string
  fields: RecordFields
}

/** The enterprises a unit's ledger has closed: its 2023 回头看 items (`old`) and its records 已销号 this year. */
export function closedInLedger(main: readonly Row[], old: readonly Row[]): ClosedEnterprise[] {
  return [
    ...old.map((r) => ({ id: r.id, closedAs: '2023年已销号', fields: r.fields })),
    ...main.filter((r) => reached(r.fields, '已销号')).map((r) => ({ id: r.id, closedAs: '已销号', fields: r.fields }))
  ]
}

/**
 * Validation of a whole unit ledger as the grid shows it: the 2024 records against every form's fields (and the
 * lifecycle rules, with deadlines counted from `today`), the 2023 回头看 items against the 回头看台账. Keep one
 * instance per page: it caches the result of every unchanged record.
 */
export class UnitLedgerValidator {
  private readonly records: ValidationContext
  private readonly items: ValidationContext
  private readonly cache = new WeakMap<RecordFields, FieldIssue[]>()
  private closed: { fields: readonly RecordFields[]; index: ClosedIndex } | null = null
  private matches = new WeakMap<RecordFields, ResurgenceMatch | null>()

  constructor(campaign: Campaign, today: string) {
    this.records = createValidationContext(campaign, recordAnnex, today)
    this.items = createValidationContext(campaign, huikan, today)
  }

  /** Checks rows on their own (no cross-row rules) into the cache, so a large ledger can be checked in slices. */
  warm(rows: readonly Row[]): void {
    for (const r of rows) {
      if (this.cache.has(r.fields)) continue
      this.cache.set(r.fields, validateRecord(r.fields, isHuikan(r.fields) ? huikan : recordAnnex, isHuikan(r.fields) ? this.items : this.records))
    }
  }

  validate(rows: readonly Row[]): Map<string, FieldIssue[]> {
    const main = rows.filter((r) => !isHuikan(r.fields))
    const old = rows.filter((r) => isHuikan(r.fields))
    const result = validateLedger(main, recordAnnex, this.records, this.cache)
    for (const [id, issues] of validateLedger(old, huikan, this.items, this.cache)) result.set(id, issues)
    this.flagResurgence(main, old, result)
    return result
  }

  /**
   * 疑似死灰复燃: an open 2024 record that looks like a 2023 item of the 回头看台账 or a record already 销号. The
   * index is rebuilt only when the closed set changes, and each record is matched again only when it changed.
   */
  private flagResurgence(main: readonly Row[], old: readonly Row[], result: Map<string, FieldIssue[]>): void {
    const closed = closedInLedger(main, old)
    if (closed.length === 0) return
    const fields = closed.map((c) => c.fields)
    const last = this.closed
    if (last === null || fields.length !== last.fields.length || fields.some((f, i) => f !== last.fields[i])) {
      this.closed = { fields, index: buildClosedIndex(closed) }
      this.matches = new WeakMap()
    }
    const { index } = this.closed as { index: ClosedIndex }
    for (const row of main) {
      // A record reopened from 回头看, or one already done, is the follow-up itself, not a new find; so is a record
      // of the index itself, as every 销号 record is done.
      if (reached(row.fields, '已完成') || fieldText(row.fields, 'reopenedFrom') !== '') continue
      let match = this.matches.get(row.fields)
      if (match === undefined) {
        match = findResurgence(index, row.fields)
        this.matches.set(row.fields, match)
      }
      if (!match) continue
      const issue: FieldIssue = { severity: 'warning', code: 'RESURGENCE_SUSPECT', field: 'name', message: resurgenceMessage(match) }
      // validateLedger gives every row an entry.
      result.set(row.id, [...(result.get(row.id) as FieldIssue[]), issue])
    }
  }
}
