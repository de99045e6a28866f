/**
 * 摸底台账: the 附件2 grid of one unit with its toolbar, the problem list and autosave. Edits go through the
 * LedgerModel (one undo step per user action); the grid only displays the model's rows (readOnlyEdit).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CellEditRequestEvent, GridApi, GridReadyEvent } from 'ag-grid-community'
import { themeQuartz } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale'
import { annex2 } from '@shared/annexes/annex2'
import type { Campaign, CampaignUnit } from '@shared/campaign/campaign'
import { isTownLike } from '@shared/campaign/campaign'
import type { ImportPreview, LedgerView, Notice } from '@shared/ipc/contract'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import { valueToText } from '@shared/validation/cellInput'
import type { FieldIssue } from '@shared/validation/issues'
import { createValidationContext, validateLedger } from '@shared/validation/validateRecord'
import { invoke } from '../../api/client'
import { Notices } from '../../components/Notices'
import { bytesToBase64, download, pickSpreadsheet } from '../exchange/files'
import { ImportDialog } from '../exchange/ImportDialog'
import type { SaveState } from './autosave'
import { Autosaver } from './autosave'
import { annexColumnByColId, buildColumnDefs } from './columnDefs'
import type { GridRow } from './ledgerModel'
import { LedgerModel } from './ledgerModel'
import { planPaste } from './paste'
import type { ListedIssue } from './ProblemsPanel'
import { ProblemsPanel, listIssues } from './ProblemsPanel'
import { SaveStatus } from './SaveStatus'
import { parseTsv } from './tsv'

const gridTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 36,
  spacing: 6
})

interface Props {
  campaign: Campaign
  unit: CampaignUnit
  view: LedgerView
  /** The ledger was replaced as a whole (an import, or its undo). */
  onViewChange: (view: LedgerView) => void
}

const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** New rows start with the unit itself as 乡镇（街道） (for a town) and 责任单位. */
function defaultsFor(unit: CampaignUnit): RecordFields {
  return isTownLike(unit) ? { town: unit.name, responsibleUnit: unit.name } : { responsibleUnit: unit.name }
}

