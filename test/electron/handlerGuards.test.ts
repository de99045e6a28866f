/**
 * Who may use which channel: the office's work only where the profile is the leadership-group office, a unit's
 * data only for a unit of the campaign. Every channel of each group is tried, so a channel added without its
 * guard fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'
import type { ChannelName } from '@shared/ipc/contract'
import { createServices } from '../../electron/services/services'
import type { Services } from '../../electron/services/services'

let dir: string
let services: Services
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slw-guards-'))
  services = createServices(dir, 'web')
})
afterEach(async () => {
  await services.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Calls a handler as dispatch would after validating: the guard runs before the handler looks at its input. */
const call = (channel: ChannelName, input: object): Promise<unknown> =>
  (services.handlers[channel] as (i: unknown) => Promise<unknown>)(input)

const officeChannels = CHANNELS.filter((c) => c.startsWith('office:'))
const unitChannels = CHANNELS.filter((c) => /^(ledger|import):|^export:annex$|^profile:save$/.test(c))

describe('channel guards', () => {
  it('a unit cannot use any of the office channels', async () => {
    await call('profile:save', { unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
    expect(officeChannels.length).toBeGreaterThan(10)
    for (const c of officeChannels) {
      await expect(call(c, {}), c).rejects.toMatchObject({ code: 'FORBIDDEN', message: '只有领导小组办公室才能使用汇总功能。' })
    }
  })

  it('the office can', async () => {
    await call('profile:save', { unitId: 'office', filler: '王主任', phone: '0930-6212345' })
    await expect(call('office:dashboard', {})).resolves.toMatchObject({ openConflicts: 0 })
  })

  it("no unit's channel serves a unit the campaign does not have", async () => {
    expect(unitChannels.length).toBeGreaterThan(8)
    for (const c of unitChannels) {
      await expect(call(c, { unitId: 't999' }), c).rejects.toMatchObject({ code: 'NOT_FOUND', message: '本次整治工作中没有编号为 t999 的单位。' })
    }
  })
})
