import { useEffect, useRef, useState } from 'react'
import type { AnnexColumn } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { FieldValue } from '@shared/ledger/record'
import { valueFromTyped, valueToText } from '@shared/validation/cellInput'
import { optionsOf } from '@shared/validation/validateRecord'
import { DateField } from '../ledger/editors/DateField'
import { holdPending } from '../ledger/pendingEdits'

/** Text is saved after this pause in typing, on leaving the field, and before the page goes. */
const TYPING_PAUSE_MS = 400

/** One field of a record edited outside the grid: a date typed as text (calendar as a helper), a choice list, or text saved as typed. */
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
  const typing = useRef(false)
  // The text not yet handed over, with the onChange of the record it was typed for (the panel may move on).
  const pending = useRef<{ text: string; onChange: (value: FieldValue) => void } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  /** Hands the pending text over; returns it as it will be saved (null: nothing was pending). */
  const commit = useRef((): string | null => null)
  commit.current = () => {
    clearTimeout(timer.current)
    const p = pending.current
    pending.current = null
    if (!p) return null
    const value = valueFromTyped(column, p.text, campaign)
    if (p.text !== shown) p.onChange(value)
    return valueToText(value)
  }
  useEffect(() => {
    const release = holdPending(() => void commit.current())
    return () => {
      release()
      commit.current()
    }
  }, [])
  // The saved value replaces the text only while the clerk is not typing (it is normalised: spaces, digits).
  useEffect(() => {
    if (!typing.current) setDraft(shown)
  }, [shown])
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
    // Typed like the grid's date cells; saved when left, on Enter, when a day is picked, and before the page goes
    // (never while typing: 2024-6-3 is on its way to 2024-6-30).
    const hold = (text: string): void => {
      setDraft(text)
      pending.current = { text, onChange: props.onChange }
    }
    return (
      <DateField
        label={label}
        value={draft}
        disabled={props.disabled}
        onChange={hold}
        onBlur={() => void commit.current()}
        onKeyDown={(e) => e.key === 'Enter' && commit.current()}
        onPick={(iso) => {
          hold(iso)
          commit.current()
        }}
      />
    )
  }
  return (
    <input
      aria-label={label}
      value={draft}
      disabled={props.disabled}
      onFocus={() => (typing.current = true)}
      onChange={(e) => {
        setDraft(e.target.value)
        pending.current = { text: e.target.value, onChange: props.onChange }
        clearTimeout(timer.current)
        timer.current = setTimeout(() => void commit.current(), TYPING_PAUSE_MS)
      }}
      onBlur={() => {
        typing.current = false
        setDraft(commit.current() ?? shown)
      }}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  )
}
