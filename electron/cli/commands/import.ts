import { basename } from 'node:path'
import { annex2 } from '@shared/annexes/annex2'
import { LEDGER_FORMS } from '@shared/annexes/registry'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { ImportPreview } from '@shared/ipc/contract'
import { valueToText } from '@shared/validation/cellInput'
import { APP_VERSION } from '../../services/appInfo'
import { usageError } from '../commandLine'
import { resolveMapping, resolveUnit } from '../formRequest'
import { readInputFile } from '../failure'
import { readAnnexWorkbook } from '../../services/import/readAnnexWorkbook'
import { ImportStager } from '../../services/ledgerImport'
import { issueLines } from '../issueLines'
import { overDataDir } from '../overDataDir'
import { dataDirFromArgs } from '../../services/paths'
import { DataDir } from '../../services/storage/ledgerStore'

const USAGE =
  '用法：slw import <文件> --unit <单位> [--data <数据文件夹>] [--yes] [--accept-other-unit]\n' +
  '      [--map 原列名=模板列名,…] [--map-file 对应关系.json]\n'
const SHOWN = 20

/**
 * `slw import <file> --data <dir> --unit 八坊街道 [--yes]`: the staged import of the desktop app on the command line.
 * Without --yes it only previews; with --yes the whole file is imported in one save (after a pre-import backup).
 * Exit 0: previewed or imported; 1: the file or the ledger refused; 2: bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  const flags = new Set<string>(args.filter((a) => a === '--yes' || a === '--accept-other-unit'))
  const rest = args.filter((a) => !flags.has(a))
  const valueOf = (name: string): string | undefined => {
    const i = rest.indexOf(`--${name}`)
    return i >= 0 ? rest[i + 1] : undefined
  }
  const positionals = rest.filter((a, i) => !a.startsWith('--') && !rest[i - 1]?.startsWith('--'))
  if (positionals.length !== 1) return usageError('请指定一个要导入的文件。', USAGE)
  const unit = resolveUnit(defaultCampaign, valueOf('unit'))
  if (!unit.ok) return usageError(unit.message, USAGE)
  const file = positionals[0] as string
  const mapping = await resolveMapping(valueOf('map'), valueOf('map-file'))
  if (!mapping.ok) return usageError(mapping.message, USAGE)

  const bytes = await readInputFile(file)
  if (!bytes) return 1
  const data = new DataDir(dataDirFromArgs(rest), { appVersion: APP_VERSION, campaign: defaultCampaign, program: 'cli' })
  const stager = new ImportStager(data, defaultCampaign, (b, name, annex, columns) => readAnnexWorkbook(b, name, { campaign: defaultCampaign, annex, ...columns }))
  return overDataDir(data, 1, async () => {
    // A form of the ledger (附件3, 附件4, 两断三清, 两张清单, 回头看台账) goes in as that form's tab takes it in the app;
    // anything else is read as 附件2, as the app's 附件2 tab reads it.
    const map = mapping.value ? { mapping: mapping.value } : {}
    const detected = (await readAnnexWorkbook(bytes, basename(file), { campaign: defaultCampaign, annex: 'auto', ...map })).annex
    const form = LEDGER_FORMS.find((a) => a.id === detected) ?? annex2
    const preview = await stager.preview(unit.value.id, basename(file), bytes, form, mapping.value && Object.fromEntries(mapping.value))
    process.stdout.write(report(preview, unit.value.name))
    if (preview.refused) return 1
    if (!flags.has('--yes')) {
      process.stdout.write('\n以上为预览，台账未改动。确认无误后加 --yes 导入。\n')
      return 0
    }
    const actor = (await data.profile()).get()?.filler ?? '命令行导入'
    const done = await stager.commit(unit.value.id, preview.stageId, flags.has('--accept-other-unit'), actor)
    process.stdout.write(`\n${done.summary}\n`)
    return 0
  })
}

function report(p: ImportPreview, unitName: string): string {
  const c = p.counts
  const lines = [
    `文件：${p.file}`,
    `导入到：${unitName}的台账`,
    ...(p.refused ? ['结论：文件无法导入：'] : []),
    ...(p.unit ? [`文件中的填报单位：${p.unit}${p.otherUnit ? '（不是本单位！确需导入请加 --accept-other-unit）' : ''}`] : []),
    ...(p.ownExport ? [`本程序导出的文件（校验码 ${p.ownExport.checkCode}），导出后手工修改 ${p.ownExport.edited} 行、添加 ${p.ownExport.added} 行、删除 ${p.ownExport.removed} 行`] : [])
  ]
  if (!p.refused) {
    const drafts = c.incomplete ? `，${c.incomplete} 行缺少必填项（导入后列为未填完，待补充）` : ''
    lines.push(`记录 ${c.rows} 行：新增 ${c.new}，修改 ${c.changed}，无变化 ${c.unchanged}；其中 ${c.withErrors} 行有错误（导入后在台账中标出）${drafts}`)
    if (c.notInFile) lines.push(`台账中另有 ${c.notInFile} 条不在文件中，导入不会删除它们。`)
    for (const row of p.rows.filter((r) => r.status === 'changed').slice(0, SHOWN)) {
      const what = row.changes.map((x) => `${x.header}：${valueToText(x.from) || '（空）'} → ${valueToText(x.to) || '（空）'}`).join('；')
      lines.push(`  第${row.rowNumber}行 ${row.problemNo ?? ''} ${row.name}：${what}`)
    }
  }
  return `${[...lines, ...issueLines(p.issues)].join('\n')}\n`
}
