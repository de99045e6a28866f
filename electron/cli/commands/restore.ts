import { resolve } from 'node:path'
import { chinaDateTimeCn } from '@shared/domain/chinaTime'
import { APP_VERSION } from '../../services/appInfo'
import { verifyBackup } from '../../services/backup/backup'
import { sizeText } from '../../services/backup/format'
import { restoreBackup } from '../../services/backup/restore'
import { dataDirFromArgs } from '../../services/paths'
import { parseCommandArgs, usageError } from '../commandLine'
import { toldRefusal } from '../failure'

const USAGE = '用法：slw restore <备份.zip> [--data <数据文件夹>] [--yes]\n'

/**
 * `slw restore 备份.zip --data <dir> [--yes]`: without --yes, checks the backup (every file against its manifest)
 * and says what a restore would do; with --yes, replaces the whole data folder with the backup's content, after
 * backing the folder up into its 自动备份 folder. Every program using the folder must be closed first.
 * Exit 0: checked or restored; 1: refused (a damaged or newer backup, the folder in use) or a disk error; 2: bad
 * arguments.
 */
export async function run(args: string[]): Promise<number> {
  const yes = args.includes('--yes')
  const rest = args.filter((a) => a !== '--yes')
  const parsed = parseCommandArgs(rest, ['data'], USAGE, 1)
  if (!parsed) return 2
  const [file] = parsed.positionals
  if (!file) return usageError('请指定要恢复的备份文件（.zip）。', USAGE)
  const zipFile = resolve(file)
  const dataDir = dataDirFromArgs(rest)
  try {
    if (!yes) {
      const check = await verifyBackup(zipFile, { appVersion: APP_VERSION })
      if (!check.ok) {
        process.stderr.write(`${check.message}\n`)
        return 1
      }
      process.stdout.write(
        [
          `备份文件“${zipFile}”完好：`,
          `  生成时间：${chinaDateTimeCn(check.manifest.createdAt)}，程序版本 ${check.manifest.appVersion}`,
          `  文件：${check.files} 个，共 ${sizeText(check.bytes)}`,
          `  SHA-256：${check.sha256}`,
          '',
          `恢复将用此备份替换数据文件夹“${dataDir}”的全部内容（现有数据先另存到其中的“自动备份”文件夹）。`,
          '以上为检查结果，数据文件夹未改动。请先关闭所有使用该文件夹的程序，确认无误后加 --yes 恢复。',
          ''
        ].join('\n')
      )
      return 0
    }
    const done = await restoreBackup(zipFile, dataDir, { appVersion: APP_VERSION, program: 'cli' })
    const lines = [
      `已从备份恢复数据文件夹“${dataDir}”：`,
      `  文件：${done.files} 个，共 ${sizeText(done.bytes)}（备份生成于 ${chinaDateTimeCn(done.createdAt)}，程序版本 ${done.backupVersion}）`,
      done.safetyCopy ? `  恢复前的数据已另存为：${done.safetyCopy.file}（SHA-256：${done.safetyCopy.sha256}）` : '  恢复前数据文件夹中没有数据，未另存。'
    ]
    if (done.leftover) lines.push(`  原来的数据文件夹已改名为“${done.leftover}”，未能删除，确认无误后可手动删除。`)
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  } catch (e) {
    return toldRefusal(e)
  }
}
