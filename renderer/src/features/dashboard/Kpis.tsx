/** A row of headline figures. */
export function Kpis({ items }: { items: readonly { label: string; value: string; tone?: 'bad' | 'good' }[] }): React.JSX.Element {
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
