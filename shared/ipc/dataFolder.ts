/**
 * Which data folder the app uses and why, as the window title and 关于 say it. The choice itself is made by
 * electron/services/paths.ts (chooseDataDir); this is only how it reads.
 */

/** `--data DIR`, SLW_DATA_DIR, a portable folder next to the program (U盘), or the default per-user folder. */
export type DataDirSource = 'argument' | 'env' | 'portable' | 'default'

/** The folder names a portable copy looks for next to the program, in order. */
export const PORTABLE_DIR_NAMES = ['散乱污台账数据', 'data'] as const

/** How the folder was chosen, for 关于. */
export function dataSourceText(source: DataDirSource): string {
  switch (source) {
    case 'portable':
      return `便携：程序旁的“${PORTABLE_DIR_NAMES[0]}”（或“${PORTABLE_DIR_NAMES[1]}”）文件夹`
    case 'argument':
      return '命令行参数 --data 指定'
    case 'env':
      return '环境变量 SLW_DATA_DIR 指定'
    case 'default':
      return '默认：本机当前用户的程序数据文件夹'
  }
}

/** The window title: which folder is in use, so a clerk with two copies (本机和U盘) sees which one is open. */
export function windowTitle(dataDir: string, source: DataDirSource): string {
  return source === 'portable' ? `散乱污台账（便携版）— 数据：${dataDir}` : `散乱污台账 — 数据目录：${dataDir}`
}
