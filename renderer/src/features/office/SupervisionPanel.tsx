/**
 * 督办通知: pick a unit, tick the items (its overdue rows and open conflicts), issue a numbered notice, print it, and
 * record the unit's 反馈; notices without 反馈 past their 办理时限 stand out in the register.
 */
import { useEffect, useState } from 'react'
import type { Campaign } from '@shared/campaign/campaign'
import type { OfficeView } from '@shared/ipc/contract'
import { DEFAULT_REQUIREMENTS } from '@shared/office/notices'
import type { NoticeItem } from '@shared/reports/documents'
import { invoke } from '../../api/client'
import type { ShowNotice } from '../exchange/exportNotice'
import { saveAndTell } from '../exchange/exportNotice'
import { cnDate } from '@shared/domain/dates'
import { dateFromTyped } from '@shared/validation/cellInput'
import { DateField } from '../ledger/editors/DateField'

const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

interface Props {
  campaign: Campaign
  view: OfficeView
  onView: (view: OfficeView) => void
  onNotice: ShowNotice
  onError: (message: string) => void
}

export function SupervisionPanel({ campaign, view, onView, onNotice, onError }: Props): React.JSX.Element {
  const [unit, setUnit] = useState('')
  const [candidates, setCandidates] = useState<NoticeItem[]>([])
  const [chosen, setChosen] = useState<Set<number>>(new Set())
  const [requirements, setRequirements] = useState(DEFAULT_REQUIREMENTS.join('\n'))
  const [deadline, setDeadline] = useState(addDays(view.today, 7))
  const [feedback, setFeedback] = useState<Record<string, { date: string; result: string }>>({})

  useEffect(() => {
    if (!unit) return setCandidates([])
    void invoke('office:noticeCandidates', { unit }).then((r) => {
      if (!r.ok) return onError(r.error.message)
      setCandidates(r.value)
      setChosen(new Set(r.value.map((_, i) => i)))
    })
  }, [unit])

  const issue = async (): Promise<void> => {
    const items = candidates.filter((_, i) => chosen.has(i))
    const r = await invoke('office:noticeIssue', {
      unit,
      source: '汇总核查',
      items,
      requirements: requirements.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
      // Typed as dates are typed everywhere; text that is no date is refused by the service with its message.
      deadline: dateFromTyped(deadline) ?? deadline
    })
    if (!r.ok) return onError(r.error.details?.join('；') ?? r.error.message)
    onView(r.value)
    setUnit('')
  }

  const exportNotice = async (year: number, seq: number): Promise<void> => {
    const r = await invoke('office:noticeExport', { year, seq })
    if (!r.ok) return onError(r.error.message)
    await saveAndTell(r.value, onNotice)
  }

  const recordFeedback = async (year: number, seq: number): Promise<void> => {
    const f = feedback[`${year}-${seq}`] ?? { date: view.today, result: '' }
    const r = await invoke('office:noticeFeedback', { year, seq, date: (f.date && (dateFromTyped(f.date) ?? f.date)) || view.today, result: f.result })
    if (!r.ok) return onError(r.error.details?.join('；') ?? r.error.message)
    onView(r.value)
  }

  const toggle = (i: number): void => {
    const next = new Set(chosen)
    if (next.has(i)) next.delete(i)
    else next.add(i)
    setChosen(next)
  }

  return (
    <section className="supervision">
      <div className="issue-form" aria-label="印发督办通知">
        <h3>印发督办通知</h3>
        <label>
          被督办单位：
          <select aria-label="被督办单位" value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">（请选择）</option>
            {campaign.units.map((u) => (
              <option key={u.id}>{u.name}</option>
            ))}
          </select>
        </label>
        {unit && candidates.length === 0 && <p className="empty">{unit}目前没有逾期或待核实的事项。</p>}
        {candidates.length > 0 && (
          <table className="plain">
            <thead>
              <tr>
                <th />
                <th>问题编号</th>
                <th>企业（场所）名称</th>
                <th>详细地址</th>
                <th>督办事项</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c, i) => (
                <tr key={i}>
                  <td>
                    <input type="checkbox" aria-label={`选择 ${c.name}`} checked={chosen.has(i)} onChange={() => toggle(i)} />
                  </td>
                  <td>{c.problemNo || '—'}</td>
                  <td>{c.name}</td>
                  <td>{c.address}</td>
                  <td>{c.issue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {unit && candidates.length > 0 && (
          <>
            <label>
              整改要求（每行一条）
              <textarea rows={4} value={requirements} onChange={(e) => setRequirements(e.target.value)} />
            </label>
            <div className="labelled">
              办理时限：
              <DateField label="办理时限" value={deadline} onChange={setDeadline} onPick={setDeadline} />
            </div>
            <button type="button" className="primary" disabled={chosen.size === 0} onClick={() => void issue()}>
              印发督办通知（{chosen.size} 项）
            </button>
          </>
        )}
      </div>
      <h3>督办通知登记</h3>
      {view.supervision.length === 0 ? (
        <p className="empty">尚未印发督办通知。</p>
      ) : (
        <table className="plain register">
          <thead>
            <tr>
              <th>编号</th>
              <th>被督办单位</th>
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
                  <td>{n.unit}</td>
                  <td>{cnDate(n.issuedAt)}</td>
                  <td>{n.items.length} 项</td>
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
