/**
 * Progress of a long request (import preview and commit, exports, the office's merge): a count and a bar, shown
 * only when the request takes longer than a moment. The services report it under an id the page gives the request
 * (electron/services/progress.ts); the page asks for it while it waits, the same way in Electron and the web mode.
 */
import { useCallback, useState } from 'react'
import type { ProgressView } from '@shared/ipc/contract'
import { invoke } from '../api/client'
import { progressPercent, progressText } from './progressText'

/** Shorter requests show nothing: a flash of a bar reads as a glitch. */
const SHOW_AFTER_MS = 300
const POLL_MS = 200
const STARTING: ProgressView = { step: '', done: 0, total: null, unit: '' }

export type Track = <T>(run: (progressId: string) => Promise<T>) => Promise<T>

/** `track(run)` runs a request under a new progress id and shows its progress while it is pending. */
export function useProgress(): { view: ProgressView | null; track: Track } {
  const [view, setView] = useState<ProgressView | null>(null)
  const track = useCallback<Track>(async (run) => {
    const id = crypto.randomUUID()
    let pending = true
    const poll = async (): Promise<void> => {
      setView(STARTING)
      while (pending) {
        const r = await invoke('progress:get', { id })
        if (pending && r.ok && r.value.progress) setView(r.value.progress)
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      }
    }
    const timer = setTimeout(() => void poll(), SHOW_AFTER_MS)
    try {
      return await run(id)
    } finally {
      pending = false
      clearTimeout(timer)
      setView(null)
    }
  }, [])
  return { view, track }
}

export function Progress({ view }: { view: ProgressView | null }): React.JSX.Element | null {
  if (!view) return null
  const percent = progressPercent(view)
  return (
    <div className="progress" role="status" aria-label="进度">
      <span className="progress-text">{progressText(view)}</span>
      <div
        className={`progress-bar${percent === null ? ' unknown' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { 'aria-valuenow': percent })}
      >
        <div style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  )
}
