import type { FieldIssue } from '@shared/domain/issues'
import { recordText } from '@shared/annexes/registry'
import type { IssueKind } from './issueVisibility'
import { countKinds, countsLine, issueKind } from './issueVisibility'
import type { GridRow } from './ledgerModel'

export interface ListedIssue extends FieldIssue {
  kind: IssueKind
  rowId: string
  rowNumber: number
  rowName: string
  columnHeader: string
}

const SHOWN = 300

const KIND_ORDER: Record<IssueKind, number> = { error: 0, incomplete: 1, warning: 2 }

/** Every problem of the ledger shown, wrong values first, then fields still blank, then 提示; a click goes to the cell. */
export function ProblemsPanel(props: {
  issues: readonly ListedIssue[]
  onPick: (issue: ListedIssue) => void
  onClose: () => void
}): React.JSX.Element {
  const counts = countKinds(props.issues)
  return (
    <aside className="problems" aria-label="问题清单">
      <header>
        <strong>问题清单</strong>
        <span className="counts" title="错误：填写的内容有误；未填完：必填项还空着；提示：请核实">
          {countsLine(counts)}
        </span>
        <button type="button" className="link" onClick={props.onClose}>
          收起
        </button>
      </header>
      {props.issues.length === 0 ? (
        <p className="empty">没有发现问题。</p>
      ) : (
        <ol>
          {props.issues.slice(0, SHOWN).map((i) => (
            // Keyed by the problem, not its place: a row's problems shown further up must not remount (and unfocus) this one.
            <li key={issueKey(i)} className={i.kind}>
              <button type="button" onClick={() => props.onPick(i)} title="定位到该单元格">
                <span className="where">
                  第{i.rowNumber}行 · {i.columnHeader}
                  {i.rowName ? `（${i.rowName}）` : ''}
                </span>
                <span className="what">{i.message}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {props.issues.length > SHOWN && <p className="more">另有 {props.issues.length - SHOWN} 条未列出，请先修改上面的问题，或用筛选缩小范围。</p>}
    </aside>
  )
}

/** The same problem twice on one field (a list with two unknown values) differs in its message. */
const issueKey = (i: ListedIssue): string => `${i.rowId}:${i.field ?? ''}:${i.code}:${i.message}`

/** Flattens validation results into the panel's list, in ledger order within each kind. */
export function listIssues(
  rows: readonly GridRow[],
  issues: ReadonlyMap<string, readonly FieldIssue[]>,
  headerOf: (field: string | null) => string
): ListedIssue[] {
  const out: ListedIssue[] = []
  rows.forEach((row, i) => {
    for (const issue of issues.get(row.id) ?? []) {
      out.push({ ...issue, kind: issueKind(issue, row.fields), rowId: row.id, rowNumber: i + 1, rowName: recordText(row.fields, 'name'), columnHeader: headerOf(issue.field) })
    }
  })
  return out.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
}
