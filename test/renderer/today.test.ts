import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchToday } from '../../renderer/src/api/today'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A window left open: the services' date is `served`, the page's focus and visibility are events we fire. */
function openWindow(served: string): { days: string[]; reads: () => number; serve: (d: string) => void; win: EventTarget; doc: EventTarget & { visibilityState: string }; stop: () => void } {
  let today = served
  let reads = 0
  const days: string[] = []
  const win = new EventTarget()
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  const stop = watchToday({
    read: async () => {
      reads++
      return today
    },
    onChange: (d) => days.push(d),
    win,
    doc
  })
  return { days, reads: () => reads, serve: (d) => (today = d), win, doc, stop }
}

describe('the working date in the window', () => {
  it('is asked again when the window regains focus or is shown again: a PC left on overnight gets the new day', async () => {
    vi.setSystemTime(new Date('2024-05-08T12:00:00Z'))
    const w = openWindow('2024-05-08')
    w.serve('2024-05-09')
    w.win.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(0)
    expect(w.days).toEqual(['2024-05-09'])

    w.serve('2024-05-10')
    w.doc.visibilityState = 'hidden'
    w.doc.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(w.days).toEqual(['2024-05-09'])
    w.doc.visibilityState = 'visible'
    w.doc.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(w.days).toEqual(['2024-05-09', '2024-05-10'])
    w.stop()
  })

  it('is asked again when midnight passes in China while the window stays in front, and not before', async () => {
    vi.setSystemTime(new Date('2024-05-08T15:00:00Z')) // 23:00 in 临夏
    const w = openWindow('2024-05-08')
    await vi.advanceTimersByTimeAsync(55 * 60_000)
    expect(w.reads()).toBe(0) // the clock is looked at each minute; the services only when the day turned
    w.serve('2024-05-09')
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(w.reads()).toBe(1)
    expect(w.days).toEqual(['2024-05-09'])
    w.stop()
  })

  it('keeps the newest answer when an older one arrives late, and stops listening when closed', async () => {
    const answers: ((d: string) => void)[] = []
    const days: string[] = []
    const win = new EventTarget()
    const stop = watchToday({ read: () => new Promise((ok) => answers.push(ok)), onChange: (d) => days.push(d), win, doc: Object.assign(new EventTarget(), { visibilityState: 'visible' }) })
    win.dispatchEvent(new Event('focus'))
    win.dispatchEvent(new Event('focus'))
    answers[1]?.('2024-05-09')
    answers[0]?.('2024-05-08')
    await vi.advanceTimersByTimeAsync(0)
    expect(days).toEqual(['2024-05-09'])
    stop()
    win.dispatchEvent(new Event('focus'))
    expect(answers).toHaveLength(2)
  })
})
