import { describe, expect, it } from 'vitest'
import { MENU_COMMANDS } from '@shared/ipc/channels'
import type { MenuCommand } from '@shared/ipc/channels'
import type { MenuActions, MenuItem } from '../../../electron/main/menuTemplate'
import { backupFileName, backupProblem, buildMenuTemplate, restoreConfirmation } from '../../../electron/main/menuTemplate'

/** The template, with what its clicks did. */
function menus(options: { isMac: boolean; isPackaged: boolean }): { template: MenuItem[]; calls: string[] } {
  const calls: string[] = []
  const actions: MenuActions = {
    send: (command) => calls.push(`send:${command}`),
    backup: () => calls.push('backup'),
    restore: () => calls.push('restore'),
    openDataDir: () => calls.push('openDataDir'),
    quit: () => calls.push('quit')
  }
  return { template: buildMenuTemplate(actions, options), calls }
}

const labels = (items: MenuItem[] | undefined): string[] => (items ?? []).map((i) => (i.type === 'separator' ? '—' : (i.label ?? '')))
const all = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])])
const item = (template: MenuItem[], label: string): MenuItem => {
  const found = all(template).find((i) => i.label === label)
  if (!found) throw new Error(`no menu item ${label}`)
  return found
}

describe('the desktop menus (Windows and Linux)', () => {
  const packaged = menus({ isMac: false, isPackaged: true })

  it('文件, 编辑, 视图, 帮助, each in this order', () => {
    const t = packaged.template
    expect(labels(t)).toEqual(['文件', '编辑', '视图', '帮助'])
    expect(labels(t[0]?.submenu)).toEqual(['导入…', '导出…', '报送包…', '—', '备份…', '恢复…', '—', '打开数据目录', '—', '退出'])
    expect(labels(t[1]?.submenu)).toEqual(['撤销', '重做', '—', '剪切', '复制', '粘贴', '全选', '—', '查找'])
    expect(labels(t[2]?.submenu)).toEqual(['实际大小', '放大', '缩小', '—', '全屏'])
    expect(labels(t[3]?.submenu)).toEqual(['使用说明', '关于'])
  })

  it('editing is done by Electron’s roles; 查找 goes to the page', () => {
    const t = packaged.template
    expect(['撤销', '重做', '剪切', '复制', '粘贴', '全选'].map((l) => item(t, l).role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    expect(['实际大小', '放大', '缩小', '全屏'].map((l) => item(t, l).role)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(item(t, '查找').role).toBeUndefined()
  })

  it('accelerators as a clerk knows them', () => {
    const t = packaged.template
    const keys = Object.fromEntries(all(t).filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]))
    expect(keys).toEqual({
      '导入…': 'CmdOrCtrl+O',
      撤销: 'CmdOrCtrl+Z',
      重做: 'CmdOrCtrl+Y',
      剪切: 'CmdOrCtrl+X',
      复制: 'CmdOrCtrl+C',
      粘贴: 'CmdOrCtrl+V',
      全选: 'CmdOrCtrl+A',
      查找: 'CmdOrCtrl+F',
      实际大小: 'CmdOrCtrl+0',
      放大: 'CmdOrCtrl+=',
      缩小: 'CmdOrCtrl+-',
      全屏: 'F11',
      使用说明: 'F1'
    })
    // No key is taken twice.
    const taken = Object.values(keys)
    expect(new Set(taken).size).toBe(taken.length)
  })

  it('the packaged app can neither reload (unsaved edits would be lost) nor open the developer tools', () => {
    const roles = all(packaged.template).map((i) => i.role)
    expect(roles).not.toContain('reload')
    expect(roles).not.toContain('forceReload')
    expect(roles).not.toContain('toggleDevTools')
    expect(labels(packaged.template[2]?.submenu).join()).not.toMatch(/重新加载|刷新|开发者工具/)
  })

  it('while developing, the developer tools are there', () => {
    const dev = menus({ isMac: false, isPackaged: false })
    expect(all(dev.template).map((i) => i.role)).toContain('toggleDevTools')
    expect(item(dev.template, '开发者工具').accelerator).toBe('Ctrl+Shift+I')
  })

  it('each item does one thing: a page command from the allowed list, or an action of main', () => {
    const { template, calls } = menus({ isMac: false, isPackaged: true })
    const clickable = all(template).filter((i) => i.click)
    for (const i of clickable) i.click?.()
    expect(calls).toEqual(['send:import', 'send:export', 'send:package', 'backup', 'restore', 'openDataDir', 'quit', 'send:find', 'send:guide', 'send:about'])
    const sent = calls.filter((c) => c.startsWith('send:')).map((c) => c.slice(5))
    for (const command of sent) expect(MENU_COMMANDS).toContain(command as MenuCommand)
    // Every command the page knows is reachable from the menus.
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort())
    // An item has a role or a click, never both; every other item opens a submenu or separates.
    for (const i of all(template)) expect(Boolean(i.role) && Boolean(i.click)).toBe(false)
  })
})

describe('the menus on a Mac', () => {
  const { template, calls } = menus({ isMac: true, isPackaged: true })

  it('the program’s own menu comes first, with 关于 and 退出', () => {
    expect(labels(template)).toEqual(['散乱污台账', '文件', '编辑', '视图', '帮助'])
    expect(labels(template[0]?.submenu)).toEqual(['关于散乱污台账', '—', '隐藏散乱污台账', '隐藏其他', '全部显示', '—', '退出'])
    expect(labels(template[1]?.submenu)).not.toContain('退出')
    expect(labels(template[4]?.submenu)).toEqual(['使用说明'])
    expect(item(template, '退出').accelerator).toBe('Command+Q')
    expect(item(template, '重做').accelerator).toBe('Shift+CmdOrCtrl+Z')
    item(template, '关于散乱污台账').click?.()
    expect(calls).toEqual(['send:about'])
  })
})

describe('备份 and 恢复 dialogs', () => {
  it('a backup is named by the day in China', () => {
    // 2024-05-09 23:30 UTC is already 5月10日 in 临夏.
    expect(backupFileName(new Date('2024-05-09T23:30:00Z'))).toBe('散乱污台账备份-2024-05-10.zip')
  })

  it('restoring asks first, says the current data is kept as a backup, and cancels by default', () => {
    const box = restoreConfirmation('E:\\备份\\散乱污台账备份-2024-05-10.zip', 'C:\\data')
    expect(box.detail).toContain('E:\\备份\\散乱污台账备份-2024-05-10.zip')
    expect(box.detail).toContain('C:\\data')
    expect(box.detail).toContain('当前的全部数据会先另存为一个备份')
    expect(box.buttons[box.defaultId]).toBe('取消')
    expect(box.cancelId).toBe(box.defaultId)
  })

  it('a check that refuses a backup says why; one that passes says nothing', () => {
    expect(backupProblem({ ok: false, message: '备份文件已损坏' })).toBe('备份文件已损坏')
    expect(backupProblem({ ok: false, error: { message: '缺少清单' } })).toBe('缺少清单')
    expect(backupProblem({ ok: false, problems: ['a', 'b'] })).toBe('a\nb')
    expect(backupProblem({ ok: false })).toBe('备份文件不完整或已损坏。')
    expect(backupProblem({ ok: true })).toBeNull()
    expect(backupProblem(undefined)).toBeNull()
  })
})
