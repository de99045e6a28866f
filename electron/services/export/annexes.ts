import { annex2 } from '@shared/annexes/annex2'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'

/** The forms that can be exported; a new annex is one more definition here. */
export const EXPORTABLE_ANNEXES: readonly AnnexDefinition<RecordFields>[] = [annex2]

export function annexById(id: string): AnnexDefinition<RecordFields> | undefined {
  return EXPORTABLE_ANNEXES.find((a) => a.id === id)
}
