/**
 * Electron glue for the menus: builds menuTemplate.ts's template, passes the page's commands to it, and does what
 * main does itself (备份, 恢复, 打开数据目录, 退出). The decisions and texts live in menuTemplate.ts and menuBackup.ts.
 */
import { BrowserWindow, Menu, dialog, shell } from 'electron'
import { MENU_EVENT } from '@shared/ipc/channels'
import type { MenuCommand } from '@shared/ipc/channels'
import type { BackupContext } from './menuBackup'
import { backupDataDir, restoreDataDir } from './menuBackup'
import { buildMenuTemplate } from './menuTemplate'

export interface MenuContext extends BackupContext {
  /** The packaged app: no developer tools and no reload. */
  isPackaged: boolean
}

const mainWindow = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]

/** Sends a menu command to the page. */
function sendToPage(command: MenuCommand): void {
  const contents = mainWindow()?.webContents
  if (!contents) return
  // The page opens a file chooser for 导入, which Chromium allows only just after a user gesture: the menu click
  // counts as one once main says so (an empty script run with userGesture), then the command follows.
  const gesture = command === 'import' ? contents.executeJavaScript('0', true).catch(() => undefined) : Promise.resolve()
  void gesture.then(() => contents.send(MENU_EVENT, command))
}

export function installMenu(ctx: MenuContext): void {
  const template = buildMenuTemplate(
    {
      send: sendToPage,
      backup: () => void backupDataDir(ctx, mainWindow()),
      restore: () => void restoreDataDir(ctx, mainWindow()),
      openDataDir: () => {
        void shell.openPath(ctx.dataPath).then((error) => {
          if (error) void dialog.showMessageBox({ type: 'error', title: '打开数据目录', message: `无法打开数据目录：${ctx.dataPath}`, detail: error })
        })
      },
      // As the window's close button: the page saves what is pending, then window-all-closed closes the services.
      quit: () => {
        for (const win of BrowserWindow.getAllWindows()) win.close()
      }
    },
    { isMac: process.platform === 'darwin', isPackaged: ctx.isPackaged }
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  // The window hides its menu bar until Alt is pressed; with menus of its own, show them.
  for (const win of BrowserWindow.getAllWindows()) {
    win.setAutoHideMenuBar(false)
    win.setMenuBarVisibility(true)
  }
}
