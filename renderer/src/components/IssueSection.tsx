/** A folding list of findings, each with where it is (sheet · cell, or the row): the import previews' 错误 and 提示. */
import type { LocatedIssue } from '@shared/domain/issues'

function where(i: LocatedIssue): string {
  return [i.sheet, i.cell ?? i.range ?? (i.row ? `第${i.row}行` : '')].filter(Boolean).join(' · ')
}

export function IssueSection(props: { title: string; level: 'error' | 'warning'; issues: LocatedIssue[]; open: boolean }): React.JSX.Element | null {
  if (props.issues.length === 0) return null
  return (
    <details open={props.open}>
      <summary className={`count-${props.level}`}>
        {props.title}（{props.issues.length}）
      </summary>
      <ul className="issue-list">
        {props.issues.map((i, k) => (
          <li key={k} className={props.level}>
            <span className="where">{where(i)}</span> {i.message}
          </li>
        ))}
      </ul>
    </details>
  )
}
