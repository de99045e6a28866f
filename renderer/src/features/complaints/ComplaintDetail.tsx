/**
 * One report: what was registered, what it matches (a 销号 site: 死灰复燃线索; a record: 已在台账), the assigned unit's
 * 办理结果 and 反馈, the problem record it became, and its history.
 */
import { useState } from 'react'
import type { ComplaintResult } from '@shared/complaints/register'
import { VERIFIED_VALUES } from '@shared/complaints/register'
import { chinaDate } from '@shared/domain/chinaTime'
import { cnDate } from '@shared/domain/dates'
import type { ComplaintsView } from '@shared/ipc/contract'
import { DateField } from '../ledger/editors/DateField'
import { typedDate } from '../ledger/editors/dateText'

type Row = ComplaintsView['rows'][number]
type ResultDraft = Omit<ComplaintResult, 'verified'> & { verified: ComplaintResult['verified'] | '' }


export function ComplaintDetail(props: {
  row: Row
  today: string
  /** A unit's own register: the report can become a record of its ledger. */
  unitSide: boolean
  busy: boolean
  onResult: (result: ResultDraft) => void
  onToRecord: () => void
  onEdit: () => void
}): React.JSX.Element {
  const { row } = props
  const [r, setR] = useState<ResultDraft>(row.handling ?? { result: '', doneDate: props.today, feedbackDate: '', verified: '' })
  const set = <K extends keyof ResultDraft>(key: K, value: ResultDraft[K]): void => setR((x) => ({ ...x, [key]: value }))
  return (
    <aside className="complaint-detail" aria-label="举报详情">
      <h3>
        {row.no}
        <span className={`state ${row.state}`}>{row.state}</span>
      </h3>
      <dl>
        <dt>受理</dt>
        <dd>
          {cnDate(row.receivedDate)}，{row.channel}，{row.registrar}登记（{row.registeredBy}）
        </dd>
        {row.reporter && (
          <>
            <dt>举报人</dt>
            <dd>
              {row.reporter} {row.reporterPhone}（保密）
            </dd>
          </>
        )}
        <dt>被举报对象</dt>
        <dd>
          {row.target}
          {row.targetAddress && `（${row.targetAddress}）`}
        </dd>
        <dt>举报内容</dt>
        <dd>{row.content}</dd>
        <dt>分办</dt>
        <dd>
          {row.assignedUnit}
          {row.dueDate && `，${cnDate(row.dueDate)}前办结`}
        </dd>
      </dl>
      {row.mayEdit && (
        <button type="button" className="link" onClick={props.onEdit}>
          修改登记信息
        </button>
      )}
      <h4>比对结果</h4>
      {row.matches.length === 0 ? (
        <p className="muted">台账和已销号企业中没有相符的记录。</p>
      ) : (
        <ul className="matches">
          {row.matches.map((m) => (
            <li key={m.kind} className={m.kind === 'resurgence' ? 'count-error' : ''}>
              {m.message}
            </li>
          ))}
        </ul>
      )}
      {row.record ? (
        <p>
          已转为问题记录：{row.record.unit} {row.record.problemNo}
        </p>
      ) : (
        props.unitSide &&
        row.mayHandle && (
          <button type="button" onClick={props.onToRecord} disabled={props.busy}>
            转为问题记录（来源：群众举报）
          </button>
        )
      )}
      <h4>办理结果</h4>
      {row.mayHandle ? (
        <form
          className="complaint-result"
          onSubmit={(e) => {
            e.preventDefault()
            props.onResult({ ...r, doneDate: typedDate(r.doneDate), feedbackDate: typedDate(r.feedbackDate) })
          }}
        >
          <label>
            是否属实
            <select value={r.verified} onChange={(e) => set('verified', e.target.value as ResultDraft['verified'])}>
              <option value="">（请选择）</option>
              {VERIFIED_VALUES.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
          <label>
            办理结果
            <textarea rows={3} value={r.result} onChange={(e) => set('result', e.target.value)} />
          </label>
          <div className="date">
            <span>办结日期</span>
            <DateField label="办结日期" value={r.doneDate} onChange={(v) => set('doneDate', v)} onPick={(v) => set('doneDate', v)} />
          </div>
          <div className="date">
            <span>反馈举报人日期</span>
            <DateField label="反馈举报人日期" value={r.feedbackDate} onChange={(v) => set('feedbackDate', v)} onPick={(v) => set('feedbackDate', v)} />
          </div>
          <button type="submit" className="primary" disabled={props.busy}>
            {row.handling ? '修改办理结果' : '办结'}
          </button>
        </form>
      ) : row.handling ? (
        <p>
          （{row.handling.verified === '是' ? '属实' : row.handling.verified === '否' ? '不属实' : '部分属实'}）{row.handling.result}，{cnDate(row.handling.doneDate)}办结
          {row.handling.feedbackDate && `，${cnDate(row.handling.feedbackDate)}反馈举报人`}
        </p>
      ) : (
        <p className="muted">等待{row.assignedUnit}办理。</p>
      )}
      <h4>办理过程</h4>
      <ol className="complaint-history">
        {row.history.map((h, i) => (
          <li key={i}>
            {cnDate(chinaDate(new Date(h.at)))} {h.by} {h.event}
            {h.note && `：${h.note}`}
          </li>
        ))}
      </ol>
    </aside>
  )
}
