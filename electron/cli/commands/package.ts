import { annex2 } from '@shared/annexes/annex2'
import { annexById, LEDGER_FORMS } from '@shared/annexes/registry'
import { defaultCampaign } from '@shared/campaign/campaign'
import { parseCommandArgs, usageError } from '../commandLine'
import { resolveUnit } from '../formRequest'
import { writeFromDataDir } from '../dataCommand'
import { APP_VERSION } from '../../services/appInfo'
import { EvidenceService } from '../../services/evidence'
import { workingDate, workingNow } from '../../services/workingDate'

const FORMS = LEDGER_FORMS.map((a) => a.id).join('|')
const USAGE = `用法：slw package --unit <单位> --out <报送包.zip> [--annex <${FORMS}>] [--data <数据文件夹>]\n`

/**
 * `slw package --data <dir> --unit 八坊街道 --annex annex3 --out 报送包.zip`: the form (附件2 unless said) with the
 * evidence of its records and the manifest of sha256, as the app's 报送包 button writes it.
 * Exit 0: written; 1: the ledger could not be read or the file not written; 2: bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, ['data', 'unit', 'annex', 'out'], USAGE)
  if (!parsed) return 2
  const { values } = parsed
  const unit = resolveUnit(defaultCampaign, values.unit)
  if (!unit.ok) return usageError(unit.message, USAGE)
  const annex = values.annex ? annexById(values.annex) : annex2
  if (!annex || !LEDGER_FORMS.includes(annex)) return usageError(`没有“${values.annex ?? ''}”这个台账表格，可选：${FORMS}。`, USAGE)
  if (!values.out || !/\.zip$/i.test(values.out)) return usageError('请用 --out 指定要生成的 .zip 文件。', USAGE)
  const out = values.out
  return writeFromDataDir(args, out, async (data, campaign) => {
    const file = await new EvidenceService(data, campaign, APP_VERSION).package(unit.value.id, annex, workingNow(), workingDate())
    return { bytes: Buffer.from(file.data, 'base64'), message: `已生成${unit.value.name}的报送包（${annex.label || annex.sheetName}和佐证材料）：${out}` }
  }, { readOnly: true })
}
