/** Autosave of the page's ledger: saves after edits, flushes when the page goes, asks before a tab with unsaved edits closes. */
import { useEffect, useMemo, useRef, useState } from 'react'
import { invoke } from '../../api/client'
import type { SaveState } from './autosave'
import { Autosaver } from './autosave'
import type { LedgerModel } from './ledgerModel'
import { commitPending } from './pendingEdits'

export function useAutosave(
  model: LedgerModel,
  unitId: string,
  generation: number,
  /** The model changed outside an edit (问题编号 assigned by a save): the page redraws. */
  onAssigned: () => void
): { autosaver: Autosaver; saveState: SaveState } {
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: null })
  const assigned = useRef(onAssigned)
  assigned.current = onAssigned
  const autosaver = useMemo(
    () =>
      new Autosaver(model, {
        generation,
        send: (baseGeneration, changes) => invoke('ledger:save', { unitId, baseGeneration, changes }),
        onState: setSaveState,
        beforeFlush: commitPending,
        onAssigned: (numbers) => {
          model.setProblemNumbers(numbers)
          assigned.current()
        }
      }),
    [model, unitId, generation]
  )
  // Leaving the page (another unit, a new view after an import) still saves what is pending.
  useEffect(() => () => void autosaver.flush().finally(() => autosaver.dispose()), [autosaver])

  // Keep unsaved edits: the browser asks before leaving, and a save starts at once.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      commitPending()
      if (!model.hasUnsaved) return
      e.preventDefault()
      // The desktop window closes itself once saved; a browser tab asks the user and stays.
      void autosaver.flush().then((saved) => {
        if (saved && window.slw) window.close()
      })
    }
    // A page hidden (minimised, another tab) or going away without asking saves what is typed, not yet left.
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') void autosaver.flush()
    }
    const onPageHide = (): void => void autosaver.flush()
    window.addEventListener('beforeunload', onBeforeUnload)
    window.addEventListener('pagehide', onPageHide)
    document.addEventListener('visibilitychange', onHide)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      window.removeEventListener('pagehide', onPageHide)
      document.removeEventListener('visibilitychange', onHide)
    }
  }, [model, autosaver])

  return { autosaver, saveState }
}
