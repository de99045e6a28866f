import { defaultCampaign } from '@shared/campaign/campaign'
import { outsideReports } from '@shared/reports/draft'
import { isFriday } from '@shared/reports/weekly'
import { APP_VERSION } from '../../services/appInfo'
import { parseCommandArgs, usageError } from '../commandLine'
import { resolveUnit } from '../formRequest'
import { WeeklyService } from '../../services/reports/weeklyService'
import { writeFromDataDir } from '../dataCommand'
import { workingNow } from '../../services/workingDate'

const USAGE = '用法：slw weekly --unit <单位> --date <周五，如 2024-05-17> --out <文件.docx 或 .xlsx> [--data <数据文件夹>]\n'

/**
 * `slw weekly --data <dir> --unit 八坊街道 --date 2024-05-17 --out 工作进展.docx`: the unit's Friday report (Word) or
 * its 附表 (Excel), figures recomputed from the ledger, texts as saved in the app (or drafted).
 * Exit 0: written; 1: the ledger could not be read or the file not written; 2: bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, ['data', 'unit', 'date', 'out'], USAGE)
  if (!parsed) return 2
  const { values } = parsed
  const unit = resolveUnit(defaultCampaign, values.unit)
  if (!unit.ok) return usageError(unit.message, USAGE)
  const friday = values.date ?? ''
  if (!isFriday(friday)) return usageError(`“${friday}”不是星期五，请写报告周的周五，如 2024-05-17。`, USAGE)
  const format = /\.docx$/i.test(values.out ?? '') ? 'docx' : /\.xlsx$/i.test(values.out ?? '') ? 'xlsx' : null
  if (!format || !values.out) return usageError('请用 --out 指定要生成的 .docx（报告）或 .xlsx（附表）文件。', USAGE)

  const out = values.out
  return writeFromDataDir(args, out, async (data, campaign) => {
    const file = await new WeeklyService(data, campaign, APP_VERSION).export(unit.value, friday, format, workingNow())
    const outside = outsideReports(campaign, friday)
    const message = `已生成${unit.value.name}${friday}的工作进展${format === 'docx' ? '报告' : '附表'}：${out}${outside ? `\n${outside}` : ''}`
    return { bytes: Buffer.from(file.data, 'base64'), message }
  }, { readOnly: true })
}
