/** 每周进展 at the office: every unit's 附表 for the chosen Friday, who is late or missing, the city's report. */
import { useEffect, useState } from 'react'
import { weekly } from '@shared/annexes/weekly'
import { monthDay } from '@shared/domain/dates'
import type { WeeklyText } from '@shared/reports/weekly'
import { invoke } from '../../api/client'
import { useLoaded } from '../../api/useLoaded'
import type { ShowNotice } from '../exchange/exportNotice'
import { tellExport } from '../exchange/exportNotice'
import { FridaySelect } from '../reports/FridaySelect'
import { NarrativeEditor, REPORT_PARTS } from '../reports/NarrativeEditor'
import { FormRowsTable } from './FormRowsTable'

const columns = weekly.columns.filter((c) => c.kind !== 'seq' && c.key !== 'unit' && !c.multiline)

export function OfficeWeeklyPanel(props: { fridays: readonly string[]; today: string; onNotice: ShowNotice; onError: (m: string) => void }): React.JSX.Element {
  const { fridays, today, onNotice, onError } = props
  const [friday, setFriday] = useState(() => [...fridays].reverse().find((f) => f <= today) ?? fridays[0] ?? today)
  const [text, setText] = useState<WeeklyText | null>(null)
  const [view, setView] = useLoaded(() => invoke('office:weekly', { friday }), [friday], onError)
  useEffect(() => setText(view?.text ?? null), [view])
  const blockers = view?.exportBlockers ?? []
  const blocked = blockers.length > 0

  const save = async (): Promise<boolean> => {
    if (!text) return false
    const r = await invoke('office:weeklySave', { friday, text })
    if (!r.ok) onError(r.error.message)
    else setView(r.value)
    return r.ok
  }
  const exportAs = async (format: 'docx' | 'xlsx'): Promise<void> => {
    if (!(await save())) return
    await tellExport(await invoke('office:weeklyExport', { friday, format }), onNotice)
  }

  return (
    <section className="office-weekly">
      <div className="toolbar">
        <FridaySelect fridays={fridays} value={friday} onChange={setFriday} />
        <span className="grow" />
        <button type="button" className="primary" onClick={() => void save()} disabled={!text}>
          保存
        </button>
        <button type="button" onClick={() => void exportAs('docx')} disabled={!text || blocked} title={blockers.join('\n')}>
          导出全市报告（Word）
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={!text || blocked} title={blockers.join('\n')}>
          导出汇总附表（Excel）
        </button>
      </div>
      {blocked && (
        <p className="count-error" role="status">
          各单位报送的数字有 {blockers.length} 处不一致，暂不能导出：请在“核对”中逐项核实——退回单位改正，或写明原因后确认。
        </p>
      )}
      {view && (
        <>
          <p className={view.missing.length ? 'count-error' : ''}>
            {view.missing.length ? `未报送 ${view.missing.length} 个单位：${view.missing.join('、')}` : '应报单位均已报送。'}
            {view.rows.some((r) => r.late) && `　逾期报送：${view.rows.filter((r) => r.late).map((r) => r.unit).join('、')}`}
          </p>
          {view.rows.some((r) => r.followOn) && (
            <ul className="count-warning follow-on" aria-label="与上周不衔接">
              {view.rows
                .filter((r) => r.followOn)
                .map((r) => (
                  <li key={r.unit}>
                    {r.unit}的累计与上周不衔接（{r.followOn?.join('；')}）
                  </li>
                ))}
            </ul>
          )}
          <div className="preview-table">
            <FormRowsTable
              columns={columns}
              rows={view.rows.map((r) => ({
                ...r,
                ...(r.carried ? { note: `（未报送，沿用${monthDay(r.carried)}）`, className: 'carried' } : r.late ? { note: '（逾期）', className: 'late' } : {})
              }))}
              total={view.totals}
            />
          </div>
        </>
      )}
      {text && <NarrativeEditor text={text} parts={REPORT_PARTS} changed={view?.changed ?? []} refilled={view?.refilled ?? []} onChange={setText} />}
    </section>
  )
}