export function LedgerPage({ campaign, unit, view, onViewChange }: Props): React.JSX.Element {
  const model = useMemo(() => new LedgerModel(view.records), [view])
  const [version, setVersion] = useState(0)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: null })
  const [search, setSearch] = useState('')
  const [showProblems, setShowProblems] = useState(true)
  const [message, setMessage] = useState<Notice | null>(null)
  const [issues, setIssues] = useState<ReadonlyMap<string, FieldIssue[]>>(new Map())
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [lastImport, setLastImport] = useState<{ stageId: string; summary: string } | null>(null)
  const apiRef = useRef<GridApi<GridRow> | null>(null)
  const issuesRef = useRef(issues)
  issuesRef.current = issues

  const readOnly = view.readOnly
  const ctx = useMemo(() => createValidationContext(campaign, annex2), [campaign])
  const cache = useMemo(() => new WeakMap<RecordFields, FieldIssue[]>(), [])
  const columnsById = useMemo(() => annexColumnByColId(annex2), [])

  const autosaver = useMemo(
    () =>
      new Autosaver(model, {
        generation: view.generation,
        send: (baseGeneration, changes) => invoke('ledger:save', { unitId: unit.id, baseGeneration, changes }),
        onState: setSaveState,
        onAssigned: (assigned) => {
          model.setProblemNumbers(assigned)
          setVersion((v) => v + 1)
        }
      }),
    [model, unit.id, view.generation]
  )
  useEffect(() => () => autosaver.dispose(), [autosaver])

  // Keep unsaved edits: the browser asks before leaving, and a save starts at once.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      if (!model.hasUnsaved) return
      e.preventDefault()
      void autosaver.flush()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [model, autosaver])

  const rows = useMemo(() => model.all, [model, version])

  // Validation runs after paint so a large ledger shows at once; the cache makes later runs incremental.
  useEffect(() => {
    const t = setTimeout(() => setIssues(validateLedger(rows, annex2, ctx, cache)), 0)
    return () => clearTimeout(t)
  }, [rows, ctx, cache])

  useEffect(() => {
    apiRef.current?.refreshCells({ force: true })
  }, [issues])

  const columnDefs = useMemo(
    () =>
      buildColumnDefs(annex2, campaign, {
        issuesOf: (id) => issuesRef.current.get(id),
        indexOf: (id) => model.indexOf(id)
      }, !readOnly),
    [campaign, model, readOnly]
  )

  const changed = useCallback(() => {
    setVersion((v) => v + 1)
    autosaver.changed()
  }, [autosaver])

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<GridRow>) => {
      const key = e.column.getColId()
      if (!e.data || !columnsById.has(key)) return
      const value = (e.newValue ?? (columnsById.get(key)?.kind === 'multiEnum' ? [] : '')) as FieldValue
      if (model.edit([{ id: e.data.id, fields: { [key]: value } }])) changed()
    },
    [model, columnsById, changed]
  )

  const isEditing = (): boolean => (apiRef.current?.getEditingCells().length ?? 0) > 0

  const addRow = (): void => {
    const api = apiRef.current
    const [id] = model.insert([defaultsFor(unit)])
    changed()
    setTimeout(() => {
      const node = id ? api?.getRowNode(id) : undefined
      if (!api || !node || node.rowIndex === null) return
      api.ensureIndexVisible(node.rowIndex)
      api.setFocusedCell(node.rowIndex, 'name')
    }, 0)
  }

  const selectedIds = (): string[] => (apiRef.current?.getSelectedRows() ?? []).map((r) => r.id)

  const duplicateRows = (): void => {
    const ids = selectedIds()
    if (ids.length === 0) return setMessage({ level: 'info', message: '请先勾选要复制的行。' })
    const last = Math.max(...ids.map((id) => model.indexOf(id)))
    model.insert(ids.map((id) => ({ ...(model.get(id)?.fields ?? {}) })), last)
    changed()
    setMessage({ level: 'info', message: `已复制 ${ids.length} 行，放在所选行之后；请修改复制出的企业信息。` })
  }

  const deleteRows = (): void => {
    const ids = selectedIds()
    if (ids.length === 0) return setMessage({ level: 'info', message: '请先勾选要删除的行。' })
    const n = model.remove(ids)
    changed()
    setMessage({ level: 'info', message: `已删除 ${n} 行。如删错，可点“撤销”（Ctrl+Z）恢复。` })
  }

  const undo = (): void => {
    if (model.undo()) changed()
  }
  const redo = (): void => {
    if (model.redo()) changed()
  }

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || isEditing() || readOnly) return
    const k = e.key.toLowerCase()
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault()
      undo()
    } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
      e.preventDefault()
      redo()
    }
  }

  const onPaste = (e: React.ClipboardEvent): void => {
    const api = apiRef.current
    const focused = api?.getFocusedCell()
    if (!api || !focused || isEditing() || readOnly) return
    const text = e.clipboardData.getData('text/plain')
    if (!text) return
    e.preventDefault()
    const block = parseTsv(text)
    const displayed = api.getAllDisplayedColumns().map((c) => c.getColId())
    const rowIds: string[] = []
    api.forEachNodeAfterFilterAndSort((n) => {
      if (n.data) rowIds.push(n.data.id)
    })
    const plan = planPaste(
      block,
      {
        rowIds,
        startRow: focused.rowIndex,
        columns: displayed.map((id) => columnsById.get(id) ?? null),
        startColumn: displayed.indexOf(focused.column.getColId())
      },
      campaign,
      defaultsFor(unit)
    )
    if (model.edit(plan.patches, plan.newRows)) changed()
    const added = plan.newRows.length ? `，新增 ${plan.newRows.length} 行` : ''
    const skipped = plan.skippedCells ? `；${plan.skippedCells} 个单元格落在序号、问题编号等不可编辑的列，未粘贴` : ''
    setMessage({ level: 'info', message: `已粘贴 ${block.length} 行${added}${skipped}。可用“撤销”一次恢复。` })
  }

  const onCopy = (e: React.ClipboardEvent): void => {
    const api = apiRef.current
    const focused = api?.getFocusedCell()
    if (!api || !focused || isEditing()) return
    const row = api.getDisplayedRowAtIndex(focused.rowIndex)?.data
    const key = focused.column.getColId()
    if (!row || !columnsById.has(key)) return
    e.preventDefault()
    e.clipboardData.setData('text/plain', valueToText(row.fields[key]))
  }

  /** Every save settled, so an import or an export sees what the user sees. */
  const savedFirst = async (): Promise<boolean> => {
    if (await autosaver.flush()) return true
    setMessage({ level: 'error', message: '还有修改没有保存成功，请先处理保存问题（见右上角）后再导入或导出。' })
    return false
  }

  const startImport = async (): Promise<void> => {
    const file = await pickSpreadsheet()
    if (!file) return
    if (file.size > MAX_IMPORT_BYTES) return setMessage({ level: 'error', message: `文件“${file.name}”超过 20 MB，请删去不需要的工作表或行后再导入。` })
    if (!(await savedFirst())) return
    setBusy(true)
    const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
    const r = await invoke('import:preview', { unitId: unit.id, fileName: file.name, data })
    setBusy(false)
    if (r.ok) setPreview(r.value)
    else setMessage({ level: 'error', message: r.error.message })
  }

  const confirmImport = async (acceptOtherUnit: boolean): Promise<void> => {
    if (!preview) return
    setBusy(true)
    const r = await invoke('import:commit', { unitId: unit.id, stageId: preview.stageId, acceptOtherUnit })
    setBusy(false)
    setPreview(null)
    if (!r.ok) return setMessage({ level: 'error', message: r.error.message })
    setLastImport({ stageId: r.value.stageId, summary: r.value.summary })
    onViewChange(r.value.view)
  }

  const undoImport = async (): Promise<void> => {
    if (!lastImport || !(await savedFirst())) return
    const r = await invoke('import:undo', { unitId: unit.id, stageId: lastImport.stageId })
    setLastImport(null)
    if (!r.ok) return setMessage({ level: 'error', message: r.error.message })
    setMessage({ level: 'info', message: '已撤销这次导入，台账恢复为导入前的内容。' })
    onViewChange(r.value)
  }

  const exportForm = async (template: boolean): Promise<void> => {
    if (!template) {
      if (!(await savedFirst())) return
      const errors = [...issues.values()].flat().filter((i) => i.severity === 'error').length
      if (errors > 0 && !window.confirm(`台账中还有 ${errors} 个错误，报送的表格可能被退回。仍要导出吗？`)) return
    }
    const r = await invoke('export:annex', { unitId: unit.id, annex: annex2.id, template })
    if (!r.ok) return setMessage({ level: 'error', message: r.error.message })
    download(r.value.fileName, r.value.data)
    setMessage({ level: 'info', message: `已生成“${r.value.fileName}”${template ? '（空白表，可发给下级填写）' : '，请打印、盖章后报送'}。` })
  }

  const listed = useMemo(
    () =>
      listIssues(rows, issues, (field) =>
        field === null ? '整行' : (annex2.columns.find((c) => c.key === field)?.header ?? field)
      ),
    [rows, issues]
  )

  const pick = (issue: ListedIssue): void => {
    const api = apiRef.current
    if (!api) return
    let node = api.getRowNode(issue.rowId)
    if (node && node.rowIndex === null) {
      // Filtered out: clear the search and filters so the row can be shown.
      setSearch('')
      api.setFilterModel(null)
      api.setGridOption('quickFilterText', '')
      node = api.getRowNode(issue.rowId)
    }
    if (!node || node.rowIndex === null) return
    const col = issue.field ?? 'name'
    api.ensureNodeVisible(node, 'middle')
    api.ensureColumnVisible(col)
    api.setFocusedCell(node.rowIndex, col)
  }

  const errorCount = listed.filter((i) => i.severity === 'error').length

  return (
    <section className="ledger" onKeyDown={onKeyDown}>
      <div className="toolbar" role="toolbar" aria-label="台账操作">
        <button type="button" onClick={addRow} disabled={readOnly}>
          新增一行
        </button>
        <button type="button" onClick={duplicateRows} disabled={readOnly}>
          复制所选行
        </button>
        <button type="button" onClick={deleteRows} disabled={readOnly}>
          删除所选行
        </button>
        <span className="sep" />
        <button type="button" onClick={undo} disabled={readOnly || !model.canUndo} title="Ctrl+Z">
          撤销
        </button>
        <button type="button" onClick={redo} disabled={readOnly || !model.canRedo} title="Ctrl+Y">
          重做
        </button>
        <span className="sep" />
        <button type="button" onClick={() => void startImport()} disabled={readOnly || busy}>
          导入表格…
        </button>
        <button type="button" onClick={() => void exportForm(false)}>
          导出{annex2.label}
        </button>
        <button type="button" onClick={() => void exportForm(true)}>
          空白表
        </button>
        <span className="sep" />
        <input
          type="search"
          className="search"
          placeholder="搜索：企业名称、代码、地址……"
          aria-label="搜索"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="grow" />
        <span className="summary">
          共 {rows.length} 条
          {errorCount > 0 && (
            <button type="button" className="link count-error" onClick={() => setShowProblems(true)}>
              {errorCount} 个错误
            </button>
          )}
        </span>
        <SaveStatus state={saveState} readOnly={readOnly} onRetry={() => void autosaver.flush()} />
      </div>
      <Notices notices={message ? [message] : []} onDismiss={() => setMessage(null)} />
      {lastImport && (
        <div className="notices">
          <div className="notice info" role="status">
            <span>{lastImport.summary}</span>
            <button type="button" className="link" onClick={() => void undoImport()}>
              撤销这次导入
            </button>
            <button type="button" className="link" onClick={() => setLastImport(null)}>
              关闭
            </button>
          </div>
        </div>
      )}
      {preview && <ImportDialog preview={preview} busy={busy} onConfirm={(accept) => void confirmImport(accept)} onCancel={() => setPreview(null)} />}
      <div className="ledger-body">
        <div className="grid-wrap" onPaste={onPaste} onCopy={onCopy}>
          <AgGridReact<GridRow>
            theme={gridTheme}
            localeText={AG_GRID_LOCALE_CN}
            rowData={rows as GridRow[]}
            columnDefs={columnDefs}
            defaultColDef={{ resizable: true, sortable: true, cellDataType: false, wrapHeaderText: true, autoHeaderHeight: true }}
            getRowId={(p) => p.data.id}
            readOnlyEdit
            onCellEditRequest={onCellEditRequest}
            rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false }}
            quickFilterText={search}
            tooltipShowDelay={150}
            tooltipInteraction
            stopEditingWhenCellsLoseFocus
            animateRows={false}
            // 28 columns: rendering them all keeps keyboard and paste navigation simple; rows stay virtualised.
            suppressColumnVirtualisation
            onGridReady={(e: GridReadyEvent<GridRow>) => {
              apiRef.current = e.api
            }}
          />
        </div>
        {showProblems ? (
          <ProblemsPanel issues={listed} onPick={pick} onClose={() => setShowProblems(false)} />
        ) : (
          <button type="button" className="problems-tab" onClick={() => setShowProblems(true)}>
            问题清单（{listed.length}）
          </button>
        )}
      </div>
    </section>
  )
}
