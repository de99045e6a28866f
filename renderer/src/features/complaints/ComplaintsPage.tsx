/**
 * 举报受理: the register of public reports (plan 五(四) 畅通举报渠道) at the office or a unit — 办结率 and overdue
 * reports at the top, each report with what it matches, the exchange files that carry reports to the units and
 * their results back, and the printed 举报受理登记表.
 */
import { useCallback, useEffect, useState } from 'react'
import type { ComplaintInput, ComplaintResult } from '@shared/complaints/register'
import { cnDate } from '@shared/domain/dates'
import type { ComplaintTablePreview } from '@shared/complaints/table'
import type { ComplaintsView } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import { invoke } from '../../api/client'
import type { PageNotice } from '../../components/Notices'
import { Notices } from '../../components/Notices'
import { tellExport } from '../exchange/exportNotice'
import { pickFile, pickSpreadsheet, readPickedFile } from '../exchange/files'
import { ComplaintDetail } from './ComplaintDetail'
import type { ComplaintDraft } from './ComplaintForm'
import { ComplaintForm, draftOf, emptyDraft, typedInput } from './ComplaintForm'
import { ComplaintTableDialog } from './ComplaintTableDialog'

/** `unit`: the unit's name on a unit's page; absent at the office. */
export function ComplaintsPage(props: { unit?: string; onLedgerChange?: () => void }): React.JSX.Element {
  const [view, setView] = useState<ComplaintsView | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [editing, setEditing] = useState<ComplaintDraft | 'new' | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<PageNotice | null>(null)
  const [sendTo, setSendTo] = useState('')
  const [withReporter, setWithReporter] = useState(false)
  /** A 交办 list being previewed, with its bytes for a preview again with another default unit. */
  const [table, setTable] = useState<{ fileName: string; data: string; preview: ComplaintTablePreview } | null>(null)

  useEffect(() => {
    void invoke('complaints:view', {}).then((r) => (r.ok ? setView(r.value) : setMessage({ level: 'error', message: r.error.message })))
  }, [])

  /** Runs a request that answers with the register; true when it went through. */
  const run = useCallback(async <T extends ComplaintsView>(request: Promise<Result<T>>, said?: (v: T) => string): Promise<boolean> => {
    setBusy(true)
    const r = await request
    setBusy(false)
    if (!r.ok) {
      setMessage({ level: 'error', message: r.error.details?.join('；') ?? r.error.message })
      return false
    }
    setView(r.value)
    setMessage(said ? { level: 'info', message: said(r.value) } : null)
    return true
  }, [])

  if (!view) return <section className="complaints">{message ? <Notices notices={[message]} /> : <p className="loading">正在读取……</p>}</section>
  const row = view.rows.find((c) => c.no === selected) ?? null
  const office = props.unit === undefined
  const { stats } = view

  const save = async (draft: ComplaintDraft): Promise<void> => {
    const input = typedInput(draft) as ComplaintInput
    const editingNo = editing !== 'new' && row ? row.no : null
    const ok = await run(editingNo ? invoke('complaints:edit', { no: editingNo, input }) : invoke('complaints:register', input), () => (editingNo ? `已修改${editingNo}的登记信息。` : '已登记。'))
    if (ok) setEditing(null)
  }

  const importExchange = async (): Promise<void> => {
    const file = await pickFile(['.json'])
    if (!file) return
    const read = await readPickedFile(file)
    if (!read.ok) return setMessage({ level: 'error', message: read.message })
    await run(invoke('complaints:exchangeImport', { fileName: file.name, data: read.data }), (v) => v.message)
  }

  const previewTable = async (fileName: string, data: string, defaultUnit: string | null): Promise<void> => {
    setBusy(true)
    const r = await invoke('complaints:tablePreview', { fileName, data, ...(defaultUnit ? { defaultUnit } : {}) })
    setBusy(false)
    if (!r.ok) return setMessage({ level: 'error', message: r.error.message })
    setTable({ fileName, data, preview: r.value })
  }

  const importTable = async (): Promise<void> => {
    const file = await pickSpreadsheet()
    if (!file) return
    const read = await readPickedFile(file)
    if (!read.ok) return setMessage({ level: 'error', message: read.message })
    await previewTable(file.name, read.data, null)
  }

  const exportExchange = async (to: string | null): Promise<void> => {
    await tellExport(await invoke('complaints:exchangeExport', { to, includeReporter: withReporter }), setMessage, to ? `请将文件发给${to}，由其在“举报受理”中导入。` : '请将文件报送领导小组办公室。')
  }

  return (
    <section className="complaints">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing('new')} disabled={busy}>
          登记举报…
        </button>
        <button type="button" onClick={() => void importExchange()} disabled={busy}>
          导入举报交办文件…
        </button>
        <button type="button" onClick={() => void importTable()} disabled={busy}>
          导入交办件表格…
        </button>
        {office ? (
          <span className="send">
            <select aria-label="发给" value={sendTo} onChange={(e) => setSendTo(e.target.value)}>
              <option value="">（选择分办单位）</option>
              {stats.units.filter((u) => u.total > 0).map((u) => (
                <option key={u.unit}>{u.unit}</option>
              ))}
            </select>
            <label>
              <input type="checkbox" checked={withReporter} onChange={(e) => setWithReporter(e.target.checked)} />
              附带举报人信息（需回访时）
            </label>
            <button type="button" disabled={!sendTo} onClick={() => void exportExchange(sendTo)}>
              导出交办文件
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => void exportExchange(null)}>
            导出办理结果（报领导小组办公室）
          </button>
        )}
        <span className="grow" />
        <button type="button" onClick={() => void invoke('complaints:export', {}).then((r) => tellExport(r, setMessage, '登记表不含举报人信息，可打印存档。'))}>
          导出举报受理登记表
        </button>
      </div>
      <Notices notices={[...view.notices, ...(message ? [message] : [])]} onDismiss={() => setMessage(null)} />
      {table && (
        <ComplaintTableDialog
          preview={table.preview}
          office={office}
          busy={busy}
          onDefaultUnit={(unit) => void previewTable(table.fileName, table.data, unit)}
          onConfirm={() => void run(invoke('complaints:tableCommit', { stageId: table.preview.stageId }), (v) => v.message).then(() => setTable(null))}
          onCancel={() => setTable(null)}
        />
      )}
      <p className="complaint-stats">
        共受理举报 {stats.total} 件，已办结 {stats.done} 件，办结率 {stats.rate === null ? '—' : `${stats.rate.toFixed(1)}%`}
        {stats.overdue > 0 && <strong className="count-error">，逾期未办结 {stats.overdue} 件</strong>}。
      </p>
      <div className="complaints-body">
        <table className="plain register">
          <thead>
            <tr>
              <th>受理编号</th>
              <th>受理日期</th>
              <th>渠道</th>
              <th>被举报对象</th>
              <th>分办单位</th>
              <th>办理时限</th>
              <th>状态</th>
              <th>比对</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  尚无举报登记。
                </td>
              </tr>
            )}
            {view.rows.map((c) => (
              <tr key={c.no} className={[c.no === selected ? 'selected' : '', c.state === '逾期' ? 'overdue' : ''].join(' ')} onClick={() => setSelected(c.no)}>
                <td>
                  <button type="button" className="link" onClick={() => setSelected(c.no)}>
                    {c.no}
                  </button>
                  {c.sourceNo && <div className="muted">{c.sourceNo}</div>}
                </td>
                <td>{cnDate(c.receivedDate)}</td>
                <td>{c.channel}</td>
                <td title={c.targetAddress}>{c.target}</td>
                <td>{c.assignedUnit}</td>
                <td>{cnDate(c.dueDate)}</td>
                <td className={`state ${c.state}`}>{c.state}</td>
                <td>{c.matches.map((m) => m.label).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {editing && (
          <ComplaintForm
            key={editing === 'new' ? 'new' : row?.no}
            title={editing === 'new' ? '登记举报' : `修改${row?.no ?? ''}的登记信息`}
            initial={editing === 'new' ? emptyDraft(view.today, props.unit ?? view.units[0] ?? '') : editing}
            units={view.units}
            busy={busy}
            onSubmit={(d) => void save(d)}
            onCancel={() => setEditing(null)}
          />
        )}
        {!editing && row && (
          <ComplaintDetail
            key={row.no}
            row={row}
            today={view.today}
            unitSide={!office}
            busy={busy}
            onEdit={() => setEditing(draftOf(row))}
            onResult={(r) => void run(invoke('complaints:result', { no: row.no, result: r as ComplaintResult }), () => `已记录${row.no}的办理结果。`)}
            onToRecord={() =>
              void run(invoke('complaints:toRecord', { no: row.no }), (v) => `已在本单位台账中新增问题记录 ${v.problemNo}（来源：群众举报），请在台账中补全其余信息。`).then((ok) => ok && props.onLedgerChange?.())
            }
          />
        )}
      </div>
    </section>
  )
}
