/**
 * 导入交办件预览: what a 督察信访件 / 交办 list becomes in the register — a report per 受理编号 with its 分办单位 and
 * result, every finding at its cell — and, at the office, the default unit for rows that name none. Nothing is
 * registered before 确认导入.
 */
import { cnDate } from '@shared/domain/dates'
import type { ComplaintTablePreview, TableRowStatus } from '@shared/complaints/table'
import { IssueSection } from '../../components/IssueSection'

const ROWS_SHOWN = 200
const STATUS: Record<TableRowStatus, string> = { new: '新登记', existing: '已登记', result: '补记办理结果', needUnit: '待选分办单位', error: '有错误', skipped: '未导入' }
const short = (text: string, n = 40): string => ([...text].length > n ? `${[...text].slice(0, n).join('')}…` : text)

export function ComplaintTableDialog(props: {
  preview: ComplaintTablePreview
  /** The office chooses a default unit; a unit's own rows go to itself. */
  office: boolean
  busy: boolean
  onDefaultUnit: (unit: string | null) => void
  onConfirm: () => void
  onCancel: () => void
}): React.JSX.Element {
  const p = props.preview
  const c = p.counts
  const errors = p.issues.filter((i) => i.severity === 'error')
  const warnings = p.issues.filter((i) => i.severity === 'warning')
  const label = p.ready ? `确认导入（新登记 ${c.new} 件${c.result ? `，补记办理结果 ${c.result} 件` : ''}）` : c.withErrors + c.needUnit > 0 ? '请先处理错误' : '没有需要导入的交办件'
  return (
    <div className="dialog-backdrop">
      <div className="dialog import-preview" role="dialog" aria-modal="true" aria-label="导入交办件预览">
        <h2>导入交办件预览：{p.file}</h2>
        {p.refused ? (
          <p className="form-error">文件无法导入，登记簿没有任何改动。</p>
        ) : (
          <>
            <p className="facts">工作表：{p.sheet}　每个受理编号登记为一件举报，渠道按表中所写（未写明的记为“上级交办”），原受理编号保留。</p>
            <p className="chips" aria-label="导入结果">
              <span className="chip">交办件 {c.reports}</span>
              <span className="chip new">新登记 {c.new}（其中已办结 {c.done}）</span>
              {c.result > 0 && <span className="chip changed">补记办理结果 {c.result}</span>}
              {c.existing > 0 && <span className="chip">已在登记簿 {c.existing}</span>}
              {c.skipped > 0 && <span className="chip">无受理编号未导入 {c.skipped} 行</span>}
              {c.needUnit > 0 && <span className="chip error">待选分办单位 {c.needUnit}</span>}
              {c.withErrors > 0 && <span className="chip error">有错误 {c.withErrors}</span>}
            </p>
            {props.office && (c.needUnit > 0 || p.defaultUnit) && (
              <label className="confirm-other">
                表中未写明镇（街道）的交办件分办给：
                <select aria-label="默认分办单位" value={p.defaultUnit ?? ''} disabled={props.busy} onChange={(e) => props.onDefaultUnit(e.target.value || null)}>
                  <option value="">（请选择）</option>
                  {p.units.map((u) => (
                    <option key={u}>{u}</option>
                  ))}
                </select>
              </label>
            )}
            <div className="preview-table">
              <table className="plain">
                <thead>
                  <tr>
                    <th>行</th>
                    <th>结果</th>
                    <th>受理编号</th>
                    <th>受理日期</th>
                    <th>渠道</th>
                    <th>被举报对象 / 内容</th>
                    <th>分办单位</th>
                    <th>办理结果</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.slice(0, ROWS_SHOWN).map((r) => (
                    <tr key={r.rows.join(',')} className={r.status === 'new' ? 'new' : r.status === 'result' ? 'changed' : r.status}>
                      <td>{r.rows.join('、')}</td>
                      <td>{STATUS[r.status]}</td>
                      <td>
                        {r.sourceNo}
                        {r.existingNo && <div className="muted">{r.existingNo}</div>}
                      </td>
                      <td>{cnDate(r.receivedDate)}</td>
                      <td>{r.channel}</td>
                      <td title={r.content}>{short(r.content.startsWith(r.target) ? r.content : `${r.target}：${r.content}`)}</td>
                      <td>
                        {r.assignedUnit || '—'}
                        {r.unitFrom && <div className="muted">（{r.unitFrom}）</div>}
                      </td>
                      <td title={r.result?.result}>{r.result ? `${r.result.verified === '否' ? '不属实' : r.result.verified === '是' ? '属实' : r.result.verified}，${cnDate(r.result.doneDate)}办结` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.rows.length > ROWS_SHOWN && <p className="more">只列出前 {ROWS_SHOWN} 件，共 {p.rows.length} 件。</p>}
            </div>
          </>
        )}
        <IssueSection title="错误" level="error" issues={errors} open />
        <IssueSection title="提示" level="warning" issues={warnings} open={p.refused} />
        <div className="actions">
          {!p.refused && (
            <button type="button" className="primary" disabled={props.busy || !p.ready} onClick={props.onConfirm}>
              {props.busy ? '导入中…' : label}
            </button>
          )}
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            {p.refused ? '关闭' : '取消'}
          </button>
        </div>
      </div>
    </div>
  )
}
