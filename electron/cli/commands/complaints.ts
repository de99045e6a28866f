/**
 * `slw complaints <交办表.xlsx> --data D [--unit 默认分办单位] [--yes]`: a 督察信访件 / 交办 list into the data folder's
 * 举报受理登记 register, as the app's 举报受理 page takes it: a preview of every report and finding, and only with
 * --yes the whole list in one write (a 受理编号 registered already is not registered again).
 * Exit 0: previewed or imported; 1: the list cannot be taken, or the folder refused; 2: bad arguments.
 */
import { basename } from 'node:path'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { ComplaintTablePreview } from '@shared/complaints/table'
import { APP_VERSION } from '../../services/appInfo'
import { ComplaintService, complaintActorOf } from '../../services/complaints'
import { readInputFile } from '../failure'
import { dataDirFromArgs } from '../../services/paths'
import { workingDate, workingNow } from '../../services/workingDate'
import { DataDir } from '../../services/storage/ledgerStore'
import { parseCommandArgs, usageError } from '../commandLine'
import { resolveUnit } from '../formRequest'
import { issueLines } from '../issueLines'
import { overDataDir } from '../overDataDir'

const USAGE = '用法：slw complaints <交办表.xlsx> [--data <数据文件夹>] [--unit <默认分办单位>] [--yes]\n'
const SHOWN = 20
const STATUS = { new: '新登记', existing: '已登记', result: '补记结果', needUnit: '待定分办单位', error: '有错误', skipped: '不导入' } as const
const NO_SOURCES = async (): Promise<{ open: []; closed: [] }> => ({ open: [], closed: [] })

export async function run(args: string[]): Promise<number> {
  const yes = args.includes('--yes')
  const parsed = parseCommandArgs(args.filter((a) => a !== '--yes'), ['data', 'unit'], USAGE, 1)
  if (!parsed) return 2
  const file = parsed.positionals[0]
  if (!file) return usageError('请指定一个交办表（督察信访件、交办清单）文件。', USAGE)
  const unit = parsed.values.unit === undefined ? null : resolveUnit(defaultCampaign, parsed.values.unit)
  if (unit && !unit.ok) return usageError(unit.message, USAGE)
  const bytes = await readInputFile(file)
  if (!bytes) return 1
  const data = new DataDir(dataDirFromArgs(args), { appVersion: APP_VERSION, campaign: defaultCampaign, program: 'cli' })
  return overDataDir(data, 1, async () => {
    const actor = complaintActorOf((await data.profile()).get(), defaultCampaign)
    if (!actor) {
      process.stderr.write('这个数据文件夹还没有完成首次设置（本单位、填报人），不知道是谁的登记簿。请先在程序中完成设置。\n')
      return 1
    }
    const service = new ComplaintService(data, defaultCampaign, { now: workingNow, today: workingDate }, NO_SOURCES)
    const preview = await service.tablePreview(actor, basename(file), bytes, unit ? unit.value.name : null)
    process.stdout.write(report(preview))
    if (preview.refused || !preview.ready) return 1
    if (!yes) {
      process.stdout.write('\n以上为预览，登记簿未改动。确认无误后加 --yes 导入。\n')
      return 0
    }
    const done = await service.tableCommit(actor, preview.stageId)
    process.stdout.write(`\n${done.message}\n`)
    return 0
  })
}

function report(p: ComplaintTablePreview): string {
  const c = p.counts
  const lines = [`文件：${p.file}${p.sheet ? `（工作表“${p.sheet}”）` : ''}`]
  if (p.refused) lines.push('结论：文件无法导入：')
  else {
    lines.push(`交办件 ${c.reports} 件：新登记 ${c.new}（其中已办结 ${c.done}），已登记 ${c.existing}，补记结果 ${c.result}，有错误 ${c.withErrors}，待定分办单位 ${c.needUnit}，无受理编号未导入 ${c.skipped} 行`)
    for (const r of p.rows.slice(0, SHOWN)) {
      lines.push(`  第${r.rows.join('、')}行 ${r.sourceNo || '（无受理编号）'} ${STATUS[r.status]}${r.assignedUnit ? ` → ${r.assignedUnit}` : ''}：${r.content.slice(0, 40)}`)
    }
    if (p.rows.length > SHOWN) lines.push(`  …另有 ${p.rows.length - SHOWN} 件`)
    if (c.needUnit > 0) lines.push('有交办件看不出分办单位：请用 --unit 指定默认分办单位，或在表中写明行政区域。')
  }
  return `${[...lines, ...issueLines(p.issues)].join('\n')}\n`
}
