import { afterAll, beforeAll } from 'vitest'

/**
 * Runs the calling file on a working date of the 2024 campaign (SLW_TODAY, read by the services at each request),
 * restored afterwards. Call it before the hooks that start the apps.
 */
export function onWorkingDate(date: string): void {
  const saved = process.env['SLW_TODAY']
  beforeAll(() => {
    process.env['SLW_TODAY'] = date
  })
  afterAll(() => {
    if (saved === undefined) delete process.env['SLW_TODAY']
    else process.env['SLW_TODAY'] = saved
  })
}
