import { annex2 } from './annex2'
import type { AnnexDefinition } from './types'
import type { RecordFields } from '../ledger/record'

/** Every official form the program knows; a new annex is one more definition here. */
export const ANNEXES: readonly AnnexDefinition<RecordFields>[] = [annex2]

export function annexById(id: string): AnnexDefinition<RecordFields> | undefined {
  return ANNEXES.find((a) => a.id === id)
}
