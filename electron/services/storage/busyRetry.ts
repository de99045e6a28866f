/**
 * One policy for every read, write, rename and delete of our own data files (ledgers, backups, locks, received
 * files) on the clerk's Windows PC, and one place that says why such an operation finally failed.
 *
 * Antivirus scanners (360, 火绒) and indexers hold fresh files for a moment: EPERM/EBUSY/EACCES are retried with
 * backoff for up to 10 s. Before waiting, the real cause is looked for: a read-only attribute on one of our own files
 * (a folder copied from a CD, or set in Explorer) is cleared and the operation retried at once; a folder that cannot
 * be written, or a read-only medium, fails at once (waiting would not change it); a data folder that vanished means
 * the USB stick or disk was pulled.
 */
import { randomBytes } from 'node:crypto'
import { chmod, open, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { AppFailure } from '@shared/ipc/result'

const BUSY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY'])
const READ_ONLY_CODES = new Set(['EPERM', 'EACCES', 'EROFS'])
const RETRY_LIMIT_MS = 10_000
const OWNER_WRITE = 0o200

/** What was found on the disk about a failed operation, carried on its error for diskFailure. */
interface Diagnosis {
  /** A folder we must write in that cannot be written (read-only attribute or medium, no permission). */
  readOnlyFolder?: string
  /** The data folder is gone: the USB stick or disk holding it was pulled (or the folder moved). */
  missingFolder?: string
}
type DiagnosedError = NodeJS.ErrnoException & Diagnosis

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
/** The error's Node code (ENOENT, EBUSY…), if it has one. */
export const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code
/** Refused because something holds the file or denies access: what Windows says while a scanner or Excel has it. */
export const isBusyError = (e: unknown): boolean => BUSY_CODES.has(errno(e) ?? '')
const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false
  )

/** Clears the read-only attribute (the owner's write bit) of those of `files` that have it; true if any had. */
async function clearReadOnly(files: readonly string[]): Promise<boolean> {
  let cleared = false
  for (const f of files) {
    const s = await stat(f).catch(() => undefined)
    if (!s?.isFile() || s.mode & OWNER_WRITE) continue
    await chmod(f, s.mode | OWNER_WRITE)
    cleared = true
  }
  return cleared
}

/**
 * Whether a new file can be created in `dir`, tried with a probe file: access() cannot tell on Windows, where it
 * ignores folder permissions. A scanner cannot hold a file that did not exist, so a refusal here is the folder's.
 */
async function refusesNewFiles(dir: string): Promise<boolean> {
  const probe = join(dir, `.slw-probe-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    await (await open(probe, 'wx')).close()
  } catch (e) {
    return READ_ONLY_CODES.has(errno(e) ?? '')
  }
  await rm(probe, { force: true }).catch(() => undefined)
  return false
}

async function unwritableFolder(files: readonly string[]): Promise<string | undefined> {
  for (const dir of new Set(files.map((f) => dirname(f)))) if (await refusesNewFiles(dir)) return dir
  return undefined
}

async function missingFolder(files: readonly string[]): Promise<string | undefined> {
  for (const dir of new Set(files.map((f) => dirname(f)))) if (!(await exists(dir))) return dir
  return undefined
}

/**
 * Runs `op` on our own `files` (those it reads, writes, renames or deletes) under the busy-retry policy above. Only
 * ever for files this program wrote: their read-only attribute may be cleared. Errors keep their code and path.
 */
export async function retryBusy<R>(op: () => Promise<R>, files: readonly string[] = []): Promise<R> {
  let delay = 5
  let waited = 0
  let cleared = false
  let probed = false
  for (;;) {
    try {
      return await op()
    } catch (e) {
      const code = errno(e)
      const err = e as DiagnosedError
      if (code === 'ENOENT') {
        const gone = await missingFolder(files)
        if (gone) err.missingFolder = gone
      }
      const at = files[0] ?? err.path
      if (code === 'EROFS' && at) err.readOnlyFolder = dirname(at)
      if (!isBusyError(e)) throw e
      // The causes waiting would not change are looked for once each: a read-only file of ours, then the folder.
      if (!cleared) {
        cleared = true
        if (await clearReadOnly(files)) continue
      }
      if (!probed) {
        probed = true
        const folder = await unwritableFolder(files)
        if (folder) throw Object.assign(err, { readOnlyFolder: folder })
      }
      if (waited >= RETRY_LIMIT_MS) throw e
      const d = Math.min(delay, RETRY_LIMIT_MS - waited)
      await sleep(d)
      waited += d
      delay *= 2
    }
  }
}

/**
 * Why an operation on our file `path` failed, in words a clerk can act on, or undefined when the error is not one
 * of the disk's (the caller lets it through). The one place that chooses these messages.
 */
export function diskProblem(e: unknown, path: string): string | undefined {
  const err = e as DiagnosedError | null
  if (err?.readOnlyFolder) {
    return `数据目录“${err.readOnlyFolder}”是只读的（可能在资源管理器中设为只读，或在光盘上），请把它复制到可写的位置或取消只读`
  }
  if (err?.missingFolder) {
    return `数据目录“${err.missingFolder}”已不存在：U盘或数据所在的磁盘已拔出，或文件夹被移动、删除。请插回U盘或找回该文件夹后重试`
  }
  if (isBusyError(e)) {
    return `文件“${path}”被其他程序占用（可能是杀毒软件正在扫描，或在 Excel/WPS 等程序中打开了它），请关闭占用它的程序，或在杀毒软件中信任数据目录，稍后重试`
  }
  return undefined
}

/**
 * `e` as the user should see it: an AppFailure saying `outcome` (what did not happen, e.g. "修改未能保存") and why
 * (diskProblem), or `e` itself when it is not the disk's.
 */
export function diskFailure(e: unknown, path: string, outcome: string): unknown {
  const problem = e instanceof AppFailure ? undefined : diskProblem(e, path)
  return problem ? new AppFailure('IO', `${outcome}：${problem}。`, [String(e)]) : e
}
