/**
 * The desktop app's menus, in Chinese, as plain objects (compatible with Electron's MenuItemConstructorOptions) so
 * they can be unit-tested without the electron module. menu.ts builds and installs them.
 *
 * What only the page can do (导入, 导出, 报送包, 查找, 使用说明, 关于) is sent to it as a menu command; what the program
 * does itself (备份, 恢复, 打开数据目录, 退出) is an action of main. There is no 重新加载 in the packaged app: reloading
 * the page would drop edits not yet saved.
 */
import { chinaDate } from '@shared/domain/chinaTime'
import type { MenuCommand } from '@shared/ipc/channels'

/** The Electron roles the menus use (each a built-in action of the focused page or the window). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'reload'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'

export interface MenuItem {
  label?: string
  role?: MenuRole
  accelerator?: string
  type?: 'separator'
  click?: () => void
  submenu?: MenuItem[]
}

export interface MenuActions {
  /** Passes a menu command to the page. */
  send: (command: MenuCommand) => void
  /** 备份…: asks where to save, then writes the backup. */
  backup: () => void
  /** 恢复…: asks for a backup, confirms, restores and restarts. */
  restore: () => void
  /** 打开数据目录: the data folder in the file manager. */
  openDataDir: () => void
  /** 退出: closes the window the same way its close button does (unsaved edits are saved first). */
  quit: () => void
}

export interface MenuOptions {
  isMac: boolean
  /** The packaged app: no developer tools and no reload. */
  isPackaged: boolean
}

const separator: MenuItem = { type: 'separator' }

export function buildMenuTemplate(actions: MenuActions, { isMac, isPackaged }: MenuOptions): MenuItem[] {
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItem => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(id)
  })
  const quit: MenuItem = { label: '退出', ...(isMac ? { accelerator: 'Command+Q' } : {}), click: actions.quit }

  const file: MenuItem = {
    label: '文件',
    submenu: [
      command('导入…', 'import', 'CmdOrCtrl+O'),
      command('导出…', 'export'),
      command('报送包…', 'package'),
      separator,
      { label: '备份…', click: actions.backup },
      { label: '恢复…', click: actions.restore },
      separator,
      { label: '打开数据目录', click: actions.openDataDir },
      // On a Mac 退出 is in the program's own menu.
      ...(isMac ? [] : [separator, quit])
    ]
  }
  const edit: MenuItem = {
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { label: '重做', role: 'redo', accelerator: isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y' },
      separator,
      { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      separator,
      command('查找', 'find', 'CmdOrCtrl+F')
    ]
  }
  const view: MenuItem = {
    label: '视图',
    submenu: [
      { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { label: '全屏', role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Command+F' : 'F11' },
      ...(isPackaged
        ? []
        : [separator, { label: '重新加载（开发）', role: 'reload' as const }, { label: '开发者工具', role: 'toggleDevTools' as const, accelerator: isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I' }])
    ]
  }
  const help: MenuItem = {
    label: '帮助',
    submenu: [command('使用说明', 'guide', 'F1'), ...(isMac ? [] : [command('关于', 'about')])]
  }
  const mac: MenuItem = {
    label: '散乱污台账',
    submenu: [
      command('关于散乱污台账', 'about'),
      separator,
      { label: '隐藏散乱污台账', role: 'hide' },
      { label: '隐藏其他', role: 'hideOthers' },
      { label: '全部显示', role: 'unhide' },
      separator,
      quit
    ]
  }
  return [...(isMac ? [mac] : []), file, edit, view, help]
}

/** The name 备份… suggests: the day in China, so a folder of backups sorts by date. */
export const backupFileName = (now: Date): string => `散乱污台账备份-${chinaDate(now)}.zip`

/** What 恢复… asks before it replaces the data folder (Electron's showMessageBox options). */
export function restoreConfirmation(zipPath: string, dataDir: string): {
  type: 'warning'
  title: string
  message: string
  detail: string
  buttons: string[]
  defaultId: number
  cancelId: number
  noLink: boolean
} {
  return {
    type: 'warning',
    title: '恢复备份',
    message: '用这个备份替换当前的数据吗？',
    detail:
      `备份文件：${zipPath}\n数据目录：${dataDir}\n\n` +
      '恢复前，当前的全部数据会先另存为一个备份，不会丢失；如恢复错了，可以再用“恢复…”找回。恢复完成后程序会自动重新启动。',
    buttons: ['恢复并重新启动', '取消'],
    defaultId: 1,
    cancelId: 1,
    noLink: true
  }
}

/**
 * What is wrong with a backup by its check's answer, or null when it may be restored: a check that answers
 * { ok: false, message } (or problems) refuses it; one that throws is handled by the caller.
 */
export function backupProblem(check: unknown): string | null {
  if (typeof check !== 'object' || check === null || !('ok' in check) || check.ok !== false) return null
  const said = check as { message?: unknown; error?: { message?: unknown }; problems?: unknown }
  if (typeof said.message === 'string') return said.message
  if (typeof said.error?.message === 'string') return said.error.message
  if (Array.isArray(said.problems)) return said.problems.map(String).join('\n')
  return '备份文件不完整或已损坏。'
}
