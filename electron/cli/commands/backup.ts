import { resolve } from 'node:path'
import { chinaDateTimeCn } from '@shared/domain/chinaTime'
import { APP_VERSION } from '../../services/appInfo'
import { createBackup } from '../../services/backup/backup'
import { sizeText } from '../../services/backup/format'
import { dataDirFromArgs } from '../../services/paths'
import { parseCommandArgs, usageError } from '../commandLine'
import { toldRefusal } from '../failure'

const USAGE = '用法：slw backup --out <备份.zip> [--data <数据文件夹>]\n'

/**
 * `slw backup --data <dir> --out 备份.zip`: the whole data folder (台账, 汇总登记, 佐证材料, 收到的文件…) as one zip
 * with a manifest of sha256, as the app's 备份 writes it; the zip is checked before it takes its name. It only
 * reads the folder (no lock): it works while the app is open.
 * Exit 0: written; 1: refused or a disk error (said in Chinese); 2: bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, ['data', 'out'], USAGE)
  if (!parsed) return 2
  const out = parsed.values.out
  if (!out || !/\.zip$/i.test(out)) return usageError('请用 --out 指定要生成的备份文件（.zip）。', USAGE)
  const dataDir = dataDirFromArgs(args)
  try {
    const made = await createBackup(dataDir, resolve(out), { appVersion: APP_VERSION })
    process.stdout.write(
      [
        `已备份数据文件夹“${dataDir}”：`,
        `  文件：${made.files} 个，共 ${sizeText(made.bytes)}`,
        `  备份文件：${made.file}（${sizeText(made.zipBytes)}）`,
        `  SHA-256：${made.sha256}`,
        `  生成时间：${chinaDateTimeCn(made.createdAt)}，程序版本 ${made.appVersion}`,
        ''
      ].join('\n')
    )
    return 0
  } catch (e) {
    return toldRefusal(e)
  }
}
