import { useEffect, useRef, useState } from 'react'
import type { CustomCellEditorProps } from 'ag-grid-react'
import type { FieldValue } from '@shared/ledger/record'
import type { GridRow } from '../ledgerModel'
import { DateField } from './DateField'
import { startText, useEditorKeys } from './editorInput'

/**
 * The grid's date editor: text read like import (the column's valueParser), never the browser's mm/dd/yyyy date
 * input. A popup editor, so the hint and the calendar can show below the cell. Text that is no date is kept as typed
 * and flagged by validation (the hint already says so while typing): the clerk's text is never thrown away.
 */
export function DateCellEditor(props: CustomCellEditorProps<GridRow, FieldValue>): React.JSX.Element {
  const [start] = useState(() => startText(props))
  const [text, setText] = useState(start.text)
  const input = useRef<HTMLInputElement>(null)
  useEditorKeys(input)

  useEffect(() => {
    const el = input.current
    if (!el) return
    el.focus()
    if (start.typed) el.setSelectionRange(el.value.length, el.value.length)
    else el.select()
  }, [start])

  const change = (next: string): void => {
    setText(next)
    props.onValueChange(props.parseValue(next))
  }

  return (
    <div className="cell-popup-editor">
      <DateField
        label={`${props.colDef.headerName ?? ''}（日期）`}
        value={text}
        inputRef={input}
        onChange={change}
        onPick={(iso) => {
          change(iso)
          props.stopEditing()
        }}
      />
    </div>
  )
}
