/** The rows a consolidation took in with errors, as the office lists them to send back for correction. */
import { fieldText } from '../ledger/record'
import type { Consolidation } from './types'

export interface FlaggedRow {
  unit: string
  file: string
  row: number
  /** The enterprise (场所) as the row names it. */
  name: string
  errors: string[]
}

export function flaggedRows(c: Pick<Consolidation, 'rows'>): FlaggedRow[] {
  return c.rows.flatMap(({ unit, provenance, fields, errors }) =>
    errors ? [{ unit, file: provenance.file, row: provenance.row, name: fieldText(fields, 'name'), errors }] : []
  )
}
