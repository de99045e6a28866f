/**
 * 登记举报 (or correct a registration): 受理日期, 渠道, the reporter (optional, kept confidential), the reported party,
 * what was reported, 分办单位 and 办理时限. Dates are typed as everywhere in the program (DateField).
 */
import { useState } from 'react'
import type { ComplaintInput } from '@shared/complaints/register'
import { COMPLAINT_CHANNELS } from '@shared/complaints/register'
import { typedDate } from '../ledger/editors/dateText'
import { DateField } from '../ledger/editors/DateField'

export type ComplaintDraft = Omit<ComplaintInput, 'channel'> & { channel: ComplaintInput['channel'] | '' }

export function emptyDraft(today: string, assignedUnit: string): ComplaintDraft {
  return { receivedDate: today, channel: '', reporter: '', reporterPhone: '', target: '', targetAddress: '', targetOperator: '', targetPhone: '', content: '', assignedUnit, dueDate: '' }
}

/** A registered report's registration, to correct. */
export function draftOf(c: ComplaintInput): ComplaintDraft {
  const { receivedDate, channel, reporter, reporterPhone, target, targetAddress, targetOperator, targetPhone, content, assignedUnit, dueDate } = c
  return { receivedDate, channel, reporter, reporterPhone, target, targetAddress, targetOperator, targetPhone, content, assignedUnit, dueDate }
}


/** The draft as sent. */
export function typedInput(d: ComplaintDraft): ComplaintDraft {
  return { ...d, receivedDate: typedDate(d.receivedDate), dueDate: typedDate(d.dueDate) }
}

export function ComplaintForm(props: {
  initial: ComplaintDraft
  units: readonly string[]
  title: string
  busy: boolean
  onSubmit: (draft: ComplaintDraft) => void
  onCancel: () => void
}): React.JSX.Element {
  const [d, setD] = useState(props.initial)
  const set = <K extends keyof ComplaintDraft>(key: K, value: ComplaintDraft[K]): void => setD((x) => ({ ...x, [key]: value }))
  const text = (key: 'reporter' | 'reporterPhone' | 'target' | 'targetAddress' | 'targetOperator' | 'targetPhone', label: string): React.JSX.Element => (
    <label>
      {label}
      <input value={d[key] ?? ''} onChange={(e) => set(key, e.target.value)} />
    </label>
  )
  return (
    <form
      className="complaint-form"
      aria-label={props.title}
      onSubmit={(e) => {
        e.preventDefault()
        props.onSubmit(d)
      }}
    >
      <h3>{props.title}</h3>
      <div className="complaint-fields">
        <div className="date">
          <span>受理日期</span>
          <DateField label="受理日期" value={d.receivedDate} onChange={(v) => set('receivedDate', v)} onPick={(v) => set('receivedDate', v)} />
        </div>
        <label>
          受理渠道
          <select value={d.channel} onChange={(e) => set('channel', e.target.value as ComplaintDraft['channel'])}>
            <option value="">（请选择）</option>
            {COMPLAINT_CHANNELS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        {text('reporter', '举报人（可不填）')}
        {text('reporterPhone', '举报人电话（可不填）')}
        {text('target', '被举报对象')}
        {text('targetAddress', '被举报地址')}
        {text('targetOperator', '经营者（知道时填）')}
        {text('targetPhone', '经营者电话（知道时填）')}
        <label className="wide">
          举报内容
          <textarea rows={3} value={d.content} onChange={(e) => set('content', e.target.value)} />
        </label>
        <label>
          分办单位
          <select value={d.assignedUnit} onChange={(e) => set('assignedUnit', e.target.value)}>
            {props.units.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
        <div className="date">
          <span>办理时限</span>
          <DateField label="办理时限" value={d.dueDate} onChange={(v) => set('dueDate', v)} onPick={(v) => set('dueDate', v)} />
        </div>
      </div>
      <p className="hint">举报人信息依法保密：不打印在登记表上，发给办理单位时默认不附带。</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>
          保存
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          取消
        </button>
      </div>
    </form>
  )
}
