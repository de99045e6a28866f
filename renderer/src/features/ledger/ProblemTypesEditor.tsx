import { useEffect, useRef } from 'react'
import type { CustomCellEditorProps } from 'ag-grid-react'
import type { GridRow } from './ledgerModel'

interface Params {
  options: readonly string[]
}

/** Multi-select for 问题类型 (散 / 乱 / 污): checkboxes; Enter keeps, Esc cancels. */
export function ProblemTypesEditor(props: CustomCellEditorProps<GridRow, string[]> & Params): React.JSX.Element {
  const first = useRef<HTMLInputElement>(null)
  const selected = new Set(Array.isArray(props.value) ? props.value : [])
  useEffect(() => first.current?.focus(), [])

  const toggle = (option: string): void => {
    const next = new Set(selected)
    if (next.has(option)) next.delete(option)
    else next.add(option)
    props.onValueChange(props.options.filter((o) => next.has(o)))
  }

  return (
    <div className="multi-editor" role="group" aria-label="问题类型（可多选）">
      {props.options.map((option, i) => (
        <label key={option}>
          <input ref={i === 0 ? first : undefined} type="checkbox" checked={selected.has(option)} onChange={() => toggle(option)} />
          {option}
        </label>
      ))}
      <button type="button" onClick={() => props.stopEditing()}>
        确定
      </button>
    </div>
  )
}
