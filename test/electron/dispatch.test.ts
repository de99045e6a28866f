import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Handlers } from '@shared/ipc/contract'
import { createAppLog } from '../../electron/services/appLog'
import { dispatch, exceedsRequestCap, MAX_REQUEST_BYTES } from '../../electron/services/dispatch'
import { AppFailure } from '@shared/ipc/result'

const dir = mkdtempSync(join(tmpdir(), 'slw-dispatch-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
/** 09:30 on 9 May 2024 in 临夏 (01:30 UTC). */
const log = createAppLog(dir, { now: () => new Date('2024-05-09T01:30:00Z') })
const todaysLog = join(dir, 'logs', '2024-05-09.log')
const logText = (): string => (existsSync(todaysLog) ? readFileSync(todaysLog, 'utf8') : '')

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
    const r = await dispatch(handlers, 'profile:save', { unitId: 't005', filler: '', phone: '1' }, log)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不符合要求，未执行。' } })
    expect(r.ok === false && r.error.details).toEqual(['filler：请填写填报人'])
    expect(await dispatch(handlers, 'profile:save', { unitId: '../../etc', filler: '马', phone: '1' }, log)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
  it('returns results, and turns failures into Chinese messages instead of throwing', async () => {
    expect(await dispatch(handlers, 'profile:save', { unitId: 't005', filler: ' 马 ', phone: '1' }, log)).toEqual({
      ok: true,
      value: { unitId: 't005', filler: '马', phone: '1', saved: true }
    })
    expect(await dispatch(handlers, 'ledger:open', { unitId: 't005' }, log)).toEqual({ ok: false, error: { code: 'LOCKED', message: '台账正在被另一个程序使用' } })
    expect(await dispatch(handlers, 'ledger:history', { unitId: 't005', recordId: 'x' }, log)).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringContaining('磁盘空间已满') } })
    expect(await dispatch(handlers, 'app:bootstrap', {}, log)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await dispatch(handlers, 'toString', {}, log)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it("writes an unexpected error to the day's log with its stack, and the message names that file", async () => {
    const r = await dispatch(handlers, 'app:bootstrap', {}, log)
    expect(r).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: `程序出错了，操作未完成。请重试；如仍出现，请把日志文件“${todaysLog}”发给技术支持（错误已记录在其中）。` }
    })
    const entry = logText().split(/\n(?=\[)/).find((line) => line.includes('dispatch app:bootstrap'))
    expect(entry).toMatch(/^\[2024-05-09 09:30:00\.000 \+08:00\] \[error\] dispatch app:bootstrap: Error: bug\n/)
    // The stack leads to the handler that threw.
    expect(entry).toMatch(/\n\s+at .*dispatch\.test\.ts:\d+/)
  })

  it('gives a refused lock or a refusing disk one warning line, without a stack', async () => {
    const own = join(dir, 'refusals')
    const refusals = createAppLog(own, { now: () => new Date('2024-05-09T01:30:00Z') })
    await dispatch(handlers, 'ledger:open', { unitId: 't005' }, refusals)
    await dispatch(handlers, 'ledger:history', { unitId: 't005', recordId: 'x' }, refusals)
    expect(readFileSync(join(own, 'logs', '2024-05-09.log'), 'utf8').split('\n')).toEqual([
      '[2024-05-09 09:30:00.000 +08:00] [warn] ledger:open refused: 台账正在被另一个程序使用',
      '[2024-05-09 09:30:00.000 +08:00] [warn] ledger:history refused by the disk: ENOSPC',
      ''
    ])
  })

  it('logs what a request was about in one bounded summary: never a file it carries, nor a name or a phone', async () => {
    const broken = {
      'import:preview': async () => {
        throw new TypeError('preview bug')
      },
      'profile:save': async () => {
        throw new TypeError('profile bug')
      }
    } as unknown as Handlers
    const data = randomBytes(3 * 1024 * 1024).toString('base64')
    const before = statSync(todaysLog, { throwIfNoEntry: false })?.size ?? 0
    const r = await dispatch(broken, 'import:preview', { unitId: 't005', fileName: '八坊街道附件2.xlsx', data, annex: 'annex2' }, log)
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining(todaysLog) } })
    await dispatch(broken, 'profile:save', { unitId: 't005', filler: '马小花', phone: '13909301234' }, log)
    const added = readFileSync(todaysLog).subarray(before).toString('utf8')
    expect(added).toContain(`input: {unitId: "t005", fileName: "八坊街道附件2.xlsx", data: <${data.length} chars>, annex: "annex2"}`)
    expect(added).toContain('input: {unitId: "t005", filler: <3 chars>, phone: <11 chars>}')
    expect(added).not.toContain(data.slice(0, 64))
    expect(added).not.toMatch(/马小花|13909301234/)
    // Two entries, each a stack and a line: a few kB, whatever the request carried.
    expect(added.length).toBeLessThan(8 * 1024)
  })

  it('refuses a request over the cap the web server applies to bodies, before any handler runs (IPC has no other)', async () => {
    const staged: unknown[] = []
    const stage = { 'office:stage': async (input: unknown) => staged.push(input) } as unknown as Handlers
    // 10 files each within the import's size limit: 260 MiB in one message, as IPC used to take.
    const data = 'A'.repeat(26 * 1024 * 1024)
    const files = Array.from({ length: 10 }, (_, i) => ({ fileName: `${i}.xlsx`, data }))
    const r = await dispatch(stage, 'office:stage', { files }, log)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('超过 256 MB') } })
    expect(staged).toHaveLength(0)
    expect(await dispatch(stage, 'office:stage', { files: files.slice(0, 2) }, log)).toMatchObject({ ok: true })
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
