import { useEffect, useMemo, useRef, useState } from 'react'
import type { CustomCellEditorProps } from 'ag-grid-react'
import type { FieldValue } from '@shared/ledger/record'
import { valueToText } from '@shared/validation/cellInput'
import type { GridRow } from '../ledgerModel'
import { indexChoices, matchChoices } from './choiceMatch'
import { startText, useEditorKeys } from './editorInput'

interface Params {
  options: readonly string[]
  /** The option typed text stands for (a synonym or alias mapped), or the text itself. */
  canonical: (text: string) => string
}

const CLEAR = '（清空）'

/**
 * A dropdown cell that narrows its options as the clerk types, Chinese through an IME included (the list follows the
 * composed text, not the pinyin being composed), or pinyin initials; ↑/↓ move, Enter or a click picks. Text matching
 * no option is kept as typed and flagged by validation, as import and paste do.
 */
export function ChoiceCellEditor(props: CustomCellEditorProps<GridRow, FieldValue> & Params): React.JSX.Element {
  // Opened with Enter or a double click, the list starts whole with the current value highlighted.
  const [start] = useState(() => {
    const s = startText(props)
    return s.typed ? s : { text: '', typed: false }
  })
  const [text, setText] = useState(start.text)
  const [query, setQuery] = useState(start.text)
  const composing = useRef(false)
  const index = useMemo(() => indexChoices(props.options), [props.options])
  const { options, canonical } = props
  const choicesFor = useMemo(
    () => (q: string): string[] => (q.trim() === '' ? [CLEAR, ...options] : matchChoices(index, q, canonical(q))),
    [index, options, canonical]
  )
  const matches = useMemo(() => choicesFor(query), [choicesFor, query])
  const [active, setActive] = useState(() => Math.max(0, query === '' ? matches.indexOf(String(props.value ?? '')) : 0))
  const input = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLUListElement>(null)

  useEffect(() => {
    input.current?.focus()
    // A cell started by typing offers its best match at once, so typing a word and Enter picks it.
    if (start.typed && start.text.trim() !== '') offer(choicesFor(start.text)[0], start.text)
  }, [])
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [active, matches])

  // The value the grid saves on Enter, Tab or a click elsewhere: the highlighted option, or the text as typed.
  const offer = (option: string | undefined, typed: string): void => {
    if (option === undefined) props.onValueChange(props.parseValue(typed))
    else props.onValueChange(option === CLEAR ? '' : option)
  }

  const search = (next: string): void => {
    setQuery(next)
    setActive(0)
    if (next.trim() === '') props.onValueChange(props.initialValue)
    else offer(choicesFor(next)[0], next)
  }

  useEditorKeys(input, (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false
    e.preventDefault()
    const next = Math.min(matches.length - 1, Math.max(0, active + (e.key === 'ArrowDown' ? 1 : -1)))
    setActive(next)
    offer(matches[next], text)
    return true
  })

  return (
    <div className="cell-popup-editor choice-editor">
      <input
        ref={input}
        aria-label={`${props.colDef.headerName ?? ''}（输入筛选）`}
        aria-autocomplete="list"
        placeholder={`${valueToText(props.initialValue ?? undefined) || '输入文字'}（可输入文字或拼音首字母筛选）`}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          if (!composing.current) search(e.target.value)
        }}
        onCompositionStart={() => {
          composing.current = true
        }}
        onCompositionEnd={(e) => {
          composing.current = false
          search(e.currentTarget.value)
        }}
      />
      <ul ref={list} role="listbox" aria-label="可选项">
        {matches.map((option, i) => (
          <li
            key={option}
            role="option"
            aria-selected={i === active}
            className={option === CLEAR ? 'clear' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              offer(option, text)
              props.stopEditing()
            }}
          >
            {option}
          </li>
        ))}
        {matches.length === 0 && <li className="none">没有匹配的选项；按 Enter 将按原样填入并标为错误</li>}
      </ul>
    </div>
  )
}
