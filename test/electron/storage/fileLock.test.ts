import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir, uptime } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FileLock } from '../../../electron/services/storage/fileLock'
import { acquireLock, openLocked } from '../../../electron/services/storage/fileLock'
import { dispatch } from '../../../electron/services/dispatch'
import { createServices } from '../../../electron/services/services'

// Seams into the file system: run another program's steps right after a lock file is read; a volume without hard links.
const fsHook = vi.hoisted(() => ({
  afterRead: undefined as ((path: string) => Promise<void>) | undefined,
  linkError: undefined as string | undefined
}))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    readFile: (async (...args: Parameters<typeof real.readFile>) => {
      const content = await real.readFile(...args)
      await fsHook.afterRead?.(String(args[0]))
      return content
    }) as typeof real.readFile,
    link: async (from: string, to: string) => {
      const code = fsHook.linkError
      if (code) throw Object.assign(new Error(`${code}: operation not permitted, link '${from}' -> '${to}'`), { code })
      return real.link(from, to)
    }
  }
})

let dir: string
const lockFile = (): string => join(dir, 'ledger.json.lock')
const writeLock = (pid: number, host = hostname(), path = lockFile(), startedAt = new Date(), program?: string): Promise<void> =>
  writeFile(path, JSON.stringify({ pid, hostname: host, startedAt: startedAt.toISOString(), ...(program ? { program } : {}) }))
let ended: number | undefined
/** The pid of a process that has ended (one for the whole file: starting node is slow). */
const endedPid = (): number => (ended ??= spawnSync(process.execPath, ['-e', '']).pid as number)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-lock-'))
  fsHook.afterRead = undefined
  fsHook.linkError = undefined
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
      message: expect.stringContaining(`另一个程序（进程 ${process.pid}，`)
    })
    await lock.release()
  })

  it('refuses while another live process holds the lock', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' })
    try {
      await writeLock(other.pid as number)
      await expect(acquireLock(dir, 'ledger.json')).rejects.toMatchObject({
        code: 'LOCKED',
        message: expect.stringContaining(`另一个程序（进程 ${other.pid}，`)
      })
    } finally {
      other.kill('SIGKILL')
    }
  })

  it('takes over a stale lock whose process has ended', async () => {
    await writeLock(endedPid())
    const lock = await acquireLock(dir, 'ledger.json')
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid)
    await lock.release()
  })

  it('takes over an unreadable lock file (its writer died while creating it)', async () => {
    await writeFile(lockFile(), '')
    const aMinuteAgo = new Date(Date.now() - 60_000)
    await utimes(lockFile(), aMinuteAgo, aMinuteAgo)
    await (await acquireLock(dir, 'ledger.json')).release()
    expect(await readdir(dir)).toEqual([])
  })

  it('refuses a lock held from another computer, naming it', async () => {
    await writeLock(4242, 'OFFICE-PC-07')
    await expect(acquireLock(dir, 'ledger.json')).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining('另一台电脑（OFFICE-PC-07）上的另一个程序（进程 4242，')
    })
  })

  it('does not remove a lock that someone else took over', async () => {
    const lock = await acquireLock(dir, 'ledger.json')
    await writeLock(process.pid + 1_000_000)
    await lock.release()
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid + 1_000_000)
  })
})

