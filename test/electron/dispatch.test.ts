import { describe, expect, it } from 'vitest'
import type { Handlers } from '../../electron/services/dispatch'
import { dispatch } from '../../electron/services/dispatch'
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
})
