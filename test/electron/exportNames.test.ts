/** Exported files are named by the working date (SLW_TODAY in training), as their 填报日期 is, not by the PC's clock. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelName, In, Out } from '@shared/ipc/contract'
import { createServices } from '../../electron/services/services'
import type { Services } from '../../electron/services/services'
import { onWorkingDate } from '../helpers/workingDate'

onWorkingDate('2024-04-28')
let dir: string
let services: Services
const call = <C extends ChannelName>(channel: C, input: In<C>): Promise<Out<C>> => (services.handlers[channel] as (i: In<C>) => Promise<Out<C>>)(input)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slw-names-'))
  services = createServices(dir, 'web')
  await call('profile:save', { unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
})
afterAll(async () => {
  await services.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('export file names', () => {
  it('carry the working date', async () => {
    for (const annex of ['annex2', 'contacts'] as const) {
      const file = await call('export:annex', { unitId: 't005', annex, template: false })
      expect(file.fileName, annex).toMatch(/-八坊街道-20240428\.xlsx$/)
    }
  })
})
