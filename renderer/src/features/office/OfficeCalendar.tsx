/**
 * 工作日程 at the office: the plan's dates and those in force; the office moves one (with reason and approval) and
 * sends the calendar to the units as a file.
 */
import { useState } from 'react'
import { chinaDateTime } from '@shared/domain/chinaTime'
import { cnDate } from '@shared/domain/dates'
import { dateFromTyped } from '@shared/validation/cellInput'
import { invoke } from '../../api/client'
import { useLoaded } from '../../api/useLoaded'
import type { ShowNotice } from '../exchange/exportNotice'
import { tellExport } from '../exchange/exportNotice'
import { DateField } from '../ledger/editors/DateField'

interface Props {
  /** The calendar changed: the page reads the campaign again. */
  onChanged: () => void
  onNotice: ShowNotice
  onError: (message: string) => void
}

export function OfficeCalendar({ onChanged, onNotice, onError }: Props): React.JSX.Element {
  const [view, setView] = useLoaded(() => invoke('calendar:view', {}), [], onError)
  const [editing, setEditing] = useState<{ target: string; date: string; reason: string; approvedBy: string } | null>(null)
  if (!view) return <p className="loading">正在读取工作日程……</p>

  const save = async (): Promise<void> => {
    if (!editing) return
    const r = await invoke('calendar:change', { ...editing, date: dateFromTyped(editing.date) ?? editing.date })
    if (!r.ok) return onError(r.error.details?.join('；') ?? r.error.message)
    setView(r.value)
    setEditing(null)
    onChanged()
    onNotice({ level: 'info', message: `已调整为第${r.value.version}版工作日程。请导出日程文件发给各单位，各单位导入后按新的时间提醒和报送。` })
  }
  const exportFile = async (): Promise<void> => {
    await tellExport(await invoke('calendar:export', {}), onNotice)
  }
  const what = (id: string): string => view.targets.find((t) => t.id === id)?.what ?? id

  return (
    <section className="office-calendar" aria-label="工作日程">
      <h3>
        报送时间（{view.version ? `第${view.version}版，已调整 ${view.changes.length} 次` : '按工作方案'}）
        <button type="button" onClick={() => void exportFile()} disabled={view.version === 0}>
          导出日程文件（发各单位）
        </button>
      </h3>
      <table className="plain">
        <thead>
          <tr>
            <th>事项</th>
            <th>方案规定</th>
            <th>现行时间</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {view.targets.map((t) => (
            <tr key={t.id}>
              <td>{t.what}</td>
              <td>{cnDate(t.planned)}</td>
              <td className={t.date !== t.planned ? 'changed' : ''}>{cnDate(t.date)}</td>
              <td>
                {editing?.target === t.id ? (
                  <span className="calendar-edit">
                    <DateField label={`${t.what} 新的时间`} value={editing.date} onChange={(date) => setEditing({ ...editing, date })} onPick={(date) => setEditing({ ...editing, date })} />
                    <input aria-label="调整原因" placeholder="调整原因" value={editing.reason} onChange={(e) => setEditing({ ...editing, reason: e.target.value })} />
                    <input aria-label="批准人或批准文件" placeholder="批准人或批准文件" value={editing.approvedBy} onChange={(e) => setEditing({ ...editing, approvedBy: e.target.value })} />
                    <button type="button" className="primary" onClick={() => void save()}>
                      确认调整
                    </button>
                    <button type="button" onClick={() => setEditing(null)}>
                      取消
                    </button>
                  </span>
                ) : (
                  <button type="button" className="link" onClick={() => setEditing({ target: t.id, date: t.date, reason: '', approvedBy: '' })}>
                    调整
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.changes.length > 0 && (
        <ol className="calendar-changes" aria-label="调整记录">
          {view.changes.map((c, i) => (
            <li key={i}>
              {chinaDateTime(c.at)} {c.by}：{what(c.target)}改为{cnDate(c.date)}（原因：{c.reason}；批准：{c.approvedBy}）
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
