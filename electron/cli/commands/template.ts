import { defaultCampaign } from '@shared/campaign/campaign'
import { APP_VERSION } from '../../services/appInfo'
import { parseCommandArgs, usageError } from '../commandLine'
import { resolveAnnex, resolveDate, resolveOut, resolveUnit, writeFormCommand } from '../formRequest'
import { workingNow } from '../../services/workingDate'

const USAGE =
  '用法：slw template <附件，如 annex2> --out <文件.xlsx>\n' +
  '      [--unit 单位] [--filler 填报人] [--phone 联系电话] [--date 填报日期]\n'

/**
 * `slw template annex2 --unit 八坊街道 --out 附件2.xlsx`: a blank form (empty bordered rows with dropdowns) to fill
 * in by hand or in Excel/WPS. Without --unit the 填报单位 stays blank, for the office to hand out to every unit.
 * Exit 0: written; 1: could not write; 2: bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, ['unit', 'filler', 'phone', 'date', 'out'], USAGE, 1)
  if (!parsed) return 2
  const { values, positionals } = parsed
  const annex = resolveAnnex(positionals[0])
  if (!annex.ok) return usageError(annex.message, USAGE)
  const unit = values.unit === undefined ? null : resolveUnit(defaultCampaign, values.unit)
  if (unit && !unit.ok) return usageError(unit.message, USAGE)
  const date = resolveDate(values.date)
  if (!date.ok) return usageError(date.message, USAGE)
  const out = resolveOut(values.out)
  if (!out.ok) return usageError(out.message, USAGE)

  return writeFormCommand(out.value, {
    annex: annex.value,
    campaign: defaultCampaign,
    records: [],
    header: {
      unitName: unit?.value.name ?? '',
      filler: values.filler ?? '',
      phone: values.phone ?? '',
      filledDate: date.value
    },
    appVersion: APP_VERSION,
    now: workingNow()
  })
}
