/**
 * Copy and paste on the ledger grid, outside a cell being edited. A block pasted from Excel/WPS lands field by field
 * by the form's printed layout (paste.ts). Ctrl+C copies the block selection, else the ticked rows, else the focused
 * cell, as TSV with the values as displayed; Ctrl+Shift+C copies the same with the header row.
 */
import type { RefObject } from 'react'
import type { Column, GridApi, IRowNode } from 'ag-grid-community'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import type { PageNotice } from '../../components/Notices'
import { parseClipboardTsv, toClipboardTsv } from './clipboardTsv'
import type { GridBlock } from './gridBlock'
import { formColumns } from './gridBlock'
import type { GridRow } from './ledgerModel'
import type { PastePlan } from './paste'
import { describePaste, planPaste } from './paste'

interface ClipboardContext {
  apiRef: RefObject<GridApi<GridRow> | null>
  annex: AnnexDefinition<RecordFields>
  formName: string
  readOnly: boolean
  /** Records are born on 摸底 and 回头看 only; a block running past the last row of another form is cut there. */
  createsRecords: boolean
  newRow: () => RecordFields
  campaign: Campaign
  block: GridBlock
  /** Applies the paste as one undo step. */
  apply: (patches: PastePlan['patches'], newRows: RecordFields[]) => void
  say: (notice: PageNotice) => void
}

interface Copied {
  rows: string[][]
  what: string
}

export function gridClipboard(ctx: ClipboardContext): {
  onPaste: (e: React.ClipboardEvent) => void
  onCopy: (e: React.ClipboardEvent) => void
  onKeyDown: (e: React.KeyboardEvent) => void
} {
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
    // Excel pastes at the top left of the selected block.
    const bounds = ctx.block.bounds()
    const anchorKey = bounds ? (formColumns(api)[bounds.left]?.getColId() ?? focused.column.getColId()) : focused.column.getColId()
    const rowIds: string[] = []
    api.forEachNodeAfterFilterAndSort((n) => {
      if (n.data) rowIds.push(n.data.id)
    })
    const target = { rowIds, startRow: bounds?.top ?? focused.rowIndex, anchorKey, createsRecords: ctx.createsRecords }
    const plan = planPaste(parseClipboardTsv(text), ctx.annex, target, ctx.campaign, ctx.newRow())
    if (!plan.refused) ctx.apply(plan.patches, plan.newRows)
    ctx.say({ level: plan.refused ? 'error' : 'info', message: describePaste(plan, ctx.annex, ctx.formName) })
  }

  const text = (api: GridApi<GridRow>, node: IRowNode<GridRow>, col: Column): string => {
    const v: unknown = api.getCellValue({ rowNode: node, colKey: col, useFormatter: true })
    return v === null || v === undefined ? '' : String(v)
  }

  /** The block, else the ticked rows (in the order shown), else the focused cell. */
  const copied = (api: GridApi<GridRow>, withHeader: boolean): Copied | null => {
    const columns = formColumns(api)
    const bounds = ctx.block.bounds()
    let nodes: IRowNode<GridRow>[]
    let cols = columns
    let what: string
    if (bounds) {
      nodes = []
      for (let r = bounds.top; r <= bounds.bottom; r++) {
        const n = api.getDisplayedRowAtIndex(r)
        if (n) nodes.push(n)
      }
      cols = columns.slice(bounds.left, bounds.right + 1)
      what = `选中的 ${nodes.length} 行 ${cols.length} 列单元格`
    } else if (api.getSelectedNodes().length > 0) {
      nodes = []
      api.forEachNodeAfterFilterAndSort((n) => {
        if (n.isSelected()) nodes.push(n)
      })
      what = `所勾选的 ${nodes.length} 行`
    } else {
      const f = api.getFocusedCell()
      const n = f ? api.getDisplayedRowAtIndex(f.rowIndex) : undefined
      if (!f || !n) return null
      nodes = [n]
      cols = [f.column]
      what = '当前单元格'
    }
    const rows = nodes.map((n) => cols.map((c) => text(api, n, c)))
    if (withHeader) rows.unshift(cols.map((c) => api.getDisplayNameForColumn(c, 'header')))
    return { rows, what }
  }

  const tell = (c: Copied, withHeader: boolean): void => {
    const header = withHeader ? '（含表头）' : '；按 Ctrl+Shift+C 可连表头一起复制'
    ctx.say({ level: 'info', message: `已复制${c.what}${header}，可粘贴到 Excel 或 WPS 表格。` })
  }

  const onCopy = (e: React.ClipboardEvent): void => {
    const at = focusedOutsideEditor()
    const c = at && copied(at.api, false)
    if (!c) return
    e.preventDefault()
    e.clipboardData.setData('text/plain', toClipboardTsv(c.rows))
    // One cell copies as Excel's does, without a notice.
    if (c.rows.length > 1 || (c.rows[0]?.length ?? 0) > 1) tell(c, false)
  }

  /** Ctrl+Shift+C raises no copy event: the text goes through the Clipboard API. */
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (!((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'c')) return
    const at = focusedOutsideEditor()
    const c = at && copied(at.api, true)
    if (!c) return
    e.preventDefault()
    navigator.clipboard.writeText(toClipboardTsv(c.rows)).then(
      () => tell(c, true),
      () => ctx.say({ level: 'error', message: '无法写入剪贴板，请改用 Ctrl+C 复制（不含表头）。' })
    )
  }

  return { onPaste, onCopy, onKeyDown }
}
