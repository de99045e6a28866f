import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createServices } from '../../electron/services/services'
import type { Services } from '../../electron/services/services'
import { workingDate } from '../../electron/services/workingDate'

let dir: string
let services: Services
const savedToday = process.env['SLW_TODAY']

beforeEach(() => {
  delete process.env['SLW_TODAY']
  vi.useFakeTimers({ toFake: ['Date'] })
  dir = mkdtempSync(join(tmpdir(), 'slw-today-'))
  services = createServices(dir, 'web')
})
afterEach(async () => {
  vi.useRealTimers()
  await services.close()
  rmSync(dir, { recursive: true, force: true })
  if (savedToday === undefined) delete process.env['SLW_TODAY']
  else process.env['SLW_TODAY'] = savedToday
})

describe('the working date', () => {
  it('is the China calendar day, read at each call: it turns at midnight in 临夏 while the program runs', () => {
    vi.setSystemTime(new Date('2024-05-08T15:59:00Z'))
    expect(workingDate()).toBe('2024-05-08')
    vi.setSystemTime(new Date('2024-05-08T16:01:00Z'))
    expect(workingDate()).toBe('2024-05-09')
    expect(workingDate({ SLW_TODAY: '2024-06-20' })).toBe('2024-06-20')
  })

  it('is what the services answer at each request, not what they knew when they started', async () => {
    const h = services.handlers
    vi.setSystemTime(new Date('2024-05-08T12:00:00Z'))
    expect(await h['app:today']({})).toEqual({ today: '2024-05-08' })
    await h['profile:save']({ unitId: 'office', filler: '王主任', phone: '0930-6212345' })
    expect((await h['office:view']({})).today).toBe('2024-05-08')

    vi.setSystemTime(new Date('2024-05-09T00:30:00Z')) // 08:30 the next morning in 临夏
    expect(await h['app:today']({})).toEqual({ today: '2024-05-09' })
    expect((await h['app:bootstrap']({})).today).toBe('2024-05-09')
    expect((await h['office:view']({})).today).toBe('2024-05-09')
    expect((await h['office:dashboard']({})).today).toBe('2024-05-09')
  })
})
