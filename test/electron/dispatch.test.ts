import { describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/ipc/contract'
import { dispatch, exceedsRequestCap, MAX_REQUEST_BYTES } from '../../electron/services/dispatch'
import { AppFailure } from '@shared/ipc/result'

const handlers = {
  'profile:save': async (p: { filler: string }) => ({ ...p, saved: true }),
  'ledger:open': async () => {
    throw new AppFailure('LOCKED', '台账正在被另一个程序使用')
  },
  'ledger:history': async () => {
    throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
  },
  'app:bootstrap': async () => {
    throw new Error('bug')
  }
} as unknown as Handlers

describe('dispatch', () => {
  it('validates input against the contract before any handler runs', async () => {
    const r = await dispatch(handlers, 'profile:save', { unitId: 't005', filler: '', phone: '1' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不符合要求，未执行。' } })
    expect(r.ok === false && r.error.details).toEqual(['filler：请填写填报人'])
    expect(await dispatch(handlers, 'profile:save', { unitId: '../../etc', filler: '马', phone: '1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
  it('returns results, and turns failures into Chinese messages instead of throwing', async () => {
    expect(await dispatch(handlers, 'profile:save', { unitId: 't005', filler: ' 马 ', phone: '1' })).toEqual({
      ok: true,
      value: { unitId: 't005', filler: '马', phone: '1', saved: true }
    })
    expect(await dispatch(handlers, 'ledger:open', { unitId: 't005' })).toEqual({ ok: false, error: { code: 'LOCKED', message: '台账正在被另一个程序使用' } })
    expect(await dispatch(handlers, 'ledger:history', { unitId: 't005', recordId: 'x' })).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringContaining('磁盘空间已满') } })
    const logged: unknown[] = []
    expect(await dispatch(handlers, 'app:bootstrap', {}, (e) => logged.push(e))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(logged).toHaveLength(1)
    expect(await dispatch(handlers, 'toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('refuses a request over the cap the web server applies to bodies, before any handler runs (IPC has no other)', async () => {
    const staged: unknown[] = []
    const stage = { 'office:stage': async (input: unknown) => staged.push(input) } as unknown as Handlers
    // 10 files each within the import's size limit: 260 MiB in one message, as IPC used to take.
    const data = 'A'.repeat(26 * 1024 * 1024)
    const files = Array.from({ length: 10 }, (_, i) => ({ fileName: `${i}.xlsx`, data }))
    const r = await dispatch(stage, 'office:stage', { files })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('超过 256 MB') } })
    expect(staged).toHaveLength(0)
    expect(await dispatch(stage, 'office:stage', { files: files.slice(0, 2) })).toMatchObject({ ok: true })
  })

  it('measures what IPC can carry: byte arrays, maps, sets, shared and cyclic objects', () => {
    expect(MAX_REQUEST_BYTES).toBe(256 * 1024 * 1024)
    expect(exceedsRequestCap({ a: new Uint8Array(100) }, 100)).toBe(true)
    expect(exceedsRequestCap({ a: new Uint8Array(50) }, 100)).toBe(false)
    expect(exceedsRequestCap(new Map([['k', 'x'.repeat(200)]]), 100)).toBe(true)
    expect(exceedsRequestCap(new Set(['x'.repeat(200)]), 100)).toBe(true)
    expect(exceedsRequestCap({ s: '汉'.repeat(40) }, 100)).toBe(true) // 120 bytes of UTF-8
    const cyclic: Record<string, unknown> = { s: 'x'.repeat(10) }
    cyclic['self'] = cyclic
    expect(exceedsRequestCap(cyclic, 100)).toBe(false)
    const deep: unknown[] = []
    let at = deep
    for (let i = 0; i < 100_000; i++) at = (at[0] = []) as unknown[]
    expect(exceedsRequestCap(deep, 10)).toBe(true)
  })
})
