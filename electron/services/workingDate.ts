import { localIsoDate } from '@shared/domain/dates'

/**
 * Today on the user's calendar, or SLW_TODAY (YYYY-MM-DD) when set: a training session or a test can work as on a
 * day of the 2024 campaign.
 */
export function workingDate(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env['SLW_TODAY']
  return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : localIsoDate(new Date())
}

/** Now, on the working date: what the office stamps on received files (on time before Friday noon, or late). */
export function workingNow(env: NodeJS.ProcessEnv = process.env): Date {
  const now = new Date()
  if (!env['SLW_TODAY']) return now
  const [y, m, d] = workingDate(env).split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d, now.getHours(), now.getMinutes(), now.getSeconds())
}
