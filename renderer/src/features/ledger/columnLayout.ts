/**
 * The column layout a clerk gave each form (widths, order, sort, filters), remembered in the user's profile: the
 * renderer's localStorage, which is the Electron profile or the browser's, never the ledger file (the layout is one
 * person's taste, the ledger is the unit's record). Whatever is stored is read defensively: a corrupt entry is
 * dropped, columns this version of the form no longer has are left out, and a filter saved for another kind of
 * filter (the column's filter changed since) is forgotten, so an old layout can never break the grid.
 */
import type { ColDef, ColGroupDef, GridApi, GridState } from 'ag-grid-community'
import { z } from 'zod'

/** The parts of AG Grid's state that are layout; focus, selection and scroll are not remembered. */
export const LAYOUT_PARTS = ['columnSizing', 'columnOrder', 'sort', 'filter'] as const
type LayoutPart = (typeof LAYOUT_PARTS)[number]
export type ColumnLayout = Pick<GridState, LayoutPart>

const storageKey = (formId: string): string => `slw.columnLayout.v1.${formId}`

const Stored = z.object({
  columnSizing: z.object({ columnSizingModel: z.array(z.object({ colId: z.string(), width: z.number().positive().max(5000).optional() })) }).optional(),
  columnOrder: z.object({ orderedColIds: z.array(z.string()) }).optional(),
  sort: z.object({ sortModel: z.array(z.object({ colId: z.string(), sort: z.enum(['asc', 'desc']) })) }).optional(),
  filter: z.object({ filterModel: z.record(z.string(), z.unknown()).optional() }).optional(),
  /** Which filter each filtered column had when saved (see filterKind). */
  filterKinds: z.record(z.string(), z.string()).default({})
})

/** The columns of a form as the layout sees them: id → the kind of its filter (or '' for none). */
export type LayoutColumns = ReadonlyMap<string, string>

/** Names the filter of a column so a saved filter model is only given back to the same kind of filter. */
function filterKind(filter: ColDef['filter']): string {
  if (typeof filter === 'string') return filter
  if (typeof filter === 'function') return filter.name || 'custom'
  if (filter && typeof filter === 'object') return 'custom'
  return filter ? 'default' : ''
}

export function layoutColumns(defs: readonly (ColDef | ColGroupDef)[], defaultColDef: ColDef = {}): LayoutColumns {
  const out = new Map<string, string>()
  const walk = (list: readonly (ColDef | ColGroupDef)[]): void => {
    for (const d of list) {
      if ('children' in d) walk(d.children)
      else if (d.colId) out.set(d.colId, filterKind(d.filter ?? defaultColDef.filter))
    }
  }
  walk(defs)
  return out
}

/** AG Grid's own columns (the row checkbox column) are in the saved order too. */
const known = (columns: LayoutColumns, colId: string): boolean => columns.has(colId) || colId.startsWith('ag-Grid-')

/** The saved layout of a form, cut down to the columns it has now; undefined if none or unreadable. */
export function loadLayout(formId: string, columns: LayoutColumns, storage: Storage = localStorage): ColumnLayout | undefined {
  let raw: string | null
  try {
    raw = storage.getItem(storageKey(formId))
  } catch {
    return undefined // storage disabled: the default layout
  }
  if (raw === null) return undefined
  let parsed: z.infer<typeof Stored>
  try {
    parsed = Stored.parse(JSON.parse(raw))
  } catch {
    forgetLayout(formId, storage)
    return undefined
  }
  const layout: ColumnLayout = {}
  if (parsed.columnSizing) {
    layout.columnSizing = { columnSizingModel: parsed.columnSizing.columnSizingModel.filter((c) => known(columns, c.colId)) }
  }
  if (parsed.columnOrder) layout.columnOrder = { orderedColIds: parsed.columnOrder.orderedColIds.filter((id) => known(columns, id)) }
  if (parsed.sort) layout.sort = { sortModel: parsed.sort.sortModel.filter((s) => columns.has(s.colId)) }
  const filters = Object.entries(parsed.filter?.filterModel ?? {}).filter(
    ([colId]) => columns.has(colId) && columns.get(colId) !== '' && parsed.filterKinds[colId] === columns.get(colId)
  )
  if (filters.length) layout.filter = { filterModel: Object.fromEntries(filters) as NonNullable<GridState['filter']>['filterModel'] }
  return layout
}

export function saveLayout(formId: string, state: GridState, columns: LayoutColumns, storage: Storage = localStorage): void {
  const layout: Record<string, unknown> = {}
  for (const part of LAYOUT_PARTS) if (state[part]) layout[part] = state[part]
  const filterKinds = Object.fromEntries(Object.keys(state.filter?.filterModel ?? {}).map((id) => [id, columns.get(id) ?? '']))
  try {
    storage.setItem(storageKey(formId), JSON.stringify({ ...layout, filterKinds }))
  } catch {
    // Storage full or disabled: the layout is a convenience, the grid goes on with what it has.
  }
}

export function forgetLayout(formId: string, storage: Storage = localStorage): void {
  try {
    storage.removeItem(storageKey(formId))
  } catch {
    // as in saveLayout
  }
}

/** Back to the form's default widths, order and sort, without filters; the grid then saves that as the layout. */
export function resetLayout(api: GridApi, formId: string): void {
  forgetLayout(formId)
  api.resetColumnState()
  api.setFilterModel(null)
}

/** Whether a state update changed the layout (not only focus, selection or scrolling). */
export const changesLayout = (sources: readonly string[]): boolean => sources.some((s) => (LAYOUT_PARTS as readonly string[]).includes(s))
