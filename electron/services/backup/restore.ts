/**
 * 恢复 of a data folder from a backup (backup.ts). Only with every program closed: the running app cannot replace
 * its own folder, so the desktop app closes its services, calls restoreBackup and relaunches.
 *
 * In order, each step only once the one before succeeded:
 *  1. the backup is checked whole (structure, manifest, every file's sha256) and its program version: a backup of a
 *     newer program is refused. Nothing has been touched yet.
 *  2. the folder's locks (fileLock.ts) are taken: those of any store a program has open (a live owner refuses the
 *     restore, a dead one's lock is taken over) and those of calendar.json and profile.json, which every program
 *     opens first, so none starts on the folder meanwhile.
 *  3. the folder as it is now is backed up into its own 自动备份/恢复前-<time>.zip: a restore can be undone.
 *  4. the backup is written into a sibling folder `<name>.restoring-<tag>`, every file checked again against the
 *     manifest and flushed, then renamed `<name>.restored-<tag>` (complete).
 *  5. the swap, two renames: the folder → `<name>.replaced-<tag>`, the restored folder → the folder. A crash can only
 *     leave the folder missing between them; finishInterruptedRestore (run by the next restore, and by the app at
 *     start) completes the swap from the `.restored-` folder. Renaming a folder fails on Windows while a file in it
 *     is open: the programs are closed by now, and what an antivirus scanner holds is waited for (busyRetry.ts).
 *  6. 自动备份 and logs/, which belong to this computer rather than to the data (never in a backup), move from the
 *     replaced folder into the restored one; the replaced folder is deleted (its content is in 恢复前-….zip).
 * The staging folders are siblings, on the same volume, so the swap is a rename and never a copy.
 */
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { chinaFileStamp } from '@shared/domain/chinaTime'
import { AppFailure } from '@shared/ipc/result'
import { errno, retryBusy } from '../storage/busyRetry'
import { syncDir } from '../storage/durableJsonFile'
import type { FileLock, Program } from '../storage/fileLock'
import { acquireLock } from '../storage/fileLock'
import type { BackupSummary } from './backup'
import { createBackup, holdsNoData, OpenedBackup, refusal, verifyBackup, writeAll } from './backup'
import type { BackupLimits } from './format'
import { AUTO_BACKUP_DIR, KEPT_APART } from './format'

export interface RestoreOptions {
  /** This program's version: a backup of a newer one is refused. */
  appVersion: string
  now?: () => Date
  /** Named in the locks taken while restoring. */
  program?: Program
  limits?: BackupLimits
  /** Which step (in Chinese) and how many of the backup's files are done. */
  progress?: (step: string, done: number, total: number) => void
}

export interface RestoreResult {
  files: number
  bytes: number
  /** When the backup was made and by which version, from its manifest. */
  createdAt: string
  backupVersion: string
  /** The folder as it was before the restore, backed up; null when it held no data. */
  safetyCopy: BackupSummary | null
  /** The previous folder, when it could not be deleted (the user may delete it); null normally. */
  leftover: string | null
}

const UNCHANGED = '数据文件夹没有改动。'
/** The files the first request of every program opens: held, no program starts on the folder during a restore. */
const ALWAYS_LOCKED = ['calendar.json', 'profile.json']
const LEFTOVER = /^\.(restoring|restored|replaced)-(\d{8}-\d{6})-(\d+)-[0-9a-f]+$/
/** Tags of the restores this process is running now (their folders are not leftovers). */
const active = new Set<string>()

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false
  )

/**
 * Replaces the data folder with the backup's content, byte for byte (see the file comment). Throws an AppFailure
 * whose message says in Chinese why nothing was restored (and that the folder is unchanged), or what went wrong.
 */