describe('after a power cut: locks left from before the computer started', () => {
  const hourBeforeBoot = (): Date => new Date(Date.now() - uptime() * 1000 - 3_600_000)
  const secondBeforeThisProcess = (): Date => new Date(Date.now() - process.uptime() * 1000 - 1000)
  const takenOver = async (): Promise<void> => {
    const lock = await acquireLock(dir, 'ledger.json', 'electron')
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, program: 'electron' })
    await lock.release()
    expect(await readdir(dir)).toEqual([])
  }

  it('takes over a lock from before the boot whose pid now belongs to a SYSTEM process (pid 1: EPERM or alive)', async () => {
    await writeLock(1, hostname(), lockFile(), hourBeforeBoot(), 'electron')
    await takenOver()
  })

  it('takes over a lock from before the boot whose pid Windows gave to another live program', async () => {
    await writeLock(process.ppid, hostname(), lockFile(), hourBeforeBoot(), 'cli')
    await takenOver()
  })

  it('takes over a lock naming our own pid that an earlier process took', async () => {
    await writeLock(process.pid, hostname(), lockFile(), secondBeforeThisProcess(), 'electron')
    await takenOver()
  })

  it('refuses a lock a live program took since the boot, saying which program, since when, the file and what to do', async () => {
    const startedAt = new Date('2024-05-08T23:30:00.000Z') // 2024-05-09 07:30 in China
    // Ten seconds later by the clock: taken since the boot, however long ago the computer started.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-05-08T23:30:10.000Z') })
    try {
      await writeLock(process.ppid, hostname(), lockFile(), startedAt, 'cli')
      const refused = acquireLock(dir, 'ledger.json', 'electron')
      await expect(refused).rejects.toMatchObject({ code: 'LOCKED' })
      const message = await refused.catch((e: Error) => e.message)
      expect(message).toBe(
        `数据正在被slw 命令行（进程 ${process.ppid}，自 2024-05-09 07:30 起）使用（锁文件“${lockFile()}”），请先关闭它再试。` +
          `如果它并没有在运行（例如停电之后），请重新启动电脑，或删除文件“${lockFile()}”。`
      )
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('app:bootstrap beside another program', () => {
  it('fails with the whole message (the renderer shows it as it is), and starts once that program is gone', async () => {
    const desktop = createServices(dir, 'electron')
    try {
      expect(await dispatch(desktop.handlers, 'app:bootstrap', {}, desktop.log)).toMatchObject({ ok: true })
      const web = createServices(dir, 'web')
      const r = await dispatch(web.handlers, 'app:bootstrap', {}, web.log)
      expect(r.ok).toBe(false)
      const message = r.ok ? '' : r.error.message
      expect(message).toContain(`数据正在被散乱污台账程序（进程 ${process.pid}，自 `)
      // The first file every request opens: the calendar in force.
      expect(message).toContain(`锁文件“${join(dir, 'calendar.json.lock')}”`)
      expect(message).toContain('请重新启动电脑，或删除文件')
      await desktop.close()
      expect(await dispatch(web.handlers, 'app:bootstrap', {}, web.log)).toMatchObject({ ok: true })
      await web.close()
    } finally {
      await desktop.close()
    }
  })
})

describe('taking over a stale lock, with other programs at it too', () => {
  it('deletes nothing when another program took over after this one judged the lock dead (ABA)', async () => {
    await writeLock(endedPid())
    let other: FileLock | undefined
    // Between this program reading the dead owner's lock and acting on it, another program takes it over.
    fsHook.afterRead = async (path) => {
      if (path !== lockFile()) return
      fsHook.afterRead = undefined
      other = await acquireLock(dir, 'ledger.json')
    }
    await expect(acquireLock(dir, 'ledger.json')).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining(`另一个程序（进程 ${process.pid}，`)
    })
    expect(other).toBeDefined()
    await other?.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('takes over although a program died in the middle of taking it over', async () => {
    await writeLock(endedPid())
    const stale = await readFile(lockFile(), 'utf8')
    // Learn the name of the claim a taker holds while it takes over this content.
    const claims = new Set<string>()
    fsHook.afterRead = async () => {
      for (const f of await readdir(dir)) if (f !== 'ledger.json.lock') claims.add(f)
    }
    await (await acquireLock(dir, 'ledger.json')).release()
    fsHook.afterRead = undefined
    expect(claims.size).toBe(1)
    // The same dead lock again, with the claim of a taker that died holding it.
    await writeFile(lockFile(), stale)
    await writeLock(endedPid(), hostname(), join(dir, [...claims][0] as string))
    await (await acquireLock(dir, 'ledger.json')).release()
    expect(await readdir(dir)).toEqual([])
  })

  it('works on a volume without hard links (FAT, some network shares)', async () => {
    fsHook.linkError = 'EPERM'
    await writeLock(endedPid())
    const lock = await acquireLock(dir, 'ledger.json')
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid)
    await expect(acquireLock(dir, 'ledger.json')).rejects.toMatchObject({ code: 'LOCKED' })
    await lock.release()
    expect(await readdir(dir)).toEqual([])
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
