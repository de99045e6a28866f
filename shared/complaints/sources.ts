/** What a report is matched against at a unit: its own ledger's open records, and the enterprises it has closed. */
import { isHuikan } from '../annexes/huikan'
import type { LedgerRecord } from '../ledger/record'
import { reached } from '../lifecycle/requirements'
import { closedInLedger } from '../validation/validateUnitLedger'
import type { MatchSources } from './match'

export function ledgerMatchSources(unit: string, records: readonly LedgerRecord[]): MatchSources {
  const main = records.filter((r) => !isHuikan(r.fields))
  return {
    open: main.filter((r) => !reached(r.fields, '已销号')).map((r) => ({ unit, recordId: r.id, problemNo: r.problemNo, fields: r.fields })),
    closed: closedInLedger(main, records.filter((r) => isHuikan(r.fields)))
  }
}
