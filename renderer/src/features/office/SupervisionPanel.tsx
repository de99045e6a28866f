/**
 * 督办通知: issue a numbered notice (NoticeForm), print it, and record the unit's 反馈; notices without 反馈 past
 * their 办理时限 stand out in the register.
 */
import { useState } from 'react'
import type { Campaign } from '@shared/campaign/campaign'
import type { OfficeView } from '@shared/ipc/contract'
import { invoke } from '../../api/client'
import type { ShowNotice } from '../exchange/exportNotice'
import { tellExport } from '../exchange/exportNotice'
import { cnDate } from '@shared/domain/dates'
import { DateField } from '../ledger/editors/DateField'
import { typedDate } from '../ledger/editors/dateText'
import { NoticeForm } from './NoticeForm'

interface Props {
  campaign: Campaign
  view: OfficeView
  onView: (view: OfficeView) => void
  onNotice: ShowNotice
  onError: (message: string) => void
}

export function SupervisionPanel({ campaign, view, onView, onNotice, onError }: Props): React.JSX.Element {
  const [feedback, setFeedback] = useState<Record<string, { date: string; result: string }>>({})

  const exportNotice = async (year: number, seq: number): Promise<void> => {
    await tellExport(await invoke('office:noticeExport', { year, seq }), onNotice)
  }

  const recordFeedback = async (year: number, seq: number): Promise<void> => {
    const f = feedback[`${year}-${seq}`] ?? { date: view.today, result: '' }
    const r = await invoke('office:noticeFeedback', { year, seq, date: typedDate(f.date) || view.today, result: f.result })
    if (!r.ok) return onError(r.error.details?.join('；') ?? r.error.message)
    onView(r.value)
  }

  return (
    <section className="supervision">
      <NoticeForm campaign={campaign} view={view} onView={onView} onError={onError} />
      <h3>督办通知登记</h3>
      {view.supervision.length === 0 ? (
        <p className="empty">尚未印发督办通知。</p>
      ) : (
        <table className="plain register">
          <thead>
            <tr>
              <th>编号</th>
              <th>主送（抄送）</th>
              <th>印发日期</th>
              <th>事项</th>
              <th>办理时限</th>
              <th>反馈</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.supervision.map((n) => {
              const key = `${n.year}-${n.seq}`
              const f = feedback[key] ?? { date: view.today, result: '' }
              return (
                <tr key={key} className={n.overdue ? 'overdue' : ''}>
                  <td>{n.number}</td>
                  <td>
                    {n.unit}
                    {n.copyTo.length > 0 && <small>（抄送{n.copyTo.join('、')}）</small>}
                  </td>
                  <td>{cnDate(n.issuedAt)}</td>
                  <td>{n.items.length ? `${n.items.length} 项` : '工作督办'}</td>
                  <td>
                    {cnDate(n.deadline)}
                    {n.overdue && <strong className="count-error"> 逾期未反馈</strong>}
                  </td>
                  <td>
                    {n.feedback ? (
                      `${cnDate(n.feedback.date)}：${n.feedback.result}`
                    ) : (
                      <span className="feedback-form">
                        <DateField label={`${n.number} 反馈日期`} value={f.date} onChange={(date) => setFeedback({ ...feedback, [key]: { ...f, date } })} onPick={(date) => setFeedback({ ...feedback, [key]: { ...f, date } })} />
                        <input aria-label={`${n.number} 办理结果`} placeholder="办理结果" value={f.result} onChange={(e) => setFeedback({ ...feedback, [key]: { ...f, result: e.target.value } })} />
                        <button type="button" onClick={() => void recordFeedback(n.year, n.seq)}>
                          记录反馈
                        </button>
                      </span>
                    )}
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => void exportNotice(n.year, n.seq)}>
                      导出 Word
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
