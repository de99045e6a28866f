/**
 * One writer per file: `<dir>/<name>.lock` holds the owner's pid. Two programs writing one ledger would each think
 * their generation is current and silently replace the other's saves. Electron's single-instance lock covers the
 * desktop app; this also covers the CLI and the web mode on the same data folder.
 *
 * Taking over the lock of a process that ended is a compare-and-delete, which file systems do not offer; "read it,
 * see the owner is dead, delete it" lets two takers both delete, the later one deleting the lock the earlier one has
 * just created. So it is built on the one atomic step every file system has, creating a name that does not exist:
 *   - a lock appears with its whole content at once: written to a private file, then hard-linked to its name (which
 *     fails if the name exists); where there are no hard links (FAT, some network shares) it is created with 'wx';
 *   - a taker first creates the claim `<lock>.takeover-<hash of the content it judged dead>`. Only one process holds
 *     the claim for that content; holding it, the taker reads the lock again and deletes it only if it still holds
 *     exactly that content. Every lock's content is unique (pid, start time, random nonce) and a dead owner never
 *     writes again, so a taker who judged a lock dead and was overtaken meanwhile finds another content and deletes
 *     nothing. A claim whose taker died is deleted the same way.
 * No rename: on Windows rename replaces an existing file, and fails while an antivirus scanner holds it.
 *
 * A lock's owner is dead when its process has ended, and also, whatever its pid says now, when the lock was taken
 * before this computer last started (power cut, reset): Windows hands the old pid to another program after a
 * reboot, and a SYSTEM process answers "exists, not yours" (EPERM). A lock naming our own pid that this process did
 * not take is likewise a previous process's.
 */
import { createHash, randomBytes } from 'node:crypto'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { chinaDateTime } from '@shared/domain/chinaTime'
import { AppFailure } from '@shared/ipc/result'
import { diskFailure, errno, retryBusy, sleep } from './busyRetry'

/** The programs that open a data folder for writing, as the lock records them. */
export type Program = 'electron' | 'web' | 'cli'

const PROGRAM_NAMES: Record<Program, string> = {
  electron: '散乱污台账程序',
  web: '散乱污台账（网页模式）',
  cli: 'slw 命令行'
}

interface LockInfo {
  pid: number
  hostname: string
  startedAt: string
  nonce?: string
  program?: Program
}

export interface LockOptions {
  /** Which program takes the lock, named to whoever finds it held. */
  program?: Program
  /** Only read: no lock is taken (see openLocked). */
  readOnly?: boolean
}

export interface FileLock {
  readonly path: string
  release: () => Promise<void>
}

/** What a lock (or claim) file says about its owner. */
type Seen =
  | { state: 'absent' }
  /** A live process on this computer, or any process on another computer (whose pids we cannot check). */
  | { state: 'held'; owner: LockInfo }
  /** Unreadable but fresh: its writer may be between creating and writing it. */
  | { state: 'pending' }
  /** Its process ended without releasing it (crash, power cut), or it has been unreadable for too long. */
  | { state: 'dead'; raw: string }

/** How long an unreadable lock may be in the middle of being written before it counts as abandoned. */
const UNREADABLE_GRACE_MS = 1000
/** How long to wait for a takeover by another program, or for a lock being written, before saying LOCKED. */
const ACQUIRE_LIMIT_MS = 3000
/** The clock and the uptime counter may disagree a little: a lock this much older than the boot is from before it. */
const BOOT_MARGIN_MS = 60_000
/** When this process started, by the wall clock, read once (a later clock change must not move it). */
const PROCESS_STARTED_AT = Date.now() - process.uptime() * 1000
/** The contents of the locks and claims this process holds now. */
const held = new Set<string>()


const token = (program?: Program): string =>
  JSON.stringify({
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
    ...(program ? { program } : {})
  } satisfies LockInfo)

/** When this computer last started, by the wall clock. */
const bootedAt = (): number => Date.now() - uptime() * 1000

/** Whether the owner of a lock taken on this computer still runs (see the file comment). */
function ownerRuns(owner: LockInfo, raw: string): boolean {
  const taken = Date.parse(owner.startedAt)
  if (taken < bootedAt() - BOOT_MARGIN_MS) return false
  if (owner.pid === process.pid) return held.has(raw) || !(taken < PROCESS_STARTED_AT)
  return isAlive(owner.pid)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return errno(e) === 'EPERM' // exists, owned by another user
  }
}

function parse(raw: string): LockInfo | undefined {
  try {
    const info = JSON.parse(raw) as Partial<LockInfo>
    const { pid, hostname, startedAt } = info
    if (Number.isInteger(pid) && (pid as number) > 0 && typeof hostname === 'string' && typeof startedAt === 'string') return info as LockInfo
  } catch {
    // half written, or not written by us: judged by its age below
  }
  return undefined
}

/** The operation's result, or undefined if the file is not there (any more). */
const unlessGone = <T>(op: Promise<T>): Promise<T | undefined> =>
  op.catch((e: unknown) => {
    if (errno(e) === 'ENOENT') return undefined
    throw e
  })

const readRaw = (path: string): Promise<string | undefined> => unlessGone(retryBusy(() => readFile(path, 'utf8'), [path]))