export async function restoreBackup(zipFile: string, dataDir: string, opt: RestoreOptions): Promise<RestoreResult> {
  const root = resolve(dataDir)
  const parent = dirname(root)
  if (parent === root || !basename(root)) throw new AppFailure('INVALID_INPUT', `不能恢复到磁盘根目录“${root}”，请指定数据文件夹。`)
  const limits = opt.limits
  const now = (opt.now ?? (() => new Date()))()

  const checking = { appVersion: opt.appVersion, ...(limits ? { limits } : {}) }
  // 1. What the backup is, and by which version (quick: its directory and manifest), before anything is touched.
  try {
    await (await OpenedBackup.open(zipFile, checking)).close()
  } catch (e) {
    const refused = refusal(zipFile, e)
    if (refused) throw new AppFailure('INVALID_INPUT', `${refused.message}${UNCHANGED}`)
    throw e
  }

  const tag = `${chinaFileStamp(now)}-${process.pid}-${randomBytes(3).toString('hex')}`
  active.add(tag)
  try {
    await finishInterruptedRestore(root)
    const made = await mkdir(root, { recursive: true })
    // 2. No program on the folder, from now until the swap.
    const locks = await lockFolder(root, opt.program).catch(async (e: unknown) => {
      if (made) await rmdir(root).catch(() => undefined)
      throw e
    })
    try {
      // 1 again, whole: every file against the manifest (the longest step, under the locks: nobody waits for it to
      // learn the folder is in use, and no program starts meanwhile).
      const check = await verifyBackup(zipFile, { ...checking, progress: (d, t) => opt.progress?.('检查备份', d, t) })
      if (!check.ok) throw new AppFailure('INVALID_INPUT', `${check.message}${UNCHANGED}`)
      // 3. The folder as it is, kept.
      const safetyCopy = await keepCurrent(root, opt.appVersion, now)
      // 4. The backup written beside it.
      const restored = await stage(zipFile, root, tag, opt)
      // 5, 6. The swap.
      const leftover = await swap(root, restored, tag)
      return { files: check.files, bytes: check.bytes, createdAt: check.manifest.createdAt, backupVersion: check.manifest.appVersion, safetyCopy, leftover }
    } catch (e) {
      await release(locks)
      // A folder made for the restore goes again (it holds nothing once the locks are released).
      if (made) await rmdir(root).catch(() => undefined)
      throw e
    } finally {
      // After the swap the locks' paths are in the restored folder, where no lock is: releasing deletes nothing.
      await release(locks)
    }
  } finally {
    active.delete(tag)
  }
}

async function release(locks: FileLock[]): Promise<void> {
  for (const lock of locks.splice(0).reverse()) await lock.release().catch(() => undefined)
}

/** The `.lock` files in the folder (those of stores a program has open, or had when it ended). */
async function findLocks(root: string, rel: string, out: Set<string>): Promise<void> {
  const dir = join(root, rel)
  const dirents = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const d of dirents) {
    if (!rel && (KEPT_APART as readonly string[]).includes(d.name)) continue
    if (d.isDirectory()) await findLocks(root, join(rel, d.name), out)
    else if (d.isFile() && d.name.endsWith('.lock')) out.add(join(dir, d.name))
  }
}

async function lockFolder(root: string, program?: Program): Promise<FileLock[]> {
  const paths = new Set(ALWAYS_LOCKED.map((name) => join(root, `${name}.lock`)))
  await findLocks(root, '', paths)
  const held: FileLock[] = []
  try {
    for (const path of paths) held.push(await acquireLock(dirname(path), basename(path).slice(0, -'.lock'.length), program))
  } catch (e) {
    for (const lock of held) await lock.release().catch(() => undefined)
    if (e instanceof AppFailure && e.code === 'LOCKED') {
      throw new AppFailure('LOCKED', `不能恢复：${e.message}恢复会替换整个数据文件夹，必须先关闭所有使用它的程序（散乱污台账、网页模式、slw 命令）。${UNCHANGED}`)
    }
    throw e
  }
  return held
}

