import type { FieldIssue } from '@shared/domain/issues'
import { recordText } from '@shared/annexes/registry'
import type { IssueKind } from './issueVisibility'
import type { IssueCounts } from './issueVisibility'
import { countsLine, issueKind } from './issueVisibility'
import type { GridRow } from './ledgerModel'

export interface ListedIssue extends FieldIssue {
  kind: IssueKind
  rowId: string
  rowNumber: number
  rowName: string
  columnHeader: string
}

/** Problems listed at most: the rest are counted (a 20,000-row ledger can have tens of thousands). */
const SHOWN = 300

/** The panel's content: every problem counted, the first SHOWN of them listed. */
export interface ProblemList {
  counts: IssueCounts
  total: number
  items: ListedIssue[]
}

/** The order of the list. */
const KINDS: readonly IssueKind[] = ['error', 'incomplete', 'warning']

/** Every problem of the ledger shown, wrong values first, then fields still blank, then 提示; a click goes to the cell. */
export function ProblemsPanel(props: {
  list: ProblemList
  onPick: (issue: ListedIssue) => void
  onClose: () => void
}): React.JSX.Element {
  const { counts, total, items } = props.list
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
      {total === 0 ? (
        <p className="empty">没有发现问题。</p>
      ) : (
        <ol>
          {items.map((i) => (
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
      {total > items.length && <p className="more">另有 {total - items.length} 条未列出，请先修改上面的问题，或用筛选缩小范围。</p>}
    </aside>
  )
}

/** The same problem twice on one field (a list with two unknown values) differs in its message. */
const issueKey = (i: ListedIssue): string => `${i.rowId}:${i.field ?? ''}:${i.code}:${i.message}`

/**
 * The panel's list: wrong values first, then fields still blank, then 提示, in ledger order within each kind. It runs
 * after every edit, so only the listed problems become objects; the others are only counted.
 */
export function listIssues(
  rows: readonly GridRow[],
  issues: ReadonlyMap<string, readonly FieldIssue[]>,
  headerOf: (field: string | null) => string
): ProblemList {
  const counts: IssueCounts = { error: 0, incomplete: 0, warning: 0 }
  const first: Record<IssueKind, { row: number; issue: FieldIssue }[]> = { error: [], incomplete: [], warning: [] }
  rows.forEach((row, i) => {
    const own = issues.get(row.id)
    if (!own) return
    for (const issue of own) {
      const kind = issueKind(issue, row.fields)
      if (counts[kind]++ < SHOWN) first[kind].push({ row: i, issue })
    }
  })
  const items = KINDS.flatMap((kind) => first[kind].map(({ row, issue }) => ({ kind, row, issue })))
    .slice(0, SHOWN)
    .map(({ kind, row, issue }): ListedIssue => {
      const r = rows[row] as GridRow
      return { ...issue, kind, rowId: r.id, rowNumber: row + 1, rowName: recordText(r.fields, 'name'), columnHeader: headerOf(issue.field) }
    })
  return { counts, total: counts.error + counts.incomplete + counts.warning, items }
}
