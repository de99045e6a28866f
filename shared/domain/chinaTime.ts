/**
 * Instants (stored as ISO UTC, "2024-05-08T23:30:00.000Z") as a clock in 临夏 reads them, whatever time zone the
 * machine is set to: every time shown and every calendar day taken from an instant goes through here.
 */

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every date we handle.
const CHINA_OFFSET_MS = 8 * 3_600_000

export type Instant = string | Date

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

interface WallClock {
  y: number
  m: number
  d: number
  hh: string
  mm: string
  ss: string
}

/** The China wall-clock fields of an instant, or null when it is no instant. */
function wallClock(instant: Instant): WallClock | null {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (Number.isNaN(ms)) return null
  const t = new Date(ms + CHINA_OFFSET_MS)
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: pad(t.getUTCHours()),
    mm: pad(t.getUTCMinutes()),
    ss: pad(t.getUTCSeconds())
  }
}

/** Formats an instant, or shows an unreadable one as it was stored (never "NaN"). */
const formatted = (instant: Instant, format: (w: WallClock) => string): string => {
  const w = wallClock(instant)
  return w ? format(w) : typeof instant === 'string' ? instant : ''
}

/** The China calendar day of an instant: 2024-05-08T23:30:00Z → 2024-05-09 ("today", "the day it was received"). */
export const chinaDate = (instant: Instant): string => formatted(instant, (w) => `${w.y}-${pad(w.m)}-${pad(w.d)}`)

/** 2024-05-09 07:30 */
export const chinaDateTime = (instant: Instant): string => formatted(instant, (w) => `${w.y}-${pad(w.m)}-${pad(w.d)} ${w.hh}:${w.mm}`)

/** 2024年5月9日 07:30, as messages and printed forms say it. */
export const chinaDateTimeCn = (instant: Instant): string => formatted(instant, (w) => `${w.y}年${w.m}月${w.d}日 ${w.hh}:${w.mm}`)

/** 07:30:05, for "saved at" in the toolbar. */
export const chinaClock = (instant: Instant): string => formatted(instant, (w) => `${w.hh}:${w.mm}:${w.ss}`)

/** 20240509-073005, for backup and quarantine file names (sorts by time). */
export const chinaFileStamp = (instant: Instant): string =>
  formatted(instant, (w) => `${w.y}${pad(w.m)}${pad(w.d)}-${w.hh}${w.mm}${w.ss}`)

/** The instant a China clock reads `date` (YYYY-MM-DD) at `time` (HH:mm or HH:mm:ss), e.g. Friday's 12:00 due time. */
export function chinaInstant(date: string, time = '00:00'): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const [h = 0, min = 0, s = 0] = time.split(':').map(Number)
  return new Date(Date.UTC(y, m - 1, d, h, min, s) - CHINA_OFFSET_MS)
}
