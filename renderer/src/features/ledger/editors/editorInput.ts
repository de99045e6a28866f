import { useEffect, useRef } from 'react'
import type { ICellEditorParams } from 'ag-grid-community'
import type { FieldValue } from '@shared/ledger/record'
import { valueToText } from '@shared/validation/cellInput'

/**
 * The text an editor starts with, as AG Grid's own text editor does: the key that started editing replaces the value
 * (typing over a cell, as in Excel), Backspace/Delete start empty, Enter/F2/double-click keep the value.
 */
export function startText(params: Pick<ICellEditorParams, 'eventKey' | 'value'>): { text: string; typed: boolean } {
  const key = params.eventKey
  if (key === 'Backspace' || key === 'Delete') return { text: '', typed: true }
  if (key?.length === 1) return { text: key, typed: true }
  return { text: valueToText(params.value as FieldValue | undefined), typed: false }
}

/** Keys that move the caret inside the editor's input, not to the neighbouring cell. */
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End'])

/**
 * Keys an editor keeps from the grid. A native listener on the input: the grid listens natively on the cell, which
 * a key reaches before React's own (delegated) handlers could stop it. `onKey` returns true for a key it handled.
 */
export function useEditorKeys(input: React.RefObject<HTMLInputElement | null>, onKey: (e: KeyboardEvent) => boolean = () => false): void {
  const latest = useRef(onKey)
  latest.current = onKey
  useEffect(() => {
    const el = input.current
    if (!el) return
    const listener = (e: KeyboardEvent): void => {
      // Keys inside an IME composition (Enter commits the composed text) belong to the IME, never to the grid.
      if (e.isComposing || e.keyCode === 229 || CARET_KEYS.has(e.key) || latest.current(e)) e.stopPropagation()
    }
    el.addEventListener('keydown', listener)
    return () => el.removeEventListener('keydown', listener)
  }, [input])
}
