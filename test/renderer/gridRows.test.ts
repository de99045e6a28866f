/**
 * What the grid is given after a change (issue 18, keystroke budget): an edit goes to the edited rows only; rows
 * added, removed or reordered need the whole new array.
 */
import { describe, expect, it } from 'vitest'
import type { GridRow } from '../../renderer/src/features/ledger/ledgerModel'
import { editedRows } from '../../renderer/src/features/ledger/useGridRows'

const row = (id: string, name = id): GridRow => ({ id, problemNo: '', fields: { name } })
const before = [row('a'), row('b'), row('c')]

describe('editedRows', () => {
  it('names the rows that are new objects when ids and order are kept', () => {
    const b2 = row('b', '乙')
    expect(editedRows(before, [before[0] as GridRow, b2, before[2] as GridRow])).toEqual([b2])
    expect(editedRows(before, [...before])).toEqual([])
  })

  it('gives up when a row was added, removed or moved', () => {
    expect(editedRows(before, [...before, row('d')])).toBeNull()
    expect(editedRows(before, before.slice(1))).toBeNull()
    expect(editedRows(before, [before[1] as GridRow, before[0] as GridRow, before[2] as GridRow])).toBeNull()
    // Same length, one row replaced by another: not an edit.
    expect(editedRows(before, [before[0] as GridRow, row('x'), before[2] as GridRow])).toBeNull()
  })
})
