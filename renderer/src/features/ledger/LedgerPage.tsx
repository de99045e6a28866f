/**
 * A unit's ledger: one set of records shown through the official forms (tabs), with the toolbar, the problem list,
 * the record's 办理 panel and autosave. Edits go through the LedgerModel (one undo step per user action); the grids
 * only display the model's rows.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import type { GridApi } from 'ag-grid-community'
import { huikan, HUIKAN_TRACK } from '@shared/annexes/huikan'
import { fieldLabel, formIncludes, formName } from '@shared/annexes/registry'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign, CampaignUnit } from '@shared/campaign/campaign'
import { isTownLike } from '@shared/campaign/campaign'
import { nextDue } from '@shared/campaign/schedule'
import { cnDate } from '@shared/domain/dates'
import type { LedgerView } from '@shared/ipc/contract'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import { UnitLedgerValidator } from '@shared/validation/validateUnitLedger'
import { invoke } from '../../api/client'
import type { PageNotice } from '../../components/Notices'
import { Notices } from '../../components/Notices'
import { Progress, useProgress } from '../../components/Progress'
import { usePageMenu } from '../help/menuCommands'
import { tellExport } from '../exchange/exportNotice'
import { carriesFiles } from '../exchange/files'
import { ImportDialog } from '../exchange/ImportDialog'
import { assignableFields } from '../exchange/ColumnAssignment'
import { RecordPanel } from '../lifecycle/RecordPanel'
import { resetLayout } from './columnLayout'
import { QuietRows, countKinds, issueKind } from './issueVisibility'
import { LedgerGrid } from './LedgerGrid'
import type { GridRow } from './ledgerModel'
import { LedgerModel } from './ledgerModel'
import type { ListedIssue } from './ProblemsPanel'
import { ProblemsPanel, listIssues } from './ProblemsPanel'
import { SaveStatus } from './SaveStatus'
import { gridClipboard } from './gridClipboard'
import { useGridBlock } from './gridBlock'
import { useAutosave } from './useAutosave'
import { useImportFlow } from './useImportFlow'
import { useIssueScan } from './useIssueScan'
import type { LedgerTab } from './views'
import { LEDGER_TABS } from './views'

interface Props {
  campaign: Campaign
  unit: CampaignUnit
  view: LedgerView
  today: string
  /** The ledger was replaced as a whole (an import, its undo, a reopening). */
  onViewChange: (view: LedgerView) => void
}


/**
 * New rows start with the unit itself as 乡镇（街道） (for a town) and 责任单位, found today (the weekly report counts
 * new finds by it); 2023 items are on the 回头看 track.
 */
function defaultsFor(unit: CampaignUnit, tab: LedgerTab, today: string): RecordFields {
  const town: RecordFields = isTownLike(unit) ? { town: unit.name } : {}
  return tab.annex === huikan ? { ...town, track: HUIKAN_TRACK } : { ...town, responsibleUnit: unit.name, foundDate: today }
}

/**
 * How an exported form goes to the office: printed and sealed (every form has its 填报单位（盖章）line), with what
 * its definition says goes along (附件3: the unit's 月度工作总结, plan 四(二), which 每周工作进展 drafts).
 */
function howToSend(annex: AnnexDefinition<RecordFields>): string {
  return annex.sentWith ? `请打印、盖章后，与${annex.sentWith}一并报送` : '请打印、盖章后报送'
}

