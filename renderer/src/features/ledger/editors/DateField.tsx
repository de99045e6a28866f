import { useState } from 'react'
import { dateFromTyped } from '@shared/validation/cellInput'
import { Calendar } from './Calendar'
import { dateHint } from './dateText'

export interface DateFieldProps {
  label: string
  value: string
  onChange: (text: string) => void
  /** A day picked in the calendar, as ISO. */
  onPick: (iso: string) => void
  onBlur?: () => void
  onKeyDown?: (e: React.KeyboardEvent<HTMLInputElement>) => void
  inputRef?: React.Ref<HTMLInputElement>
  disabled?: boolean
  placeholder?: string
}

/**
 * A date typed as text (read as import reads it: 2024-6-30, 2024/6/30, 2024年6月30日, 20240630, a pasted serial),
 * with a line saying what it will be stored as or why it is not a date, and a calendar button as a helper. Used by
 * the grid's date editor, the 办理 panel and the date filter, so a date is typed the same way everywhere.
 */
export function DateField(props: DateFieldProps): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const hint = dateHint(props.value)
  return (
    <div className="date-field">
      <div className="date-field-row">
        <input
          ref={props.inputRef}
          aria-label={props.label}
          value={props.value}
          disabled={props.disabled}
          placeholder={props.placeholder ?? '如 2024-6-30'}
          aria-invalid={hint?.level === 'bad'}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.onBlur}
          onKeyDown={props.onKeyDown}
        />
        <button
          type="button"
          className="date-pick"
          tabIndex={-1}
          disabled={props.disabled}
          title="打开日历"
          aria-label="打开日历"
          aria-expanded={open}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setOpen(!open)}
        >
          日历
        </button>
      </div>
      {hint && <div className={`date-hint ${hint.level}`}>{hint.text}</div>}
      {open && (
        <Calendar
          value={dateFromTyped(props.value)}
          onPick={(iso) => {
            setOpen(false)
            props.onPick(iso)
          }}
        />
      )}
    </div>
  )
}
