/** The tabs of a unit's ledger: each official form over the same records, plus the 回头看台账 of 2023 items. */
import { LEDGER_FORMS } from '@shared/annexes/registry'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'

export interface LedgerTab {
  id: string
  label: string
  annex: AnnexDefinition<RecordFields>
  /** Records are born here (摸底 or 回头看); the other forms list records that already exist. */
  createsRecords: boolean
}

/** As each form declares its tab (AnnexPlaces.ledgerTab), in its order. */
export const LEDGER_TABS: readonly LedgerTab[] = LEDGER_FORMS.flatMap((annex) =>
  annex.ledgerTab ? [{ id: annex.id, label: annex.ledgerTab.label, annex, createsRecords: annex.ledgerTab.createsRecords }] : []
)
