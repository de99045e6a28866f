/**
 * Copy and paste on the ledger grid, outside a cell being edited: a block pasted from Excel/WPS fills the cells from
 * the focused one (new rows where the form creates records), and Ctrl+C copies the focused cell as text.
 */
import type { RefObject } from 'react'
import type { GridApi } from 'ag-grid-community'
import type { AnnexColumn } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { valueToText } from '@shared/validation/cellInput'
import type { PageNotice } from '../../components/Notices'
import type { GridRow } from './ledgerModel'
import type { PastePlan } from './paste'
import { planPaste } from './paste'
import { parseTsv } from './tsv'

interface ClipboardContext {
  apiRef: RefObject<GridApi<GridRow> | null>
  /** The form's editable columns by column id. */
  editable: ReadonlyMap<string, AnnexColumn>
  readOnly: boolean
  /** Records are born on 摸底 and 回头看 only; a block running past the last row of another form is cut there. */
  createsRecords: boolean
  newRow: () => RecordFields
  campaign: Campaign
  /** Applies the paste as one undo step. */
  apply: (patches: PastePlan['patches'], newRows: RecordFields[]) => void
  say: (notice: PageNotice) => void
}

export function gridClipboard(ctx: ClipboardContext): { onPaste: (e: React.ClipboardEvent) => void; onCopy: (e: React.ClipboardEvent) => void } {
  const focusedOutsideEditor = () => {
    const api = ctx.apiRef.current
    const focused = api?.getFocusedCell()
    return api && focused && api.getEditingCells().length === 0 ? { api, focused } : null
  }

  const onPaste = (e: React.ClipboardEvent): void => {
    const at = focusedOutsideEditor()
    if (!at || ctx.readOnly) return
    const text = e.clipboardData.getData('text/plain')
    if (!text) return
    e.preventDefault()
    const { api, focused } = at
    const block = parseTsv(text)
    // The form's printed order (the column definitions'), whatever is pinned or moved on screen.
    const displayed = (api.getColumns() ?? []).map((c) => c.getColId())
    const rowIds: string[] = []
    api.forEachNodeAfterFilterAndSort((n) => {
      if (n.data) rowIds.push(n.data.id)
    })
    const target = { rowIds, startRow: focused.rowIndex, columns: displayed.map((id) => ctx.editable.get(id) ?? null), startColumn: displayed.indexOf(focused.column.getColId()) }
    const plan = planPaste(block, target, ctx.campaign, ctx.newRow())
    const newRows = ctx.createsRecords ? plan.newRows : []
    ctx.apply(plan.patches, newRows)
    const added = newRows.length ? `，新增 ${newRows.length} 行` : ''
    const cut = plan.newRows.length - newRows.length ? `；超出本表最后一行的 ${plan.newRows.length - newRows.length} 行未粘贴（新问题请在摸底台账中登记）` : ''
    const skipped = plan.skippedCells ? `；${plan.skippedCells} 个单元格落在序号、问题编号或自动计算的列，未粘贴` : ''
    ctx.say({ level: 'info', message: `已粘贴 ${block.length} 行${added}${cut}${skipped}。可用“撤销”一次恢复。` })
  }

  const onCopy = (e: React.ClipboardEvent): void => {
    const at = focusedOutsideEditor()
    if (!at) return
    const row = at.api.getDisplayedRowAtIndex(at.focused.rowIndex)?.data
    const key = at.focused.column.getColId()
    if (!row || !ctx.editable.has(key)) return
    e.preventDefault()
    e.clipboardData.setData('text/plain', valueToText(row.fields[key]))
  }

  return { onPaste, onCopy }
}
