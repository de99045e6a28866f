import { chinaClock, chinaDate, chinaInstant } from '@shared/domain/chinaTime'

/**
 * Today on the China calendar, read at each call (a PC left on overnight gets the new day), or SLW_TODAY
 * (YYYY-MM-DD) when set: a training session or a test can work as on a day of the 2024 campaign.
 */
export function workingDate(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env['SLW_TODAY']
  return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : chinaDate(new Date())
}

/** Now, on the working date: what the office stamps on received files (on time before Friday noon, or late). */
export function workingNow(env: NodeJS.ProcessEnv = process.env): Date {
  const now = new Date()
  if (!env['SLW_TODAY']) return now
  return chinaInstant(workingDate(env), chinaClock(now))
}
