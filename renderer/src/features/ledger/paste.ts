import type { AnnexColumn } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { valueFromTyped } from '@shared/validation/cellInput'

export interface PastePlan {
  patches: { id: string; fields: RecordFields }[]
  newRows: RecordFields[]
  /** Pasted cells that fell on columns that cannot be edited (序号, 问题编号) or beyond the last column. */
  skippedCells: number
}

/**
 * Where a pasted block goes: from the focused cell right and down over the displayed rows and columns, new rows
 * appended when the block runs past the last row. Every value is read the way an import reads it.
 */
export function planPaste(
  block: readonly string[][],
  target: { rowIds: readonly string[]; startRow: number; columns: readonly (AnnexColumn | null)[]; startColumn: number },
  campaign: Campaign,
  newRowDefaults: RecordFields
): PastePlan {
  const plan: PastePlan = { patches: [], newRows: [], skippedCells: 0 }
  block.forEach((cells, r) => {
    const fields: RecordFields = {}
    cells.forEach((text, c) => {
      const col = target.columns[target.startColumn + c]
      if (!col || col.kind === 'seq') {
        if (text !== '') plan.skippedCells++
        return
      }
      fields[col.key] = valueFromTyped(col, text, campaign)
    })
    const id = target.rowIds[target.startRow + r]
    if (id !== undefined) plan.patches.push({ id, fields })
    else if (Object.values(fields).some((v) => (Array.isArray(v) ? v.length > 0 : v !== ''))) {
      plan.newRows.push({ ...newRowDefaults, ...fields })
    }
  })
  return plan
}
