/**
 * One writer per file: `<dir>/<name>.lock` holds the owner's pid. Two programs writing one ledger would each think
 * their generation is current and silently replace the other's saves. Electron's single-instance lock covers the
 * desktop app; this also covers the CLI and the web mode on the same data folder.
 */
import { hostname } from 'node:os'
import { join } from 'node:path'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { AppFailure } from '@shared/ipc/result'

interface LockInfo {
  pid: number
  hostname: string
  startedAt: string
}

export interface FileLock {
  readonly path: string
  release: () => Promise<void>
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return errno(e) === 'EPERM' // exists, owned by another user
  }
}

async function readLock(path: string): Promise<LockInfo | undefined> {
  // The owner creates the file and writes it in one call; an empty read may be that instant, so look again.
  for (let i = 0; i < 5; i++) {
    try {
      const info = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>
      if (Number.isInteger(info.pid) && typeof info.hostname === 'string') return info as LockInfo
    } catch (e) {
      if (errno(e) === 'ENOENT') return undefined
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  return undefined
}

/** Takes the lock for `<dir>/<name>`, taking over a lock whose process has ended; LOCKED if it is in use. */
export async function acquireLock(dir: string, name: string): Promise<FileLock> {
  const path = join(dir, `${name}.lock`)
  const mine: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(path, JSON.stringify(mine), { flag: 'wx' })
      break
    } catch (e) {
      if (errno(e) !== 'EEXIST' || attempt >= 3) throw e
    }
    const owner = await readLock(path)
    if (owner && owner.hostname !== mine.hostname) {
      throw new AppFailure(
        'LOCKED',
        `台账正在被另一台电脑（${owner.hostname}）上的程序（进程 ${owner.pid}）使用，请先关闭它再试。如果那台电脑上的程序已经关闭，请删除文件 ${path}。`
      )
    }
    if (owner && isAlive(owner.pid)) {
      throw new AppFailure('LOCKED', `台账正在被另一个程序（进程 ${owner.pid}）使用，请先关闭它再试。`)
    }
    // Stale: its process ended without releasing it (crash, power cut). Take it over.
    await rm(path, { force: true })
  }
  return {
    path,
    release: async () => {
      const owner = await readLock(path)
      if (owner?.pid === mine.pid && owner.startedAt === mine.startedAt) await rm(path, { force: true })
    }
  }
}

/**
 * Opens a store under its lock: takes the lock for `<dir>/<name>` and runs `open` with it. If opening fails (a
 * damaged file, another unit's ledger) the lock is released before the error goes on, so the store can be retried.
 * A store opened read-only takes no lock (and writes nothing): reading never waits for, or blocks, a writer.
 */
export async function openLocked<T>(dir: string, name: string, open: (lock: FileLock) => Promise<T>, readOnly = false): Promise<T> {
  if (readOnly) return open({ path: join(dir, `${name}.lock`), release: async () => undefined })
  const lock = await acquireLock(dir, name)
  try {
    return await open(lock)
  } catch (e) {
    await lock.release()
    throw e
  }
}
