/**
 * `backup:create`: a backup handed to the page as any export is (ExportedFile): the desktop app then saves it
 * through the ExportSaver (file:save, where the user chooses), the web mode's browser downloads it. The zip is made
 * in a temp folder of the system, read back and removed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chinaFileStamp } from '@shared/domain/chinaTime'
import type { ExportedFile } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import { createBackup } from './backup'
import { AUTO_BACKUP_DIR, sizeText } from './format'

export interface ExportBackupOptions {
  appVersion: string
  /** Whose folder, for the file name (the unit's short name); none before the first start is done. */
  unitName?: string | undefined
  /** The most an export can carry to be saved (file:save); above it the clerk is sent to the automatic backups. */
  maxBytes: number
  now?: () => Date
  progress?: (done: number, total: number) => void
}

/** 散乱污台账备份-八坊街道-20240509-073005.zip */
export function backupFileName(at: Date, unitName?: string): string {
  return `散乱污台账备份-${unitName ? `${unitName}-` : ''}${chinaFileStamp(at)}.zip`
}

export async function exportBackup(dataPath: string, opt: ExportBackupOptions): Promise<ExportedFile> {
  const now = (opt.now ?? (() => new Date()))()
  const fileName = backupFileName(now, opt.unitName)
  const dir = await mkdtemp(join(tmpdir(), 'slw-backup-'))
  try {
    const made = await createBackup(dataPath, join(dir, fileName), { appVersion: opt.appVersion, now: () => now, ...(opt.progress ? { progress: opt.progress } : {}) })
    if (made.zipBytes > opt.maxBytes) {
      throw new AppFailure(
        'IO',
        `备份有 ${sizeText(made.zipBytes)}，超过在此保存的上限 ${sizeText(opt.maxBytes)}。` +
          `数据文件夹“${dataPath}”中的“${AUTO_BACKUP_DIR}”里有程序每天自动生成的备份，请直接复制其中最新的一份；或用命令 slw backup 生成备份。`
      )
    }
    return { fileName, data: (await readFile(made.file)).toString('base64') }
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined)
  }
}
