import { useEffect, useState } from 'react'
import type { Result } from '@shared/ipc/result'

/**
 * Loads a value from the services whenever `deps` change; an answer that arrives after the deps changed again is
 * dropped, so a quick switch (another week, another annex) never shows the previous one's data.
 */
export function useLoaded<T>(load: () => Promise<Result<T>>, deps: readonly unknown[], onError: (message: string) => void): [T | null, (value: T) => void] {
  const [value, setValue] = useState<T | null>(null)
  useEffect(() => {
    let current = true
    void load().then((r) => {
      if (!current) return
      if (r.ok) setValue(r.value)
      else onError(r.error.message)
    })
    return () => {
      current = false
    }
  }, deps)
  return [value, setValue]
}
