/** Units to tick (抄送, the units a record is about): folded under a summary that names those ticked. */
import type { CampaignUnit } from '@shared/campaign/campaign'

interface Props {
  label: string
  units: readonly CampaignUnit[]
  value: readonly string[]
  onChange: (names: string[]) => void
  /** Said when none is ticked. */
  none: string
}

export function UnitChecklist({ label, units, value, onChange, none }: Props): React.JSX.Element {
  return (
    <details className="unit-checklist">
      <summary>
        {label}
        {value.length ? `：${value.join('、')}` : `（${none}）`}
      </summary>
      <div className="copy-to">
        {units.map((u) => (
          <label key={u.id}>
            <input type="checkbox" checked={value.includes(u.name)} onChange={(e) => onChange(e.target.checked ? [...value, u.name] : value.filter((x) => x !== u.name))} />
            {u.name}
          </label>
        ))}
      </div>
    </details>
  )
}
