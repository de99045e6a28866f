import { useEffect, useState } from 'react'
import type { AnnexColumn } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { FieldValue } from '@shared/ledger/record'
import { valueFromText, valueFromTyped, valueToText } from '@shared/validation/cellInput'
import { optionsOf } from '@shared/validation/validateRecord'
import { DateField } from '../ledger/editors/DateField'

/** One field of a record edited outside the grid: a date typed as text (calendar as a helper), a choice list, or text saved when leaving it. */
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
    // Typed like the grid's date cells; saved when left, on Enter, or when a day is picked in the calendar.
    const save = (text: string): void => {
      if (text !== shown) props.onChange(valueFromTyped(column, text, campaign))
    }
    return (
      <DateField
        label={label}
        value={draft}
        disabled={props.disabled}
        onChange={setDraft}
        onBlur={() => save(draft)}
        onKeyDown={(e) => e.key === 'Enter' && save(draft)}
        onPick={(iso) => {
          setDraft(iso)
          save(iso)
        }}
      />
    )
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
