/**
 * The working date as the window knows it, kept current: a PC left on overnight must not give new rows yesterday's
 * 发现时间 or show yesterday's countdowns. The services answer for "today" (SLW_TODAY may fix it); the window asks
 * again when it regains focus, when it is shown again, and when the China calendar day on this machine's clock
 * turns while it stays in front.
 */
import { useEffect, useState } from 'react'
import { chinaDate } from '@shared/domain/chinaTime'
import { invoke } from './client'

interface Options {
  /** Asks the services for the working date; null when it cannot be had now (the last one stays). */
  read: () => Promise<string | null>
  onChange: (today: string) => void
  /** Where 'focus' fires (the window). */
  win: EventTarget
  /** Where 'visibilitychange' fires (the document). */
  doc: EventTarget & { readonly visibilityState: string }
  clock?: () => Date
  /** How often the machine's clock is looked at for a turn of the day (no request unless it turned). */
  everyMs?: number
}

/** Starts watching; returns what stops it. onChange is called only with a date different from the last one. */
export function watchToday({ read, onChange, win, doc, clock = () => new Date(), everyMs = 60_000 }: Options): () => void {
  let known: string | null = null
  let asked = 0
  let stopped = false
  const refresh = (): void => {
    const ask = ++asked
    void read().then((today) => {
      // Only the latest answer counts: an older one arriving late must not bring back the day before.
      if (stopped || ask !== asked || today === null || today === known) return
      known = today
      onChange(today)
    })
  }
  const onVisible = (): void => {
    if (doc.visibilityState === 'visible') refresh()
  }
  let clockDay = chinaDate(clock())
  const timer = setInterval(() => {
    const day = chinaDate(clock())
    if (day === clockDay) return
    clockDay = day
    refresh()
  }, everyMs)
  win.addEventListener('focus', refresh)
  doc.addEventListener('visibilitychange', onVisible)
  return () => {
    stopped = true
    clearInterval(timer)
    win.removeEventListener('focus', refresh)
    doc.removeEventListener('visibilitychange', onVisible)
  }
}

/** The working date read since the window opened, or null until the first refresh (use the bootstrap's until then). */
export function useToday(): string | null {
  const [today, setToday] = useState<string | null>(null)
  useEffect(
    () =>
      watchToday({
        read: async () => {
          const r = await invoke('app:today', {})
          return r.ok ? r.value.today : null
        },
        onChange: setToday,
        win: window,
        doc: document
      }),
    []
  )
  return today
}
