import { existsSync } from 'node:fs'
import { defaultCampaign } from '@shared/campaign/campaign'
import { AppFailure } from '@shared/ipc/result'
import { DEFAULT_REQUIREMENTS, overdueRecordItems } from '@shared/office/notices'
import { APP_VERSION } from '../../services/appInfo'
import { parseCommandArgs, usageError } from '../commandLine'
import { resolveDate, resolveUnit } from '../formRequest'
import { readSubmission } from '../../services/merge/readSubmission'
import { OfficeService } from '../../services/office/officeService'
import { dataDirFromArgs } from '../../services/paths'
import { ledgerPath } from '../../services/storage/ledgerStore'
import { writeFromDataDir } from '../dataCommand'
import { workingDate, workingNow } from '../../services/workingDate'

const USAGE = '用法：slw notice --unit <单位> --out <文件.docx> [--data <数据文件夹>] [--deadline 办理时限]\n'
const DAY = 86_400_000

/**
 * `slw notice --data <dir> --unit 八坊街道 --out 督办通知.docx`: the office issues a numbered 督办通知 to the unit for
 * everything overdue or unresolved that it knows of — the unit's rows past 完成时限 and open conflicts in the
 * consolidation, and the overdue records of the unit's ledger when that ledger is in the same data folder — records
 * it in the register and writes the document. Exit 0: written; 1: nothing to supervise or could not write.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, ['data', 'unit', 'out', 'deadline'], USAGE)
  if (!parsed) return 2
  const { values } = parsed
  const unit = resolveUnit(defaultCampaign, values.unit)
  if (!unit.ok) return usageError(unit.message, USAGE)
  if (!values.out?.toLowerCase().endsWith('.docx')) return usageError('请用 --out 指定要生成的 .docx 文件。', USAGE)
  const given = resolveDate(values.deadline)
  if (!given.ok) return usageError(given.message, USAGE)
  const today = workingDate()
  const deadline = given.value || new Date(Date.parse(`${today}T00:00:00Z`) + 7 * DAY).toISOString().slice(0, 10)

  const dir = dataDirFromArgs(args)
  const out = values.out
  return writeFromDataDir(args, out, async (data, campaign) => {
    const office = new OfficeService(data, campaign, (b, name, at) => readSubmission(b, name, at, campaign), APP_VERSION, () => workingNow(), () => today)
    const fromLedger = existsSync(ledgerPath(dir, unit.value.id)) ? overdueRecordItems((await data.ledger(unit.value.id)).view().records, today) : []
    const items = [...fromLedger, ...(await office.supervision.noticeCandidates(unit.value.name))]
    if (items.length === 0) {
      process.stderr.write(`${unit.value.name}目前没有逾期未完成或待核实的事项，未印发督办通知。\n`)
      return null
    }
    const actor = (await data.profile()).get()
    const view = await office.supervision.issueNotice({ unit: unit.value.name, source: '台账核查', items, requirements: DEFAULT_REQUIREMENTS, deadline }, actor?.filler ?? '领导小组办公室')
    const notice = view.supervision[0]
    if (!notice) throw new AppFailure('INTERNAL', '督办通知未能登记。')
    const file = await office.supervision.exportNotice(notice.year, notice.seq, { name: actor?.filler ?? '', phone: actor?.phone ?? '' })
    return { bytes: Buffer.from(file.data, 'base64'), message: `已印发${notice.number}（${unit.value.name}，${items.length} 项，办理时限 ${deadline}）：${out}` }
  }, { readOnly: false })
}