/** Backs up the folder as it is into its 自动备份/恢复前-<time>.zip; null when it holds no data. */
async function keepCurrent(root: string, appVersion: string, now: Date): Promise<BackupSummary | null> {
  if (await holdsNoData(root)) return null
  const dir = join(root, AUTO_BACKUP_DIR)
  await mkdir(dir, { recursive: true })
  let file = join(dir, `恢复前-${chinaFileStamp(now)}.zip`)
  for (let i = 2; await exists(file); i++) file = join(dir, `恢复前-${chinaFileStamp(now)}-${i}.zip`)
  try {
    return await createBackup(root, file, { appVersion, now: () => now })
  } catch (e) {
    if (e instanceof AppFailure) throw new AppFailure(e.code, `恢复前要先备份现有的数据，但未能备份：${e.message}未恢复，${UNCHANGED}`)
    throw e
  }
}

/** Writes the backup's files into a sibling folder, each checked and flushed; returns the complete folder. */
async function stage(zipFile: string, root: string, tag: string, opt: RestoreOptions): Promise<string> {
  const base = basename(root)
  const restoring = join(dirname(root), `${base}.restoring-${tag}`)
  const restored = join(dirname(root), `${base}.restored-${tag}`)
  await mkdir(restoring)
  try {
    const dirs = new Set<string>([restoring])
    // Opened and checked again: the file may have changed since (a USB stick), and this pass writes what it reads.
    const backup = await OpenedBackup.open(zipFile, { appVersion: opt.appVersion, ...(opt.limits ? { limits: opt.limits } : {}) })
    try {
      await backup.readAll(
        async (file) => {
          const path = join(restoring, ...file.path.split('/'))
          for (let d = dirname(path); d !== restoring && !dirs.has(d); d = dirname(d)) dirs.add(d)
          await mkdir(dirname(path), { recursive: true })
          const h = await open(path, 'wx')
          return {
            chunk: (bytes) => writeAll(h, bytes),
            finish: async () => {
              await h.sync()
              await h.close()
            },
            abort: () => h.close().catch(() => undefined)
          }
        },
        (d, t) => opt.progress?.('写入数据', d, t)
      )
    } finally {
      await backup.close()
    }
    // The new names durable, deepest folder first, before the folder counts as complete.
    for (const d of [...dirs].sort((a, b) => b.length - a.length)) await syncDir(d)
    await retryBusy(() => rename(restoring, restored), [restoring, restored])
    await syncDir(dirname(root))
    return restored
  } catch (e) {
    await rm(restoring, { recursive: true, force: true }).catch(() => undefined)
    const refused = refusal(zipFile, e)
    if (refused) throw new AppFailure('INVALID_INPUT', `${refused.message}${UNCHANGED}`)
    throw e
  }
}

/** Puts the restored folder in the folder's place; returns the previous folder when it could not be deleted. */
async function swap(root: string, restored: string, tag: string): Promise<string | null> {
  const replaced = join(dirname(root), `${basename(root)}.replaced-${tag}`)
  const inUse = `数据文件夹“${root}”中有文件正被其他程序打开（可能在资源管理器、Excel 或 WPS 中打开了其中的文件，或杀毒软件正在扫描），无法替换。请关闭它们后重试。`
  try {
    await retryBusy(() => rename(root, replaced), [root, replaced])
  } catch (e) {
    await rm(restored, { recursive: true, force: true }).catch(() => undefined)
    throw new AppFailure('IO', `${inUse}${UNCHANGED}`, [String(e)])
  }
  try {
    await retryBusy(() => rename(restored, root), [restored, root])
  } catch (e) {
    // A log line written meanwhile recreates the folder (appLog.ts makes logs/ as needed): it holds no data and goes.
    const recreated = (await exists(root)) && (await holdsNoData(root)) && (await removed(root))
    if (!(recreated && (await renamed(restored, root)))) {
      // Back as it was.
      if (!(await exists(root)) || ((await holdsNoData(root)) && (await removed(root)))) await renamed(replaced, root)
      await rm(restored, { recursive: true, force: true }).catch(() => undefined)
      throw new AppFailure('IO', `${inUse}${UNCHANGED}`, [String(e)])
    }
  }
  await syncDir(dirname(root))
  return (await carryOver(replaced, root)) ? removeReplaced(replaced) : replaced
}

