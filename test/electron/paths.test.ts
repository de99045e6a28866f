import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataSourceText, windowTitle } from '@shared/ipc/dataFolder'
import { chooseDataDir, isFolder, portableDataDir, programDir, relaunchPath } from '../../electron/services/paths'

/** A disk holding just these folders. */
const disk = (...folders: string[]): ((dir: string) => boolean) => {
  const set = new Set(folders)
  return (dir) => set.has(dir)
}

describe('the portable data folder (a copy on a U盘)', () => {
  const exe = 'C:\\Users\\wang\\AppData\\Local\\Temp\\2abc\\散乱污台账.exe'

  it('electron-builder’s portable .exe: the folder next to the .exe the user started, not its unpacked copy', () => {
    const env = { PORTABLE_EXECUTABLE_DIR: 'E:\\散乱污台账' }
    expect(programDir({ env, execPath: exe, platform: 'win32' })).toBe('E:\\散乱污台账')
    expect(portableDataDir({ env, execPath: exe, platform: 'win32', exists: disk('E:\\散乱污台账\\散乱污台账数据') })).toBe('E:\\散乱污台账\\散乱污台账数据')
    // The unpacked copy's folder is never looked at.
    expect(portableDataDir({ env, execPath: exe, platform: 'win32', exists: disk('C:\\Users\\wang\\AppData\\Local\\Temp\\2abc\\data') })).toBeNull()
  })

  it('“data” counts when there is no 散乱污台账数据; 散乱污台账数据 wins when both are there', () => {
    const env = { PORTABLE_EXECUTABLE_DIR: 'E:\\' }
    expect(portableDataDir({ env, execPath: exe, platform: 'win32', exists: disk('E:\\data') })).toBe('E:\\data')
    expect(portableDataDir({ env, execPath: exe, platform: 'win32', exists: disk('E:\\data', 'E:\\散乱污台账数据') })).toBe('E:\\散乱污台账数据')
  })

  it('no folder next to the program: not portable', () => {
    expect(portableDataDir({ env: { PORTABLE_EXECUTABLE_DIR: 'E:\\' }, execPath: exe, platform: 'win32', exists: disk() })).toBeNull()
  })

  it('an AppImage: the folder of the .AppImage file, not of its mounted copy', () => {
    const env = { APPIMAGE: '/media/wang/U盘/散乱污台账-0.1.0.AppImage' }
    const execPath = '/tmp/.mount_slwAbC/slw-ledger'
    expect(programDir({ env, execPath, platform: 'linux' })).toBe('/media/wang/U盘')
    expect(portableDataDir({ env, execPath, platform: 'linux', exists: disk('/media/wang/U盘/data') })).toBe('/media/wang/U盘/data')
  })

  it('an unpacked program: the folder of the executable (Windows and POSIX paths)', () => {
    expect(portableDataDir({ env: {}, execPath: 'D:\\绿色版\\散乱污台账.exe', platform: 'win32', exists: disk('D:\\绿色版\\散乱污台账数据') })).toBe('D:\\绿色版\\散乱污台账数据')
    expect(portableDataDir({ env: {}, execPath: '/opt/slw/slw-ledger', platform: 'linux', exists: disk('/opt/slw/散乱污台账数据') })).toBe('/opt/slw/散乱污台账数据')
  })

  it('a file named like the folder is not a data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slw-paths-'))
    try {
      writeFileSync(join(dir, 'data'), 'not a folder')
      mkdirSync(join(dir, '散乱污台账数据'))
      expect(isFolder(join(dir, 'data'))).toBe(false)
      expect(isFolder(join(dir, '散乱污台账数据'))).toBe(true)
      expect(isFolder(join(dir, 'missing'))).toBe(false)
      expect(portableDataDir({ env: {}, execPath: join(dir, 'slw-ledger'), exists: isFolder })).toBe(join(dir, '散乱污台账数据'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('which data folder the app uses', () => {
  const usb = { execPath: 'E:\\散乱污台账.exe', exists: disk('E:\\散乱污台账数据') }
  const fallback = 'C:\\Users\\wang\\AppData\\Roaming\\slw-ledger'

  it('--data wins over SLW_DATA_DIR, a portable folder and the default', () => {
    const choice = chooseDataDir({ args: ['散乱污台账.exe', '--data', 'D:\\台账'], env: { SLW_DATA_DIR: 'D:\\env' }, fallback, portable: usb, platform: 'win32' })
    expect(choice).toEqual({ dir: 'D:\\台账', source: 'argument' })
  })

  it('SLW_DATA_DIR wins over a portable folder', () => {
    expect(chooseDataDir({ args: [], env: { SLW_DATA_DIR: 'D:\\env' }, fallback, portable: usb, platform: 'win32' })).toEqual({ dir: 'D:\\env', source: 'env' })
  })

  it('a portable folder wins over the default; without one, the default', () => {
    expect(chooseDataDir({ args: [], env: {}, fallback, portable: usb, platform: 'win32' })).toEqual({ dir: 'E:\\散乱污台账数据', source: 'portable' })
    expect(chooseDataDir({ args: [], env: {}, fallback, portable: { ...usb, exists: disk() }, platform: 'win32' })).toEqual({ dir: fallback, source: 'default' })
  })

  it('without a probe (the web mode, the CLI) there is no portable folder', () => {
    expect(chooseDataDir({ args: [], env: {}, fallback: '/home/wang/.config/slw-ledger', platform: 'linux' })).toEqual({ dir: '/home/wang/.config/slw-ledger', source: 'default' })
  })

  it('--data without a folder after it is ignored; a relative folder is taken from the working folder', () => {
    expect(chooseDataDir({ args: ['--data'], env: {}, fallback: '/x' })).toEqual({ dir: '/x', source: 'default' })
    expect(chooseDataDir({ args: ['--data', 'rel/data'], env: {}, fallback: '/x' })).toEqual({ dir: resolve('rel/data'), source: 'argument' })
  })

  it('the title and 关于 say which folder, and why', () => {
    expect(windowTitle('E:\\散乱污台账数据', 'portable')).toBe('散乱污台账（便携版）— 数据：E:\\散乱污台账数据')
    expect(windowTitle('/home/wang/.config/slw-ledger', 'default')).toBe('散乱污台账 — 数据目录：/home/wang/.config/slw-ledger')
    expect(dataSourceText('portable')).toContain('便携')
    expect(dataSourceText('argument')).toContain('命令行参数')
    expect(dataSourceText('default')).toContain('默认')
  })

  it('after a restore, a portable .exe or an AppImage is started again through its launcher', () => {
    expect(relaunchPath({ PORTABLE_EXECUTABLE_FILE: 'E:\\散乱污台账.exe', PORTABLE_EXECUTABLE_DIR: 'E:\\' })).toBe('E:\\散乱污台账.exe')
    expect(relaunchPath({ APPIMAGE: '/media/u/slw.AppImage' })).toBe('/media/u/slw.AppImage')
    expect(relaunchPath({})).toBeNull()
  })
})

describe('app:bootstrap says which folder and why', () => {
  it('the folder, how it was chosen and its logs, for the title and 关于', async () => {
    const { createServices } = await import('../../electron/services/services')
    const dir = mkdtempSync(join(tmpdir(), 'slw-boot-'))
    const services = createServices(dir, 'web', { dataSource: 'argument' })
    const other = mkdtempSync(join(tmpdir(), 'slw-boot-'))
    const plain = createServices(other, 'web')
    try {
      const boot = await services.handlers['app:bootstrap']({})
      expect(boot).toMatchObject({ dataDir: dir, dataSource: 'argument', logDir: join(dir, 'logs'), mode: 'web' })
      expect((await plain.handlers['app:bootstrap']({})).dataSource).toBe('default')
    } finally {
      await services.close()
      await plain.close()
      for (const d of [dir, other]) rmSync(d, { recursive: true, force: true })
    }
  })
})
