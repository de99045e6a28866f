import type { ComplaintCounts } from '@shared/complaints/register'

export interface Kpi {
  label: string
  value: string
  tone?: 'bad' | 'good'
}

/** A row of headline figures. */
export function Kpis({ items }: { items: readonly Kpi[] }): React.JSX.Element {
  return (
    <div className="kpis">
      {items.map((k) => (
        <div key={k.label} className={`kpi ${k.tone ?? ''}`}>
          <span className="value">{k.value}</span>
          <span className="label">{k.label}</span>
        </div>
      ))}
    </div>
  )
}

/** 举报办结率 and the reports past their 办理时限, on the office's and a unit's dashboards alike. */
export function complaintKpis(c: ComplaintCounts): Kpi[] {
  return [
    { label: `举报办结率（${c.done}/${c.total}）`, value: c.rate === null ? '—' : `${c.rate.toFixed(1)}%` },
    { label: '逾期未办结举报', value: String(c.overdue), ...(c.overdue ? { tone: 'bad' as const } : {}) }
  ]
}
