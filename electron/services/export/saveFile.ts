import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { errno, isBusyError, retryBusy } from '../storage/busyRetry'

/**
 * The finished copy could not be put in place of the target: on Windows the target is open in Excel or WPS, or is
 * marked read-only (antivirus holds are outlasted by the busy-retry first). The target is untouched.
 */
export class ReplaceFailure extends Error {
  readonly code: string | undefined
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'ReplaceFailure'
    this.code = errno(cause)
  }
}

/**
 * Writes the file next to its destination, flushed to disk, then renames it over, so a crash or a full disk never
 * leaves a half-written workbook under the name the user will send. The temp file never stays behind.
 */
export async function saveFileAtomically(path: string, bytes: Buffer): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(tmp, bytes, { flush: true })
    await retryBusy(() => rename(tmp, path)).catch((e: unknown) => {
      throw new ReplaceFailure(e)
    })
  } catch (e) {
    await retryBusy(() => rm(tmp, { force: true })).catch(() => undefined)
    throw e
  }
}

/** Why a file could not be written, in words a clerk can act on. */
export function saveErrorMessage(path: string, e: unknown): string {
  const code = errno(e)
  if (isBusyError(e)) {
    return `无法写入“${path}”：文件可能正在 Excel 或 WPS 中打开，或没有写入权限。请关闭该文件后重试。`
  }
  if (code === 'ENOENT') return `无法写入“${path}”：文件夹不存在。`
  if (code === 'ENOSPC') return `无法写入“${path}”：磁盘空间不足。`
  if (code === 'EROFS') return `无法写入“${path}”：所在的磁盘是只读的，请换一个可写的位置。`
  return `无法写入“${path}”：${e instanceof Error ? e.message : String(e)}`
}