/** Moves 自动备份 and logs/ of the replaced folder into the folder; false when a file of them could not be moved. */
async function carryOver(replaced: string, root: string): Promise<boolean> {
  let all = true
  for (const name of KEPT_APART) {
    const from = join(replaced, name)
    const to = join(root, name)
    if (!(await exists(from))) continue
    if (!(await exists(to))) {
      all = (await renamed(from, to)) && all
      continue
    }
    // Both have one (a log written since): their files are merged, never one over another (the user decides).
    for (const file of await readdir(from).catch(() => [] as string[])) {
      all = !(await exists(join(to, file))) && (await renamed(join(from, file), join(to, file))) && all
    }
  }
  await syncDir(root)
  return all
}

const renamed = (from: string, to: string): Promise<boolean> =>
  retryBusy(() => rename(from, to), [from, to]).then(
    () => true,
    () => false
  )
const removed = (dir: string): Promise<boolean> =>
  rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).then(
    () => true,
    () => false
  )

async function removeReplaced(replaced: string): Promise<string | null> {
  try {
    await rm(replaced, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    return null
  } catch {
    return replaced
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return errno(e) === 'EPERM'
  }
}

/**
 * Completes or cleans up after a restore that was cut off (power cut, killed): when the data folder is missing, the
 * complete restored folder takes its place (else the replaced one goes back); the staging folders left beside it
 * are deleted, 自动备份 and logs/ of a replaced folder moved in first. Those of a restore still running in another
 * process are left alone. Returns what it did, in Chinese (for the log or a notice), or null when there was nothing.
 * The desktop app calls it at start, before opening the folder.
 */
export async function finishInterruptedRestore(dataDir: string): Promise<string | null> {
  const root = resolve(dataDir)
  const parent = dirname(root)
  const base = basename(root)
  if (!base || parent === root) return null
  const names = await readdir(parent).catch(() => [] as string[])
  const found = names
    .filter((n) => n.startsWith(`${base}.`))
    .map((name) => {
      const rest = name.slice(base.length)
      const m = LEFTOVER.exec(rest)
      if (!m) return null
      const kind = m[1] as 'restoring' | 'restored' | 'replaced'
      return { name, kind, stamp: m[2] as string, pid: Number(m[3]), tag: rest.slice(kind.length + 2) }
    })
    .filter((f): f is NonNullable<typeof f> => f !== null)
    .filter((f) => !active.has(f.tag) && (f.pid === process.pid || !isAlive(f.pid)))
  if (found.length === 0) return null
  const done: string[] = []
  const newest = (kind: string): (typeof found)[number] | undefined => found.filter((f) => f.kind === kind).sort((a, b) => b.stamp.localeCompare(a.stamp))[0]
  const pick = newest('restored') ?? newest('replaced')
  // The folder is missing, or holds no data: a program started since made it anew (its first log line).
  if (pick && (!(await exists(root)) || (await holdsNoData(root)))) {
    const from = join(parent, pick.name)
    if (await exists(root)) {
      await carryOver(root, from)
      await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    }
    await retryBusy(() => rename(from, root), [from, root])
    await syncDir(parent)
    found.splice(found.indexOf(pick), 1)
    done.push(pick.kind === 'restored' ? `上次从备份恢复时在替换数据文件夹的中途中断，已完成恢复（${pick.name}）` : `上次从备份恢复时中断，已放回原来的数据文件夹（${pick.name}）`)
  }
  if (!(await exists(root))) return done.join('；') || null
  for (const f of found) {
    const path = join(parent, f.name)
    if (f.kind === 'replaced' && !(await carryOver(path, root))) {
      done.push(`上次恢复前的数据文件夹 ${f.name} 中的“${AUTO_BACKUP_DIR}”或日志未能移回，已保留该文件夹`)
      continue
    }
    await rm(path, { recursive: true, force: true }).catch(() => undefined)
    done.push(`已删除上次恢复留下的临时文件夹 ${f.name}`)
  }
  return done.length ? `${done.join('；')}。` : null
}
