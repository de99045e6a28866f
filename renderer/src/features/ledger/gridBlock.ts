/**
 * The block selection on the ledger grid: shift+click and shift+arrow keys extend a block from the focused cell, a
 * plain click or key ends it, its cells carry `cell-in-block`. The handlers listen in the capture phase on the
 * grid's wrapper: before the grid moves its focus on a pointer down (the block runs from the cell focused before),
 * and so that the grid never sees a shift+arrow (it would move the focus a second time).
 */
import type { RefObject } from 'react'
import { useMemo, useRef } from 'react'
import type { CellClassParams, ColDef, ColGroupDef, Column, GridApi } from 'ag-grid-community'
import type { Block, Bounds, CellAt } from './blockSelection'
import { ARROW_KEYS, boundsOf, contains, extendBy, extendTo, isBlock } from './blockSelection'
import type { GridRow } from './ledgerModel'

/** The grid's own columns (the row checkboxes) are no cells of the form. */
export function formColumns(api: GridApi<GridRow>): Column[] {
  return api.getAllDisplayedColumns().filter((c) => !c.getColId().startsWith('ag-Grid-'))
}

export interface GridBlock {
  /** The block's cells, or null when only the focused cell is selected. */
  bounds: () => Bounds | null
  inBlock: (rowIndex: number | null, colId: string) => boolean
  onKeyDownCapture: (e: React.KeyboardEvent) => void
  onPointerDownCapture: (e: React.PointerEvent) => void
}

export function useGridBlock(apiRef: RefObject<GridApi<GridRow> | null>): GridBlock {
  const block = useRef<Block | null>(null)
  const bounds = useRef<Bounds | null>(null)
  const colIndex = useRef(new Map<string, number>())
  // The grid the block was selected on: another tab's grid (a new api) starts without one.
  const owner = useRef<GridApi<GridRow> | null>(null)

  return useMemo(() => {
    const focusedAt = (api: GridApi<GridRow>): CellAt | null => {
      const f = api.getFocusedCell()
      if (!f || f.rowPinned) return null
      const col = formColumns(api).findIndex((c) => c.getColId() === f.column.getColId())
      return col < 0 ? null : { row: f.rowIndex, col }
    }

    const held = (api: GridApi<GridRow>): Block | null => (owner.current === api ? block.current : null)

    const show = (api: GridApi<GridRow>, next: Block | null): void => {
      const before = bounds.current
      owner.current = api
      block.current = next
      bounds.current = isBlock(next) ? boundsOf(next) : null
      colIndex.current = new Map(formColumns(api).map((c, i) => [c.getColId(), i]))
      if (before || bounds.current) api.refreshCells({ force: true })
    }

    const onKeyDownCapture = (e: React.KeyboardEvent): void => {
      const api = apiRef.current
      if (!api || api.getEditingCells().length > 0) return
      const direction = ARROW_KEYS[e.key]
      if (!direction || !e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) {
        // Copying a block is no end of it; every other key is.
        if (!['Shift', 'Control', 'Meta', 'Alt'].includes(e.key) && !(e.ctrlKey || e.metaKey)) show(api, null)
        return
      }
      const from = focusedAt(api)
      if (!from) return
      e.preventDefault()
      e.stopPropagation()
      const columns = formColumns(api)
      const next = extendBy(held(api), from, direction, { rows: api.getDisplayedRowCount(), cols: columns.length })
      const colId = columns[next.focus.col]?.getColId()
      if (!colId) return
      api.ensureIndexVisible(next.focus.row)
      api.ensureColumnVisible(colId)
      api.setFocusedCell(next.focus.row, colId)
      show(api, next)
    }

    const onPointerDownCapture = (e: React.PointerEvent): void => {
      const api = apiRef.current
      const cell = (e.target as HTMLElement).closest('[role="gridcell"][col-id]')
      const row = cell?.closest('[role="row"][row-index]')
      if (!api || !cell || !row || api.getEditingCells().length > 0) return
      const from = focusedAt(api)
      const col = formColumns(api).findIndex((c) => c.getColId() === cell.getAttribute('col-id'))
      if (!e.shiftKey || !from || col < 0) return show(api, null)
      show(api, extendTo(held(api), from, { row: Number(row.getAttribute('row-index')), col }))
    }

    const current = (): Bounds | null => (owner.current === apiRef.current ? bounds.current : null)
    const inBlock = (rowIndex: number | null, colId: string): boolean => rowIndex !== null && contains(current(), rowIndex, colIndex.current.get(colId) ?? -1)

    return { bounds: current, inBlock, onKeyDownCapture, onPointerDownCapture }
  }, [apiRef])
}

/** The columns with `cell-in-block` added to their class rules (groups' children too). */
export function withBlockClass(
  defs: (ColDef<GridRow> | ColGroupDef<GridRow>)[],
  inBlock: GridBlock['inBlock']
): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  return defs.map((d) => {
    if ('children' in d) return { ...d, children: withBlockClass(d.children, inBlock) }
    const colId = d.colId ?? ''
    return { ...d, cellClassRules: { ...d.cellClassRules, 'cell-in-block': (p: CellClassParams<GridRow>) => inBlock(p.node.rowIndex, colId) } }
  })
}
