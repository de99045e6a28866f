/**
 * One form of the ledger as an AG Grid: columns from the annex definition, rows from the model (readOnlyEdit: an
 * edit is a request the page applies to the model, so every change goes through undo and autosave).
 */
import { useMemo } from 'react'
import type { CellEditRequestEvent, CellFocusedEvent, GridApi, GridReadyEvent } from 'ag-grid-community'
import { themeQuartz } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import type { IssueSource } from './columnDefs'
import { annexColumnByColId, buildColumnDefs } from './columnDefs'
import type { GridBlock } from './gridBlock'
import { withBlockClass } from './gridBlock'
import type { GridRow } from './ledgerModel'

const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 36,
  spacing: 6
})

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

  const onCellEditRequest = (e: CellEditRequestEvent<GridRow>): void => {
    const key = e.column.getColId()
    const col = editable.get(key)
    if (!e.data || !col) return
    onEdit(e.data.id, key, (e.newValue ?? (col.kind === 'multiEnum' ? [] : '')) as FieldValue)
  }

  return (
    <AgGridReact<GridRow>
      theme={gridTheme}
      localeText={AG_GRID_LOCALE_CN}
      rowData={rows as GridRow[]}
      columnDefs={columnDefs}
      defaultColDef={{ resizable: true, sortable: true, cellDataType: false, wrapHeaderText: true, autoHeaderHeight: true }}
      getRowId={(p) => p.data.id}
      readOnlyEdit
      onCellEditRequest={onCellEditRequest}
      onCellFocused={(e: CellFocusedEvent<GridRow>) => {
        const row = e.rowIndex === null || e.rowIndex === undefined ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex)
        onFocusRow(row?.data?.id ?? null)
      }}
      rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false }}
      quickFilterText={search}
      tooltipShowDelay={150}
      tooltipInteraction
      stopEditingWhenCellsLoseFocus
      animateRows={false}
      // Up to ~40 columns: rendering them all keeps keyboard and paste navigation simple; rows stay virtualised.
      suppressColumnVirtualisation
      onGridReady={(e: GridReadyEvent<GridRow>) => onReady(e.api)}
    />
  )
}
