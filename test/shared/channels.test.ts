import { describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'
import { CHANNEL_NAMES } from '@shared/ipc/channels'

// Which folder may import which is checked by dependency-cruiser (.dependency-cruiser.cjs, `npm run layers`).
describe('the IPC boundary', () => {
  it('the preload allow-list equals the contract', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort())
  })
})
