/**
 * One form of the ledger as an AG Grid: columns from the annex definition, rows from the model (readOnlyEdit: an
 * edit is a request the page applies to the model, so every change goes through undo and autosave).
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { CellEditRequestEvent, CellFocusedEvent, ColDef, GridApi, GridReadyEvent, ICellEditorComp, RowSelectionOptions, SelectionColumnDef, StateUpdatedEvent } from 'ag-grid-community'
import { themeQuartz } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import type { IssueSource } from './columnDefs'
import { annexColumnByColId, buildColumnDefs } from './columnDefs'
import { changesLayout, layoutColumns, loadLayout, saveLayout } from './columnLayout'
import type { GridBlock } from './gridBlock'
import { withBlockClass } from './gridBlock'
import type { GridRow } from './ledgerModel'
import { useGridRows } from './useGridRows'

const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 36,
  spacing: 6,
  // Excel-like density: more columns on a 1366-pixel screen.
  cellHorizontalPadding: 8
})

// Options as constants: a new object on every render would make AG Grid re-apply them (20,000 rows).
const defaultColDef: ColDef<GridRow> = { resizable: true, sortable: true, cellDataType: false, wrapHeaderText: true, autoHeaderHeight: true }
const rowSelection: RowSelectionOptions<GridRow> = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false }
/** The row checkboxes stay at the left edge, with 序号 and the name. */
const selectionColumnDef: SelectionColumnDef = { pinned: 'left', lockPinned: true, width: 40, resizable: false }
const rowId = (p: { data: GridRow }): string => p.data.id

/**
 * Keeps what the clerk types into an editor that Tab just opened. ag-grid-react (36.2) focuses the new editor, then
 * calls its focusIn() again from a setTimeout after React commits, and focusIn() selects the whole text: a key typed
 * in between (~20 ms, longer while the page re-renders after the edit) was selected and overwritten by the next key.
 * Once a key reaches an editor, its later focusIn() only focuses.
 */
function keepTypedText(api: GridApi<GridRow> | null, target: EventTarget): void {
  if (!api || !(target instanceof HTMLElement) || !target.matches('input, textarea')) return
  for (const editor of api.getCellEditorInstances() as ICellEditorComp[]) {
    if (editor.focusIn && editor.getGui?.().contains(target)) editor.focusIn = () => target.focus()
  }
}

interface Props {
  annex: AnnexDefinition<RecordFields>
  campaign: Campaign
  rows: readonly GridRow[]
  issues: IssueSource
  readOnly: boolean
  search: string
  onEdit: (id: string, key: string, value: FieldValue) => void
  onFocusRow: (id: string | null) => void
  onReady: (api: GridApi<GridRow>) => void
  /** Whether a cell lies in the block selection (gridBlock), shown with `cell-in-block`. */
  inBlock: GridBlock['inBlock']
}

export function LedgerGrid({ annex, campaign, rows, issues, readOnly, search, onEdit, onFocusRow, onReady, inBlock }: Props): React.JSX.Element {
  const columnDefs = useMemo(
    () => withBlockClass(buildColumnDefs(annex, campaign, issues, !readOnly), inBlock),
    [annex, campaign, issues, readOnly, inBlock]
  )
  const editable = useMemo(() => annexColumnByColId(annex), [annex])
  const columns = useMemo(() => layoutColumns(columnDefs, defaultColDef), [columnDefs])
  // Read once per mount (the page mounts one grid per form): AG Grid takes initialState only when it starts.
  const [initialState] = useState(() => loadLayout(annex.id, columns))
  const apiRef = useRef<GridApi<GridRow> | null>(null)
  const gridRows = useGridRows(rows, apiRef)
  // Rows came, went or moved: the 序号 of the others follow (their data did not change, so the grid keeps their cells).
  useEffect(() => {
    apiRef.current?.refreshCells({ columns: ['seq'] })
  }, [gridRows])

  const onCellEditRequest = (e: CellEditRequestEvent<GridRow>): void => {
    const key = e.column.getColId()
    const col = editable.get(key)
    if (!e.data || !col) return
    onEdit(e.data.id, key, (e.newValue ?? (col.kind === 'multiEnum' ? [] : '')) as FieldValue)
  }

  return (
    <div className="ledger-grid" onKeyDownCapture={(e) => keepTypedText(apiRef.current, e.target)}>
      <AgGridReact<GridRow>
        theme={gridTheme}
        localeText={AG_GRID_LOCALE_CN}
        rowData={gridRows as GridRow[]}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        getRowId={rowId}
        initialState={initialState}
        onStateUpdated={(e: StateUpdatedEvent<GridRow>) => {
          if (changesLayout(e.sources)) saveLayout(annex.id, e.state, columns)
        }}
        readOnlyEdit
        // Enter moves down and Shift+Enter up, after an edit too, as in Excel.
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={(e: CellFocusedEvent<GridRow>) => {
          const row = e.rowIndex === null || e.rowIndex === undefined ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex)
          onFocusRow(row?.data?.id ?? null)
        }}
        rowSelection={rowSelection}
        selectionColumnDef={selectionColumnDef}
        quickFilterText={search}
        tooltipShowDelay={150}
        tooltipInteraction
        stopEditingWhenCellsLoseFocus
        animateRows={false}
        // Up to ~40 columns: rendering them all keeps keyboard and paste navigation simple; rows stay virtualised.
        suppressColumnVirtualisation
        onGridReady={(e: GridReadyEvent<GridRow>) => {
          apiRef.current = e.api
          onReady(e.api)
        }}
      />
    </div>
  )
}
