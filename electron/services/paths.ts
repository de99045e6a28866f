import { statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, posix, resolve, win32 } from 'node:path'
import type { DataDirSource } from '@shared/ipc/dataFolder'
import { PORTABLE_DIR_NAMES } from '@shared/ipc/dataFolder'

/** The default data folder's name, shared by the desktop app, the web mode and the CLI. */
export const APP_DIR_NAME = 'slw-ledger'

/**
 * Electron's own folder (its userData: the Chromium profile, caches, the single-instance lock, crash dumps), beside
 * the default data folder and never in any data folder: a restore replaces a data folder whole, which Windows refuses
 * while a file in it is held open, and a backup has no use for caches.
 */
export const ELECTRON_DIR_NAME = `${APP_DIR_NAME}-app`

/**
 * Where ledgers live when neither `--data DIR` nor SLW_DATA_DIR (nor, for the desktop app, a portable folder) says
 * otherwise, the same for the desktop app, the web mode and the CLI: %APPDATA%\slw-ledger, ~/.config/slw-ledger.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['SLW_DATA_DIR']) return resolve(env['SLW_DATA_DIR'])
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_DIR_NAME)
}

/** `--data DIR` from an argument list, else SLW_DATA_DIR, else the default (the CLI's folder: never a portable one). */
export function dataDirFromArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  return chooseDataDir({ args, env, fallback: defaultDataDir(env) }).dir
}

type Env = Readonly<Record<string, string | undefined>>

/** What a portable copy is told by its launcher, and a way to look at the disk (injected by tests). */
export interface PortableProbe {
  env: Env
  /** process.execPath: the program itself (inside a temporary folder for electron-builder's portable .exe). */
  execPath: string
  /** True when `dir` is an existing folder. */
  exists: (dir: string) => boolean
  /** Whose path rules apply (tests run Windows paths on Linux). */
  platform?: NodeJS.Platform
}

const pathsOf = (platform: NodeJS.Platform = process.platform): typeof posix => (platform === 'win32' ? win32 : posix)

/**
 * The folder the user started the program from: electron-builder's portable .exe unpacks itself elsewhere and says
 * where the .exe was in PORTABLE_EXECUTABLE_DIR; an AppImage gives its own path in APPIMAGE; otherwise the program's
 * folder.
 */
export function programDir({ env, execPath, platform }: Omit<PortableProbe, 'exists'>): string {
  const p = pathsOf(platform)
  if (env['PORTABLE_EXECUTABLE_DIR']) return p.normalize(env['PORTABLE_EXECUTABLE_DIR'])
  if (env['APPIMAGE']) return p.dirname(env['APPIMAGE'])
  return p.dirname(execPath)
}

/** The portable data folder (散乱污台账数据, else data) next to the program, or null when there is none. */
export function portableDataDir(probe: PortableProbe): string | null {
  const base = programDir(probe)
  for (const name of PORTABLE_DIR_NAMES) {
    const dir = pathsOf(probe.platform).join(base, name)
    if (probe.exists(dir)) return dir
  }
  return null
}

/** An existing folder (not a file of that name); a disk that cannot be read counts as none. */
export function isFolder(dir: string): boolean {
  try {
    return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false
  } catch {
    return false
  }
}

export interface DataDirChoice {
  dir: string
  source: DataDirSource
}

export interface DataDirRequest {
  args: readonly string[]
  env: Env
  /** The folder when nothing else says: defaultDataDir(). */
  fallback: string
  /** Given, a data folder next to the program makes the copy portable (the desktop app only). */
  portable?: Pick<PortableProbe, 'execPath' | 'exists'>
  /** Whose path rules apply (tests run Windows paths on Linux). */
  platform?: NodeJS.Platform
}

/**
 * Which data folder to use, and why (the window title and 关于 say it): `--data DIR`, then SLW_DATA_DIR, then a
 * portable folder next to the program (a copy on a U盘 keeps its data on the U盘), then the default.
 */
export function chooseDataDir(request: DataDirRequest): DataDirChoice {
  const { platform } = request
  const p = pathsOf(platform)
  const i = request.args.indexOf('--data')
  const arg = i >= 0 ? request.args[i + 1] : undefined
  if (arg) return { dir: p.resolve(arg), source: 'argument' }
  const env = request.env['SLW_DATA_DIR']
  if (env) return { dir: p.resolve(env), source: 'env' }
  const portable = request.portable ? portableDataDir({ ...request.portable, env: request.env, platform }) : null
  if (portable) return { dir: portable, source: 'portable' }
  return { dir: request.fallback, source: 'default' }
}

/**
 * What to start again after a restore: electron-builder's portable .exe (PORTABLE_EXECUTABLE_FILE) or the AppImage
 * (APPIMAGE), whose unpacked copy is deleted or unmounted once this process ends; null for an installed program,
 * which restarts itself.
 */
export function relaunchPath(env: Env): string | null {
  return env['PORTABLE_EXECUTABLE_FILE'] || env['APPIMAGE'] || null
}
