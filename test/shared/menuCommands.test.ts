import { describe, expect, it } from 'vitest'
import { MENU_COMMANDS, MENU_EVENT, CHANNEL_NAMES, IPC_INVOKE, isMenuCommand, menuRelay } from '@shared/ipc/channels'

describe('menu commands from main to the page', () => {
  it('the event has a channel of its own, not an invoke channel', () => {
    expect(MENU_EVENT).not.toBe(IPC_INVOKE)
    expect(CHANNEL_NAMES as readonly string[]).not.toContain(MENU_EVENT)
  })

  it('only the listed ids are commands', () => {
    for (const c of MENU_COMMANDS) expect(isMenuCommand(c)).toBe(true)
    for (const bad of ['reload', 'IMPORT', 'import ', '', 'toString', '__proto__', 'constructor', null, undefined, 1, {}, ['import']]) {
      expect(isMenuCommand(bad)).toBe(false)
    }
  })

  it('the preload passes on a known id alone (never the IPC event) and drops anything else', () => {
    const got: unknown[][] = []
    const relay = menuRelay((...args) => got.push(args))
    const event = { sender: 'the renderer must never see this' }
    relay(event, 'find')
    relay(event, 'reload')
    relay(event, { command: 'import' })
    relay(event, undefined)
    relay(event, 'about')
    expect(got).toEqual([['find'], ['about']])
  })
})
