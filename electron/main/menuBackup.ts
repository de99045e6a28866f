/**
 * Electron glue for 文件 → 备份… and 恢复…: the dialogs, then the backup service (electron/services/backup). Texts
 * and file names come from menuTemplate.ts.
 */
import { join } from 'node:path'
import type { BrowserWindow, MessageBoxOptions } from 'electron'
import { app, dialog } from 'electron'
import { APP_VERSION } from '../services/appInfo'
import type { AppLog } from '../services/appLog'
import { sendLogAdvice } from '../services/appLog'
import { createBackup, verifyBackup } from '../services/backup/backup'
import { restoreBackup } from '../services/backup/restore'
import { relaunchPath } from '../services/paths'
import { backupFileName, backupProblem, restoreConfirmation } from './menuTemplate'

export interface BackupContext {
  dataPath: string
  log: AppLog
  /** Closes the data folder's services (their locks and open files) before a restore replaces it. */
  closeServices: () => Promise<void>
}

const ZIP_FILTER = [{ name: '备份文件', extensions: ['zip'] }]

const tell = (win: BrowserWindow | undefined, options: MessageBoxOptions): Promise<unknown> =>
  win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The taskbar button shows how far a long backup or restore is; cleared when it ends. */
const showProgress =
  (win: BrowserWindow | undefined) =>
  (done: number, total: number): void =>
    win?.setProgressBar(total > 0 ? Math.min(1, done / total) : 2)

/** 备份…: where to save (Documents, dated name), then the whole data folder into one .zip. */
export async function backupDataDir(ctx: BackupContext, win: BrowserWindow | undefined): Promise<void> {
  const options = { title: '备份数据', defaultPath: join(app.getPath('documents'), backupFileName(new Date())), filters: ZIP_FILTER }
  const answer = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  if (answer.canceled || !answer.filePath) return
  try {
    const summary = await createBackup(ctx.dataPath, answer.filePath, { appVersion: APP_VERSION, progress: showProgress(win) })
    ctx.log.info(`backup written: ${summary.file} (${summary.files} files)`)
    win?.setProgressBar(-1)
    await tell(win, {
      type: 'info',
      title: '备份数据',
      message: '备份已完成。',
      detail: `备份文件：${summary.file}（共 ${summary.files} 个文件）\n建议把备份另外拷贝到U盘或其他电脑，以防本机硬盘损坏。`
    })
  } catch (e) {
    win?.setProgressBar(-1)
    const log = ctx.log.bug('menu backup', e)
    await tell(win, { type: 'error', title: '备份数据', message: '备份没有完成。', detail: `${messageOf(e)}\n${sendLogAdvice(log)}` })
  }
}

/**
 * 恢复…: picks a backup, checks it, confirms (the current data is kept as a backup first), closes the services,
 * restores, and starts the program again over the restored folder.
 */
export async function restoreDataDir(ctx: BackupContext, win: BrowserWindow | undefined): Promise<void> {
  const options = { title: '选择要恢复的备份', filters: ZIP_FILTER, properties: ['openFile' as const] }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  const zip = picked.filePaths[0]
  if (picked.canceled || !zip) return
  try {
    const problem = backupProblem(await verifyBackup(zip, { appVersion: APP_VERSION, progress: showProgress(win) }))
    if (problem) throw new Error(problem)
  } catch (e) {
    win?.setProgressBar(-1)
    await tell(win, { type: 'error', title: '恢复备份', message: '这个文件不能用来恢复，数据没有改动。', detail: messageOf(e) })
    return
  }
  win?.setProgressBar(-1)
  const { response } = await (win ? dialog.showMessageBox(win, restoreConfirmation(zip, ctx.dataPath)) : dialog.showMessageBox(restoreConfirmation(zip, ctx.dataPath)))
  if (response !== 0) return

  ctx.log.info(`restore from ${zip}`)
  await ctx.closeServices()
  try {
    const restored = await restoreBackup(zip, ctx.dataPath, { appVersion: APP_VERSION, program: 'electron', progress: (_step, done, total) => showProgress(win)(done, total) })
    ctx.log.info(`restored ${restored.files} files (backup of ${restored.createdAt}, version ${restored.backupVersion})`)
  } catch (e) {
    win?.setProgressBar(-1)
    const log = ctx.log.bug('menu restore', e)
    await tell(win, {
      type: 'error',
      title: '恢复备份',
      message: '恢复没有完成，程序将重新启动。',
      detail: `${messageOf(e)}\n${sendLogAdvice(log)}`
    })
  }
  // A portable .exe or an AppImage runs from a copy that goes away with this process: start the launcher again.
  const launcher = relaunchPath(process.env)
  app.relaunch(launcher ? { execPath: launcher, args: process.argv.slice(1) } : {})
  app.exit(0)
}
