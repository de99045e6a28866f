import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { isSubmissionFile } from '@shared/merge/submissionFile'
import { errno } from '../storage/busyRetry'

export interface CollectedFiles {
  files: string[]
  /** Chinese: paths that do not exist or cannot be listed. */
  problems: string[]
}

/**
 * The files to merge. A folder means the spreadsheets directly in it (sorted by name), not its subfolders: an office
 * may keep 旧版 or 已退回 subfolders inside a round's folder, and those are merged only when named on purpose. A file
 * named explicitly is always taken, so a wrong format is reported by the importer instead of silently skipped. The
 * same path named twice is taken once.
 */
export async function collectFiles(pathsOrFolders: readonly string[]): Promise<CollectedFiles> {
  const seen = new Set<string>()
  const collected: CollectedFiles = { files: [], problems: [] }
  const take = (path: string): void => {
    if (seen.has(resolve(path))) return
    seen.add(resolve(path))
    collected.files.push(path)
  }
  for (const path of pathsOrFolders) {
    try {
      if (!(await stat(path)).isDirectory()) {
        take(path)
        continue
      }
      const entries = await readdir(path, { withFileTypes: true })
      const names = entries.filter((e) => e.isFile() && isSubmissionFile(e.name)).map((e) => e.name)
      for (const name of names.sort()) take(join(path, name))
    } catch (e) {
      const code = errno(e)
      collected.problems.push(code === 'ENOENT' ? `找不到“${path}”，请检查路径` : `无法读取“${path}”（${code ?? '读取中断'}）`)
    }
  }
  return collected
}
