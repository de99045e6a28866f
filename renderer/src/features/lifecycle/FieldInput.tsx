import { useEffect, useState } from 'react'
import type { AnnexColumn } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { FieldValue } from '@shared/ledger/record'
import { valueFromText, valueToText } from '@shared/validation/cellInput'
import { optionsOf } from '@shared/validation/validateRecord'

/** One field of a record edited outside the grid: a date picker, a choice list, or text saved when leaving it. */
export function FieldInput(props: {
  column: AnnexColumn
  campaign: Campaign
  value: FieldValue | undefined
  disabled: boolean
  onChange: (value: FieldValue) => void
}): React.JSX.Element {
  const { column, campaign } = props
  const shown = valueToText(props.value)
  const [draft, setDraft] = useState(shown)
  useEffect(() => setDraft(shown), [shown])
  const label = column.group ? `${column.group}·${column.header}` : column.header
  if (column.kind === 'enum') {
    return (
      <select aria-label={label} value={shown} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">（未填）</option>
        {optionsOf(column, campaign).map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    )
  }
  if (column.kind === 'date') {
    return <input type="date" aria-label={label} value={/^\d{4}-\d{2}-\d{2}$/.test(shown) ? shown : ''} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)} />
  }
  return (
    <input
      aria-label={label}
      value={draft}
      disabled={props.disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => draft !== shown && props.onChange(valueFromText(column, draft, campaign))}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  )
}
