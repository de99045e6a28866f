/**
 * Failures of the disk rather than of the program (read-only medium, disk full, no permission, file held open):
 * the clerk can act on them, so they get a sentence naming the path and what to do, never a stack trace.
 */
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppFailure } from '@shared/ipc/result'
import { sendLogAdvice } from '../services/appLog'
import { unreadableMessage } from '../services/import/readAnnexFile'

const ADVICE: Record<string, string> = {
  EROFS: '所在的磁盘是只读的（如写保护的U盘、光盘或只读的共享文件夹）。请换到可写的磁盘（用 --data 指定数据文件夹，或用 --out 指定输出文件）后重试',
  ENOSPC: '磁盘空间已满。请清理磁盘后重试',
  EDQUOT: '磁盘配额已用完。请清理文件后重试',
  EACCES: '没有访问权限。请检查该文件或文件夹的权限，或换一个位置后重试',
  EPERM: '操作不被允许（可能没有权限，或文件正在 Excel、WPS 中打开）。请关闭该文件、检查权限后重试',
  EBUSY: '文件正被其他程序占用（可能是杀毒软件、备份软件或 Excel）。请稍后重试'
}

/** The message for a disk failure; undefined when `e` is something else (a bug is still reported as one). */
export function diskErrorMessage(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException | null
  const advice = err?.code === undefined ? undefined : ADVICE[err.code]
  if (!advice) return undefined
  // The program's own lock and temporary files mean nothing to a clerk: name the folder they are in.
  const path = err?.path && /\.(lock|tmp|new)$|\.lock\./.test(err.path) ? dirname(err.path) : err?.path
  const where = path ? `“${path}”` : '数据文件夹'
  return `无法访问${where}：${advice}。已保存的台账没有被改动。`
}

/**
 * What a command's uncaught failure becomes: a disk's refusal is told in words and exits 1 (as any file that could
 * not be read or written); anything else is a bug, reported with its stack, written to the log by `record` (which
 * returns the file) and exit 70.
 */
export function reportFailure(e: unknown, record: (bug: unknown) => string): number {
  const disk = diskErrorMessage(e)
  if (disk) {
    process.stderr.write(`${disk}\n`)
    return 1
  }
  process.stderr.write(`slw 内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.stderr.write(`${sendLogAdvice(record(e))}\n`)
  return 70
}

/** A refusal said on stderr, exit 1: the program's own (AppFailure) or a disk's; anything else is a bug and rethrown. */
export function toldRefusal(e: unknown): 1 {
  const message = e instanceof AppFailure ? e.message : diskErrorMessage(e)
  if (message === undefined) throw e
  process.stderr.write(`${message}\n`)
  return 1
}

/** The bytes of a file named on the command line, or null after saying why it cannot be read. */
export async function readInputFile(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch (e) {
    process.stderr.write(`${unreadableMessage(file, e)}\n`)
    return null
  }
}
