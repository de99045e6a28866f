import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** Folder name shared by the desktop app (Electron userData) and the web mode / CLI defaults. */
export const APP_DIR_NAME = 'slw-ledger'

/**
 * Where ledgers live when neither `--data DIR` nor SLW_DATA_DIR says otherwise: the same folder Electron uses as
 * userData for this app, so the desktop app, the web mode and the CLI see the same data.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['SLW_DATA_DIR']) return resolve(env['SLW_DATA_DIR'])
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_DIR_NAME)
}

/** `--data DIR` from an argument list, else the default. */
export function dataDirFromArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = args.indexOf('--data')
  const value = i >= 0 ? args[i + 1] : undefined
  return value ? resolve(value) : defaultDataDir(env)
}
