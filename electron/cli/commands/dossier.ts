import { defaultCampaign } from '@shared/campaign/campaign'
import { parseCommandArgs, usageError } from '../commandLine'
import { resolveUnit } from '../formRequest'
import { writeFromDataDir } from '../dataCommand'
import { APP_VERSION } from '../../services/appInfo'
import { EvidenceService } from '../../services/evidence'
import { workingNow } from '../../services/workingDate'

const USAGE = '用法：slw dossier --unit <单位> --out <文件.docx> [--record <问题编号>] [--data <数据文件夹>]\n'

/**
 * `slw dossier --data <dir> --unit 八坊街道 [--record LXS-2024-005-0002] --out 一企一档.docx`: the 一企一档 of one
 * record, or of every 2024 record of the unit, with its photos, as the app exports it.
 * Exit 0: written; 1: no such record, or the ledger could not be read or the file not written; 2: bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, ['data', 'unit', 'record', 'out'], USAGE)
  if (!parsed) return 2
  const { values } = parsed
  const unit = resolveUnit(defaultCampaign, values.unit)
  if (!unit.ok) return usageError(unit.message, USAGE)
  if (!values.out || !/\.docx$/i.test(values.out)) return usageError('请用 --out 指定要生成的 .docx 文件。', USAGE)
  const out = values.out
  const record = values.record ? { problemNo: values.record } : null
  return writeFromDataDir(args, out, async (data, campaign) => {
    const file = await new EvidenceService(data, campaign, APP_VERSION).dossier(unit.value.id, record, workingNow())
    const what = record ? `问题编号 ${record.problemNo}` : '全部记录'
    return { bytes: Buffer.from(file.data, 'base64'), message: `已生成${unit.value.name}${what}的一企一档：${out}` }
  }, { readOnly: true })
}
