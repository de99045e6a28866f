import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acquireLock, openLocked } from '../../../electron/services/storage/fileLock'

let dir: string
const lockFile = (): string => join(dir, 'ledger.json.lock')
const writeLock = (pid: number, host = hostname()): Promise<void> =>
  writeFile(lockFile(), JSON.stringify({ pid, hostname: host, startedAt: '2024-05-09T02:31:00.000Z' }))

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-lock-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('acquireLock', () => {
  it('writes pid, hostname and start time, and removes the lock on release', async () => {
    const lock = await acquireLock(dir, 'ledger.json')
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() })
    await lock.release()
    await expect(readFile(lockFile())).rejects.toMatchObject({ code: 'ENOENT' })
    await (await acquireLock(dir, 'ledger.json')).release()
  })

  it('refuses a second writer in the same process', async () => {
    const lock = await acquireLock(dir, 'ledger.json')
    await expect(acquireLock(dir, 'ledger.json')).rejects.toMatchObject({
      code: 'LOCKED',
      message: `台账正在被另一个程序（进程 ${process.pid}）使用，请先关闭它再试。`
    })
    await lock.release()
  })

  it('refuses while another live process holds the lock', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' })
    try {
      await writeLock(other.pid as number)
      await expect(acquireLock(dir, 'ledger.json')).rejects.toMatchObject({
        code: 'LOCKED',
        message: `台账正在被另一个程序（进程 ${other.pid}）使用，请先关闭它再试。`
      })
    } finally {
      other.kill('SIGKILL')
    }
  })

  it('takes over a stale lock whose process has ended', async () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid
    await writeLock(ended)
    const lock = await acquireLock(dir, 'ledger.json')
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid)
    await lock.release()
  })

  it('takes over an unreadable lock file (its writer died while creating it)', async () => {
    await writeFile(lockFile(), '')
    await (await acquireLock(dir, 'ledger.json')).release()
  })

  it('refuses a lock held from another computer, naming it', async () => {
    await writeLock(4242, 'OFFICE-PC-07')
    await expect(acquireLock(dir, 'ledger.json')).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining('另一台电脑（OFFICE-PC-07）上的程序（进程 4242）')
    })
  })

  it('does not remove a lock that someone else took over', async () => {
    const lock = await acquireLock(dir, 'ledger.json')
    await writeLock(process.pid + 1_000_000)
    await lock.release()
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid + 1_000_000)
  })
})

describe('openLocked', () => {
  it('keeps the lock with the opened store, and releases it when opening fails', async () => {
    const kept = await openLocked(dir, 'ledger.json', async (lock) => lock)
    await expect(acquireLock(dir, 'ledger.json')).rejects.toMatchObject({ code: 'LOCKED' })
    await kept.release()
    const damaged = new Error('文件已损坏')
    await expect(openLocked(dir, 'ledger.json', () => Promise.reject(damaged))).rejects.toBe(damaged)
    await expect(readFile(lockFile())).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
