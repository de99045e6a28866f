import type { SubmissionSummary } from '@shared/merge/types'
import { cnDate } from '@shared/domain/dates'
import { STATUS_LABEL } from './labels'

/** Received files with what became of them and the row counts the reconciliation checks. */
export function SubmissionsTable(props: {
  rows: readonly (SubmissionSummary & { errors?: number })[]
  /** Extra content of the 说明 cell, e.g. a restore button for a superseded file. */
  action?: (s: SubmissionSummary) => React.ReactNode
}): React.JSX.Element {
  return (
    <table className="plain files">
      <thead>
        <tr>
          <th>文件</th>
          <th>填报单位</th>
          <th>填报日期</th>
          <th>处理</th>
          <th>读取</th>
          <th>采用</th>
          <th>其中有错误</th>
          <th>退回</th>
          <th>空行</th>
          <th>说明</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((s) => (
          <tr key={`${s.file}:${s.sha256}:${s.status}`} className={s.status}>
            <td title={`SHA-256 ${s.sha256}`}>{s.file}</td>
            <td>{s.unit ?? '（未能确定）'}</td>
            <td>{cnDate(s.filledDate)}</td>
            <td className={`status ${s.status}`}>{STATUS_LABEL[s.status]}</td>
            <td>{s.read}</td>
            <td>{s.accepted}</td>
            <td className={s.flagged ? 'count-error' : ''}>{s.flagged}</td>
            <td>{s.rejected}</td>
            <td>{s.blankSkipped}</td>
            <td>
              {s.reason}
              {props.action?.(s)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
