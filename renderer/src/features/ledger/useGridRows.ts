/**
 * The rows AG Grid is given. A new rowData array makes AG Grid compare all its rows and rebuild its model (~30 ms at
 * 20,000 rows, after every keystroke's edit; a transaction still re-positions every row, ~12 ms); so while the rows
 * keep their ids and order, the grid keeps its array and each edited row's node takes its new data, which redraws
 * the cells whose value changed. As in Excel, and as AG Grid does after its own edits, an edit does not re-sort or
 * re-filter the rows. Rows added, removed or reordered give it the new array.
 */
import type { RefObject } from 'react'
import { useLayoutEffect, useRef } from 'react'
import type { GridApi } from 'ag-grid-community'
import type { GridRow } from './ledgerModel'

/** The rows of `next` that are new objects, if `next` holds the same ids in the same order as `prev`; else null. */
export function editedRows(prev: readonly GridRow[], next: readonly GridRow[]): GridRow[] | null {
  if (prev.length !== next.length) return null
  const edited: GridRow[] = []
  for (let i = 0; i < next.length; i++) {
    const a = prev[i] as GridRow
    const b = next[i] as GridRow
    if (a === b) continue
    if (a.id !== b.id) return null
    edited.push(b)
  }
  return edited
}

export function useGridRows(rows: readonly GridRow[], apiRef: RefObject<GridApi<GridRow> | null>): readonly GridRow[] {
  const given = useRef(rows)
  const last = useRef(rows)
  const edited = useRef<GridRow[]>([])
  if (rows !== last.current) {
    const changed = apiRef.current ? editedRows(last.current, rows) : null
    if (changed) edited.current.push(...changed)
    else {
      given.current = rows
      edited.current = []
    }
    last.current = rows
  }
  // Before paint, so the edit is drawn in the same frame as the page around it.
  useLayoutEffect(() => {
    if (edited.current.length === 0) return
    const api = apiRef.current
    // updateData, not setData: setData takes the row as new and rebuilds a cell the clerk is typing into.
    for (const row of edited.current) api?.getRowNode(row.id)?.updateData(row)
    edited.current = []
  }, [rows, apiRef])
  return given.current
}
