/**
 * A table head laid out as the printed forms are: consecutive columns of one group (问题类型: 散 乱 污) under one
 * parent cell, every other column spanning both rows. One row only when no column has a group.
 */
export interface HeaderColumn {
  header: string
  group?: string | undefined
}

interface Run {
  group?: string
  headers: string[]
}

function runsOf(columns: readonly HeaderColumn[]): Run[] {
  const runs: Run[] = []
  for (const c of columns) {
    const last = runs[runs.length - 1]
    if (c.group && last?.group === c.group) last.headers.push(c.header)
    else runs.push({ ...(c.group ? { group: c.group } : {}), headers: [c.header] })
  }
  return runs
}

/** `lead` heads the first column (单位), which has no definition of its own. */
export function GroupedHeader({ lead, columns }: { lead: string; columns: readonly HeaderColumn[] }): React.JSX.Element {
  const runs = runsOf(columns)
  const rows = runs.some((r) => r.group) ? 2 : 1
  return (
    <thead>
      <tr>
        <th rowSpan={rows}>{lead}</th>
        {runs.map((run, i) =>
          run.group ? (
            <th key={i} colSpan={run.headers.length}>
              {run.group}
            </th>
          ) : (
            <th key={i} rowSpan={rows}>
              {run.headers[0]}
            </th>
          )
        )}
      </tr>
      {rows === 2 && <tr>{runs.flatMap((run, i) => (run.group ? run.headers.map((h) => <th key={`${i}-${h}`}>{h}</th>) : []))}</tr>}
    </thead>
  )
}
