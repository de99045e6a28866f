/**
 * 每周工作进展: the Friday report of the unit, figures from the ledger, texts drafted and edited, two documents out;
 * and the 月度工作总结 of the Friday's month, drafted for Word.
 */
import { useEffect, useState } from 'react'
import { monthDay } from '@shared/domain/dates'
import { CATEGORIES } from '@shared/domain/enums'
import type { WeeklyText } from '@shared/reports/weekly'
import { monthStart } from '@shared/reports/draft'
import { invoke } from '../../api/client'
import { useLoaded } from '../../api/useLoaded'
import type { PageNotice } from '../../components/Notices'
import { Notices } from '../../components/Notices'
import { tellExport } from '../exchange/exportNotice'
import { FridaySelect } from './FridaySelect'
import { NarrativeEditor, REPORT_PARTS, TABLE_PARTS } from './NarrativeEditor'

/** The Friday to show first: the last report Friday on or before today, else the first one. */
function defaultFriday(fridays: readonly string[], today: string): string {
  return [...fridays].reverse().find((f) => f <= today) ?? fridays[0] ?? today
}

export function WeeklyPage({ unitId, today, fridays }: { unitId: string; today: string; fridays: readonly string[] }): React.JSX.Element {
  const [friday, setFriday] = useState(() => defaultFriday(fridays, today))
  const [message, setMessage] = useState<PageNotice | null>(null)
  const [text, setText] = useState<WeeklyText | null>(null)
  const [view, setView] = useLoaded(() => invoke('weekly:view', { unitId, friday }), [unitId, friday], (m) => setMessage({ level: 'error', message: m }))
  useEffect(() => setText(view?.text ?? null), [view])

  const save = async (): Promise<boolean> => {
    if (!text) return false
    const r = await invoke('weekly:save', { unitId, friday, text })
    if (!r.ok) {
      setMessage({ level: 'error', message: r.error.message })
      return false
    }
    setView(r.value)
    setMessage({ level: 'info', message: `已保存第${r.value.issueNo}期工作进展。` })
    return true
  }

  const exportAs = async (format: 'docx' | 'xlsx'): Promise<void> => {
    if (!(await save())) return
    await tellExport(await invoke('weekly:export', { unitId, friday, format }), setMessage, '请于周五中午前报送。')
  }

  /** The 月度工作总结 of the selected Friday's month: a draft to finish in Word, not edited here. */
  const exportSummary = async (): Promise<void> => {
    const period = `${monthDay(monthStart(friday))}至${monthDay(friday)}`
    await tellExport(await invoke('weekly:summaryExport', { unitId, friday }), setMessage, `总结期为${period}，请在 Word 或 WPS 中补充主要做法后，连同附件3一并报送。`)
  }

  const f = view?.figures
  return (
    <section className="weekly">
      <div className="toolbar">
        <FridaySelect fridays={view?.fridays ?? fridays} value={friday} onChange={setFriday} />
        {view && <span className="muted">统计期：{monthDay(view.from)}—{monthDay(view.friday)}{view.saved ? `　已保存（${view.saved.by}）` : '　未保存，以下为按台账自动起草的稿子'}</span>}
        <span className="grow" />
        <button type="button" className="primary" onClick={() => void save()} disabled={!text}>
          保存
        </button>
        <button type="button" onClick={() => void exportAs('docx')} disabled={!text}>
          导出报告（Word）
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={!text}>
          导出附表（Excel）
        </button>
        <button type="button" onClick={() => void exportSummary()} title="按所选周五所在的月份起草，随附件3报送">
          导出月度工作总结（Word）
        </button>
      </div>
      <Notices notices={message ? [message] : []} onDismiss={() => setMessage(null)} />
      {f && (
        <table className="plain figures" aria-label="本周数据">
          <thead>
            <tr>
              <th>项目</th>
              <th>本周</th>
              <th>累计</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>摸底问题数</td>
              <td>新发现 {f.newFinds}</td>
              <td>{f.records}</td>
            </tr>
            {CATEGORIES.map((c) => (
              <tr key={c}>
                <td>完成整治：{c}</td>
                <td>{f.doneThisWeek[c]}</td>
                <td>{f.doneToDate[c]}</td>
              </tr>
            ))}
            <tr>
              <td>累计完成率</td>
              <td />
              <td>{f.doneRate === null ? '—' : `${f.doneRate.toFixed(1)}%`}</td>
            </tr>
            <tr>
              <td>两断三清（户）</td>
              <td>{f.tlcThisWeek}</td>
              <td>{f.tlcToDate}</td>
            </tr>
            <tr>
              <td>立案查处（起）</td>
              <td>{f.casesThisWeek}</td>
              <td>{f.casesToDate}</td>
            </tr>
            <tr>
              <td>罚款（万元）</td>
              <td>{f.finesThisWeek.toFixed(2)}</td>
              <td>{f.finesToDate.toFixed(2)}</td>
            </tr>
            <tr>
              <td>回头看核查 / 发现反弹</td>
              <td />
              <td>
                {f.huikanChecked} / {f.huikanRebounds}
              </td>
            </tr>
            <tr>
              <td>逾期未完成</td>
              <td />
              <td className={f.overdue ? 'count-error' : ''}>{f.overdue}</td>
            </tr>
          </tbody>
        </table>
      )}
      {text && <NarrativeEditor text={text} parts={[...REPORT_PARTS, ...TABLE_PARTS]} changed={view?.changed ?? []} refilled={view?.refilled ?? []} onChange={setText} />}
    </section>
  )
}
