import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { Profile } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { LedgerRecord } from '@shared/ledger/record'
import { APP_VERSION } from '../../services/appInfo'
import { parseCommandArgs, usageError } from '../commandLine'
import {
  resolveAnnex,
  resolveDate,
  resolveOut,
  resolveUnit,
  writeFormCommand
} from '../formRequest'
import { unitFormInput } from '../../services/annexExport'
import { formRecords } from '../../services/formRecords'
import { workingDate, workingNow } from '../../services/workingDate'
import { dataDirFromArgs } from '../../services/paths'
import { DataDir, ledgerPath } from '../../services/storage/ledgerStore'
import { exportComplaints } from './exportComplaints'
import { overDataDir } from '../overDataDir'

const USAGE =
  '用法：slw export --unit <单位> --annex <附件，如 annex2> --out <文件.xlsx>\n' +
  '      [--data <数据文件夹>] [--filler 填报人] [--phone 联系电话] [--date 填报日期] [--draft]\n' +
  '      （有记录未填完时不能导出正式表格；--draft 导出草稿，表头标明“草稿”，不得报送）\n' +
  '      slw export --annex complaints --out <举报受理登记表.xlsx> [--data <数据文件夹>]（本数据文件夹的举报受理登记）\n'

/**
 * `slw export --data <dir> --unit 八坊街道 --annex annex2 --out 附件2-八坊街道.xlsx`: the unit's ledger as the printed
 * form to seal and send, as the app exports it. 填报人 and 联系电话 come from the profile unless given; 填报日期
 * defaults to the working date (SLW_TODAY, else today).
 * Exit 0: written; 1: the ledger could not be read or the file not written; 2: bad arguments.
 */
/** Not an annex of the plan: the 举报受理登记 register (exportComplaints.ts). */
const COMPLAINTS = 'complaints'

export async function run(args: string[]): Promise<number> {
  const draft = args.includes('--draft')
  const parsed = parseCommandArgs(args.filter((a) => a !== '--draft'), ['data', 'unit', 'annex', 'out', 'filler', 'phone', 'date'], USAGE)
  if (!parsed) return 2
  const { values } = parsed
  if (values.annex === COMPLAINTS) {
    const out = resolveOut(values.out)
    if (!out.ok) return usageError(out.message, USAGE)
    return exportComplaints(dataDirFromArgs(args), out.value, values)
  }
  const annex = resolveAnnex(values.annex)
  if (!annex.ok) return usageError(annex.message, USAGE)
  const unit = resolveUnit(defaultCampaign, values.unit)
  if (!unit.ok) return usageError(unit.message, USAGE)
  const date = resolveDate(values.date)
  if (!date.ok) return usageError(date.message, USAGE)
  const out = resolveOut(values.out)
  if (!out.ok) return usageError(out.message, USAGE)

  const dataDir = dataDirFromArgs(args)
  // Opening a store creates its folder; a mistyped --data must not leave empty ledgers behind.
  if (!existsSync(dirname(ledgerPath(dataDir, unit.value.id)))) {
    process.stderr.write(`数据文件夹“${dataDir}”中没有${unit.value.name}的台账，请检查 --data 和 --unit。\n`)
    return 1
  }
  const ledger = await readLedger(dataDir, unit.value.id, annex.value.id)
  if (!ledger) return 1
  const { records, profile } = ledger
  const contact = { filler: values.filler ?? profile?.filler ?? '', phone: values.phone ?? profile?.phone ?? '' }
  if (records.length === 0) process.stderr.write(`${unit.value.name}的台账中还没有记录，导出的是空白表。\n`)
  let input
  try {
    input = unitFormInput({
      annex: annex.value,
      campaign: defaultCampaign,
      unitName: unit.value.name,
      records,
      profile: contact,
      template: false,
      appVersion: APP_VERSION,
      now: workingNow(),
      // 填报日期, and the day the 备注 counts 完成时限 from
      today: date.value || workingDate(),
      draft
    })
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e
    process.stderr.write(`${e.message}如需先打印核对，加 --draft 导出草稿（表头标明“草稿”，不得报送）。\n`)
    return 1
  }
  return writeFormCommand(out.value, input)
}

/**
 * The unit's records and the profile, read without the write lock (export changes nothing, so it works while the
 * app has the ledger open, and on a read-only disk); null, after printing why, when the store refuses (damaged).
 */
async function readLedger(
  dataDir: string,
  unitId: string,
  annexId: string
): Promise<{ records: LedgerRecord[]; profile: Profile | null } | null> {
  const store = new DataDir(dataDir, { appVersion: APP_VERSION, campaign: defaultCampaign, readOnly: true })
  return overDataDir(store, null, async () => ({ records: await formRecords(store, annexId, unitId), profile: (await store.profile()).get() }))
}