async function inspect(path: string): Promise<Seen> {
  const raw = await readRaw(path)
  if (raw === undefined) return { state: 'absent' }
  const owner = parse(raw)
  if (owner) {
    return owner.hostname !== hostname() || ownerRuns(owner, raw) ? { state: 'held', owner } : { state: 'dead', raw }
  }
  const written = await unlessGone(stat(path))
  if (!written) return { state: 'absent' }
  return Date.now() - written.mtimeMs < UNREADABLE_GRACE_MS ? { state: 'pending' } : { state: 'dead', raw }
}

/**
 * Creates `path` holding `content`, or returns false if it exists. Where hard links exist, nobody sees it empty.
 * Created, it counts as held by this process until its creator deletes it and forgets it (`held`).
 */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const staged = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.new`
  await retryBusy(() => writeFile(staged, content, { flag: 'wx' }), [staged])
  held.add(content)
  let created = false
  try {
    await link(staged, path)
    return (created = true)
  } catch (e) {
    if (errno(e) === 'EEXIST') return false
    // No hard links on this volume (or the staged file is held by a scanner): create it in place. Windows also says
    // EPERM for a name whose deletion is still pending; that passes, so retry it.
    try {
      await retryBusy(() => writeFile(path, content, { flag: 'wx' }), [path])
      return (created = true)
    } catch (e2) {
      if (errno(e2) === 'EEXIST') return false
      throw e2
    }
  } finally {
    if (!created) held.delete(content)
    await retryBusy(() => rm(staged, { force: true }), [staged])
  }
}



/**
 * Deletes `lockPath`'s file `path` (the lock, or a claim on it) if it still holds `raw`, the content of an owner
 * judged dead. Returns false while another taker is at it, true when the caller should look again at once.
 */
async function removeDead(lockPath: string, path: string, raw: string): Promise<boolean> {
  const digest = createHash('sha256').update(path).update('\0').update(raw).digest('hex').slice(0, 16)
  const claim = `${lockPath}.takeover-${digest}`
  const mine = token()
  if (!(await createExclusive(claim, mine))) {
    const other = await inspect(claim)
    if (other.state === 'absent') return true
    return other.state === 'dead' && (await removeDead(lockPath, claim, other.raw))
  }
  try {
    const now = await inspect(path)
    if (now.state === 'dead' && now.raw === raw) await retryBusy(() => rm(path, { force: true }), [path])
    return true
  } finally {
    await retryBusy(() => rm(claim, { force: true }), [claim])
    held.delete(mine)
  }
}

function lockedBy(owner: LockInfo, path: string): AppFailure {
  const program = owner.program ? PROGRAM_NAMES[owner.program] : '另一个程序'
  const who = `${program}（进程 ${owner.pid}，自 ${chinaDateTime(owner.startedAt)} 起）`
  if (owner.hostname !== hostname()) {
    return new AppFailure(
      'LOCKED',
      `数据正在被另一台电脑（${owner.hostname}）上的${who}使用（锁文件“${path}”），请先在那台电脑上关闭它再试。如果那台电脑上的程序已经关闭，请删除文件“${path}”。`
    )
  }
  return new AppFailure(
    'LOCKED',
    `数据正在被${who}使用（锁文件“${path}”），请先关闭它再试。如果它并没有在运行（例如停电之后），请重新启动电脑，或删除文件“${path}”。`
  )
}

/** Takes the lock for `<dir>/<name>`, taking over a lock whose owner has ended; LOCKED if it is in use. */
export async function acquireLock(dir: string, name: string, program?: Program): Promise<FileLock> {
  const path = join(dir, `${name}.lock`)
  const mine = token(program)
  const deadline = Date.now() + ACQUIRE_LIMIT_MS
  let wait = 1
  try {
    while (!(await createExclusive(path, mine))) {
      const seen = await inspect(path)
      if (seen.state === 'held') throw lockedBy(seen.owner, path)
      if (Date.now() > deadline) throw new AppFailure('LOCKED', `数据正在被另一个程序使用（锁文件“${path}”），请稍后再试。`)
      const again = seen.state === 'absent' || (seen.state === 'dead' && (await removeDead(path, path, seen.raw)))
      if (!again) await sleep((wait = Math.min(wait * 2, 20)))
    }
  } catch (e) {
    throw diskFailure(e, path, '数据文件无法打开')
  }
  return {
    path,
    // Only our own content is deleted: nobody else deletes a live owner's lock, so it cannot change under us.
    release: async () => {
      if ((await readRaw(path)) === mine) await retryBusy(() => rm(path, { force: true }), [path])
      held.delete(mine)
    }
  }
}

/**
 * Opens a store under its lock: takes the lock for `<dir>/<name>` and runs `open` with it. If opening fails (a
 * damaged file, another unit's ledger) the lock is released before the error goes on, so the store can be retried.
 * A store opened read-only takes no lock (and writes nothing): reading never waits for, or blocks, a writer.
 */
export async function openLocked<T>(dir: string, name: string, open: (lock: FileLock) => Promise<T>, opt: LockOptions = {}): Promise<T> {
  if (opt.readOnly) return open({ path: join(dir, `${name}.lock`), release: async () => undefined })
  const lock = await acquireLock(dir, name, opt.program)
  try {
    return await open(lock)
  } catch (e) {
    await lock.release()
    throw e
  }
}
