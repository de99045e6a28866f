import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { errno } from '../storage/busyRetry'
import type { ImportResult } from './importResult'
import { refusedFile } from './importResult'
import { importLimits } from './limits'
import { tooLargeMessage } from './preflight'
import type { ReadOptions } from './readAnnexWorkbook'
import { readAnnexWorkbook } from './readAnnexWorkbook'

/** Reads a spreadsheet from disk; an oversized file is refused from its size alone, without reading it. */
export async function readAnnexFile(path: string, options: ReadOptions = {}): Promise<ImportResult> {
  const name = basename(path)
  const maxBytes = options.limits?.maxFileBytes ?? importLimits.maxFileBytes
  let bytes: Buffer
  try {
    const info = await stat(path)
    if (!info.isFile()) return refusedFile(name, 'READ_FAILED', `“${path}”不是文件，请选择要导入的表格文件`)
    if (info.size > maxBytes) return refusedFile(name, 'FILE_TOO_LARGE', tooLargeMessage(name, info.size, maxBytes))
    bytes = await readFile(path)
  } catch (e) {
    return refusedFile(name, 'READ_FAILED', unreadableMessage(path, e))
  }
  return readAnnexWorkbook(bytes, name, options)
}

/** Why reading a file failed, as a clerk can act on it: no such file, or held open by Excel/WPS (EBUSY) or cut off (EIO). */
export function unreadableMessage(path: string, error: unknown): string {
  const code = errno(error)
  if (code === 'ENOENT') return `找不到文件“${path}”，请检查文件名和位置`
  return `文件“${basename(path)}”无法读取（${code ?? '读取中断'}），请关闭正在打开它的 Excel 或 WPS、重新插入U盘后重试`
}