export function LedgerPage({ campaign, unit, view, today, onViewChange }: Props): React.JSX.Element {
  const model = useMemo(() => new LedgerModel(view.records), [view])
  const [version, setVersion] = useState(0)
  const [tab, setTab] = useState<LedgerTab>(LEDGER_TABS[0] as LedgerTab)
  const [search, setSearch] = useState('')
  const [side, setSide] = useState<'problems' | 'record' | null>('problems')
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const [message, setMessage] = useState<PageNotice | null>(null)
  const apiRef = useRef<GridApi<GridRow> | null>(null)
  // Rows the grid shows after its filters and the search; the summary says when they hide some.
  const [shownCount, setShownCount] = useState<number | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const sectionRef = useRef<HTMLElement>(null)

  const readOnly = view.readOnly
  const validator = useMemo(() => new UnitLedgerValidator(campaign, today), [campaign, today])

  const redraw = useCallback(() => setVersion((v) => v + 1), [])
  const { autosaver, saveState } = useAutosave(model, unit.id, view.generation, redraw)

  const all = useMemo(() => model.all, [model, version])
  const rows = useMemo(() => all.filter((r) => formIncludes(tab.annex, r.fields)), [all, tab])
  const issues = useIssueScan(all, validator)
  // A row added here stays quiet until the clerk leaves it or exports; the export check still counts everything.
  const quiet = useMemo(() => new QuietRows(), [model])
  const shown = useMemo(() => quiet.shown(issues, (id) => model.get(id)?.fields), [quiet, issues, model, version])
  const issuesRef = useRef(shown)
  issuesRef.current = shown
  const positions = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows])
  const positionsRef = useRef(positions)
  positionsRef.current = positions

  // Re-applies the issue marks (class rules, tooltips). Not forced: a forced refresh rebuilds an open editor from the
  // stored value, losing what the clerk typed into the cell just after Tab.
  useEffect(() => {
    apiRef.current?.refreshCells()
  }, [shown])

  const issueSource = useMemo(
    () => ({ issuesOf: (id: string) => issuesRef.current.get(id), indexOf: (id: string) => positionsRef.current.get(id) ?? -1 }),
    []
  )

  const changed = useCallback(() => {
    redraw()
    autosaver.changed()
  }, [autosaver, redraw])

  const onEdit = useCallback(
    (id: string, key: string, value: FieldValue) => {
      if (model.edit([{ id, fields: { [key]: value } }])) changed()
    },
    [model, changed]
  )

  const patchFocused = (fields: RecordFields): void => {
    if (focusedId && model.edit([{ id: focusedId, fields }])) changed()
  }

  /** A lifecycle step is saved apart from the edits before and after it, so the history shows each transition. */
  const stepFocused = async (fields: RecordFields): Promise<void> => {
    if (!(await savedFirst())) return
    patchFocused(fields)
    await autosaver.flush()
  }

  const isEditing = (): boolean => (apiRef.current?.getEditingCells().length ?? 0) > 0

  const addRow = (): void => {
    const [id] = model.insert([defaultsFor(unit, tab, today)])
    if (id) quiet.add(id)
    changed()
    setTimeout(() => {
      const api = apiRef.current
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

  // Ctrl+F reaches the search box from anywhere on the page (the page stays mounted, hidden, on the other pages).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const box = searchRef.current
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'f' || !box || box.offsetParent === null) return
      if (sectionRef.current?.querySelector('.dialog-backdrop')) return
      e.preventDefault()
      box.focus()
      box.select()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  /** A text box of its own (the search, the 办理 panel's fields): Ctrl+Z there undoes its typing, not the ledger. */
  const inTextBox = (target: EventTarget): boolean => target instanceof HTMLElement && target.matches('input:not([type="checkbox"]), textarea, select')

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || isEditing() || readOnly || inTextBox(e.target)) return
    const k = e.key.toLowerCase()
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault()
      undo()
    } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
      e.preventDefault()
      redo()
    }
  }

  const block = useGridBlock(apiRef)
  const clipboard = gridClipboard({
    apiRef,
    annex: tab.annex,
    formName: formName(tab.annex),
    block,
    readOnly,
    createsRecords: tab.createsRecords,
    newRow: () => defaultsFor(unit, tab, today),
    campaign,
    apply: (patches, newRows) => {
      if (model.edit(patches, newRows)) changed()
    },
    say: setMessage
  })

  /** Every save settled, so an import, an export or a reopening sees what the user sees. */
  const savedFirst = async (): Promise<boolean> => {
    if (await autosaver.flush()) return true
    setMessage({ level: 'error', message: '还有修改没有保存成功，请先处理保存问题（见右上角）后再继续。' })
    return false
  }

  const work = useProgress()
  const imports = useImportFlow({ unitId: unit.id, annex: tab.annex, readOnly, savedFirst, say: setMessage, onViewChange, track: work.track })
  const { preview, busy, lastImport } = imports

  const reopen = async (recordId: string): Promise<void> => {
    if (!(await savedFirst())) return
    const r = await invoke('ledger:reopen', { unitId: unit.id, recordId, baseGeneration: autosaver.currentGeneration })
    if (!r.ok) return setMessage({ level: 'error', message: r.error.message })
    onViewChange(r.value)
    setMessage({ level: 'info', message: '已重新立案整治，新问题已列入摸底台账（关停取缔，整治中），请立即重新实施两断三清。' })
  }

  const exportForm = async (template: boolean): Promise<void> => {
    let draft = false
    if (!template) {
      if (!(await savedFirst())) return
      const kinds = countKinds(rows.flatMap((r) => (issues.get(r.id) ?? []).map((i) => ({ kind: issueKind(i, r.fields) }))))
      const incomplete = rows.filter((r) => (issues.get(r.id) ?? []).some((i) => issueKind(i, r.fields) === 'incomplete')).length
      if (quiet.revealAll()) redraw()
      // A form with records 待补充 is never sent: only a draft, marked as such, for checking on paper.
      draft = incomplete > 0
      if (draft && !window.confirm(`${formName(tab.annex)}中有 ${incomplete} 条记录未填完（待补充），不能导出正式报送的表格。\n是否导出草稿供核对？草稿的表头标明“草稿：有记录未填完，不得报送”。`)) return
      if (kinds.error > 0 && !window.confirm(`${formName(tab.annex)}中还有 ${kinds.error} 个错误，报送的表格可能被退回。仍要导出吗？`)) return
    }
    const r = await work.track((progressId) => invoke('export:annex', { unitId: unit.id, annex: tab.annex.id, template, draft, progressId }))
    const next = template ? '这是空白表，可发给下级填写。' : draft ? '这是草稿，补全未填完的记录后请重新导出再报送。' : `${howToSend(tab.annex)}。`
    await tellExport(r, setMessage, next)
  }

  /** The form with the evidence of its records and a manifest of their sha256, as one .zip to send. */
  const exportPackage = async (): Promise<void> => {
    if (!(await savedFirst())) return
    const r = await work.track((progressId) => invoke('export:package', { unitId: unit.id, annex: tab.annex.id, progressId }))
    await tellExport(r, setMessage, `报送包内含${formName(tab.annex)}和各记录的佐证材料，可整个拷贝报送；单独的表格仍然有效。`)
  }

  // The desktop menus' 导入…, 导出…, 报送包… and 查找 act here while this page is shown (it stays mounted, hidden).
  usePageMenu((command) => {
    const section = sectionRef.current
    if (!section || section.offsetParent === null) return false
    if (section.querySelector('.dialog-backdrop')) return true
    if (command === 'import') {
      if (readOnly) setMessage({ level: 'error', message: '台账当前为只读，不能导入表格。' })
      else if (!busy) void imports.startImport()
    } else if (command === 'export') void exportForm(false)
    else if (command === 'package') void exportPackage()
    else if (command === 'find') {
      searchRef.current?.focus()
      searchRef.current?.select()
    } else return false
    return true
  })

  const headerOf = (field: string | null): string =>
    field === null ? '整行' : field === 'status' ? '状态' : (tab.annex.columns.find((c) => c.key === field)?.header ?? fieldLabel(field))
  // The list follows an edit after it is painted (deferred): the keystroke's frame does not wait for it.
  const listedRows = useDeferredValue(rows)
  const listedIssues = useDeferredValue(shown)
  const listed = useMemo(() => listIssues(listedRows, listedIssues, headerOf), [listedRows, listedIssues, tab])

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
    const shown = issue.field !== null && api.getColumn(issue.field) !== null
    const col = shown ? (issue.field as string) : 'name'
    api.ensureNodeVisible(node, 'middle')
    api.ensureColumnVisible(col)
    api.setFocusedCell(node.rowIndex, col)
    // A field this form does not show (a status requirement): the 办理 panel has it.
    if (!shown) setSide('record')
  }

  const errorCount = listed.counts.error
  const due = useMemo(() => nextDue(campaign, unit, today), [campaign, unit, today])
  const focused = focusedId ? model.get(focusedId) : undefined

  return (
    <section
      ref={sectionRef}
      className="ledger"
      onKeyDown={onKeyDown}
      onDragOver={(e) => carriesFiles(e.dataTransfer) && e.preventDefault()}
      onDrop={(e) => {
        if (!carriesFiles(e.dataTransfer)) return
        e.preventDefault()
        imports.importDropped([...e.dataTransfer.files])
      }}
    >
      <nav className="tabs" role="tablist" aria-label="表格">
        {LEDGER_TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={t === tab} className={t === tab ? 'active' : ''} onClick={() => setTab(t)}>
            {t.label}
          </button>
        ))}
        <span className="grow" />
        <span className="due" title="按工作方案的报送时间">
          {due ? `下一报送：${cnDate(due.date)}前 ${due.what}（${due.daysLeft === 0 ? '今天' : `还有 ${due.daysLeft} 天`}）` : '本次整治各项报送时间均已过'}
        </span>
      </nav>
      <div className="toolbar" role="toolbar" aria-label="台账操作">
        {tab.createsRecords && (
          <>
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
          </>
        )}
        <button type="button" onClick={undo} disabled={readOnly || !model.canUndo} title="Ctrl+Z">
          撤销
        </button>
        <button type="button" onClick={redo} disabled={readOnly || !model.canRedo} title="Ctrl+Y">
          重做
        </button>
        <span className="sep" />
        <button type="button" onClick={() => void imports.startImport()} disabled={readOnly || busy} title="也可以把表格文件拖到此页">
          导入表格…
        </button>
        <button type="button" onClick={() => void exportForm(false)}>
          导出{formName(tab.annex)}
        </button>
        <button type="button" onClick={() => void exportPackage()} title={`${formName(tab.annex)}连同各记录的照片、文件打包为一个 .zip（报送包）`}>
          报送包
        </button>
        <button type="button" onClick={() => void exportForm(true)}>
          空白表
        </button>
        <span className="sep" />
        <input
          ref={searchRef}
          type="search"
          className="search"
          placeholder="搜索：企业名称、代码、地址……（Ctrl+F）"
          aria-label="搜索"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" onClick={() => apiRef.current && resetLayout(apiRef.current, tab.annex.id)} title="恢复本表默认的列宽、列顺序和排序，并清除筛选">
          恢复默认列宽
        </button>
        <span className="grow" />
        <span className="summary">
          {shownCount !== null && shownCount < rows.length ? `显示 ${shownCount} / 共 ${rows.length} 条` : `共 ${rows.length} 条`}
          {errorCount > 0 && (
            <button type="button" className="link count-error" onClick={() => setSide('problems')}>
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
            <button type="button" className="link" onClick={() => void imports.undoImport()}>
              撤销这次导入
            </button>
            <button type="button" className="link" onClick={imports.forgetLastImport}>
              关闭
            </button>
          </div>
        </div>
      )}
      <Progress view={work.view} />
      {preview && (
        <ImportDialog
          preview={preview}
          fields={assignableFields(tab.annex)}
          busy={busy}
          onConfirm={(accept) => void imports.confirmImport(accept)}
          onRemap={imports.remap}
          onCancel={imports.cancel}
        />
      )}
      <div className="ledger-body">
        <div
          className="grid-wrap"
          onPaste={clipboard.onPaste}
          onCopy={clipboard.onCopy}
          onKeyDown={clipboard.onKeyDown}
          onKeyDownCapture={block.onKeyDownCapture}
          onPointerDownCapture={block.onPointerDownCapture}
        >
          <LedgerGrid
            key={tab.id}
            annex={tab.annex}
            campaign={campaign}
            rows={rows}
            issues={issueSource}
            readOnly={readOnly}
            search={search}
            onEdit={onEdit}
            onFocusRow={(id) => {
              setFocusedId(id)
              if (quiet.focus(id)) redraw()
            }}
            inBlock={block.inBlock}
            onReady={(api) => {
              apiRef.current = api
              const count = (): void => setShownCount(api.getDisplayedRowCount())
              api.addEventListener('modelUpdated', count)
              count()
            }}
          />
        </div>
        {/* Collapsed, the side panel is a strip of its two tabs and the grid takes the width. */}
        <div className={side ? 'side' : 'side collapsed'}>
          <div className="side-tabs" role="tablist" aria-label="侧栏">
            <button type="button" role="tab" aria-selected={side === 'problems'} onClick={() => setSide('problems')}>
              问题清单（{listed.total}）
            </button>
            <button type="button" role="tab" aria-selected={side === 'record'} onClick={() => setSide('record')}>
              办理
            </button>
            {side && (
              <button type="button" className="side-collapse" onClick={() => setSide(null)} title="收起侧栏，表格加宽" aria-label="收起侧栏">
                »
              </button>
            )}
          </div>
          {side === 'problems' && <ProblemsPanel list={listed} onPick={pick} onClose={() => setSide(null)} />}
          {side === 'record' &&
            (focused ? (
              <RecordPanel
                key={focused.id}
                row={focused}
                unitId={unit.id}
                campaign={campaign}
                today={today}
                readOnly={readOnly}
                onPatch={patchFocused}
                onStep={(fields) => void stepFocused(fields)}
                onReopen={(id) => void reopen(id)}
                onNotice={setMessage}
              />
            ) : (
              <p className="empty side-empty">请先点选表格中的一行。</p>
            ))}
        </div>
      </div>
    </section>
  )
}
