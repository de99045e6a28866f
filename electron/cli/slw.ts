/**
 * `slw <command> …`: the project's command line. One table row per command; a command module is loaded only when
 * it runs and returns the process exit code.
 */

import { OFFICE_FORMS } from '@shared/annexes/registry'
import { createAppLog } from '../services/appLog'
import { dataDirFromArgs } from '../services/paths'
import { reportFailure } from './failure'

type Run = (args: string[]) => Promise<number>

interface CommandEntry {
  usage: string
  summary: string
  load: () => Promise<Run>
}

const commands = new Map<string, CommandEntry>([
  [
    'check',
    {
      usage: 'slw check <文件> [--json] [--json-out <结果.json>]',
      summary:
        '检查一个报送表格（.xlsx/.xls/.ods/.csv）能否导入，列出每个问题所在的单元格；--json-out 把 JSON 结果存为文件（带 BOM 的 UTF-8，PowerShell 可直接读）',
      load: async () => (await import('./commands/check')).run
    }
  ],
  [
    'template',
    {
      usage: 'slw template annex2 --out <文件.xlsx> [--unit 单位] [--filler 填报人] [--phone 联系电话] [--date 填报日期]',
      summary: '生成空白的附件表格（带下拉选项），供各单位填写',
      load: async () => (await import('./commands/template')).run
    }
  ],
  [
    'import',
    {
      usage: 'slw import <文件> --unit <单位> [--data <数据文件夹>] [--yes] [--accept-other-unit]',
      summary: '预览把表格导入单位台账的结果（新增、修改、无变化和每个问题）；加 --yes 才真正导入',
      load: async () => (await import('./commands/import')).run
    }
  ],
  [
    'export',
    {
      usage: 'slw export --unit <单位> --annex annex2 --out <文件.xlsx> [--data <数据文件夹>]',
      summary: '把单位台账导出为可打印、盖章报送的附件表格',
      load: async () => (await import('./commands/export')).run
    }
  ],
  [
    'merge',
    {
      usage:
        `slw merge <文件或文件夹…> --out <汇总.xlsx> [--report <报告.json>] [--annex <${OFFICE_FORMS.map((a) => a.id).join('|')}>]\n` +
        '      [--filler 填报人] [--phone 联系电话]',
      summary: '办公室汇总各单位报送的附件表格：新版本取代旧版本，列出跨单位重复和未报送单位，核对相符后生成汇总表',
      load: async () => (await import('./commands/merge')).run
    }
  ],
  [
    'weekly',
    {
      usage: 'slw weekly --unit <单位> --date <周五> --out <文件.docx|文件.xlsx> [--data <数据文件夹>]',
      summary: '生成单位每周工作进展报告（Word）或附表（Excel），数据由台账自动统计',
      load: async () => (await import('./commands/weekly')).run
    }
  ],
  [
    'notice',
    {
      usage: 'slw notice --unit <单位> --out <文件.docx> [--data <数据文件夹>] [--deadline 办理时限]',
      summary: '对单位逾期未完成、待核实的事项印发编号的督办通知（Word），并登记',
      load: async () => (await import('./commands/notice')).run
    }
  ],
  [
    'complaints',
    {
      usage: 'slw complaints <交办表.xlsx> [--data <数据文件夹>] [--unit <默认分办单位>] [--yes]',
      summary: '把督察信访件、交办清单导入举报受理登记簿（每个受理编号一件）：先预览；加 --yes 才真正导入',
      load: async () => (await import('./commands/complaints')).run
    }
  ],
  [
    'dossier',
    {
      usage: 'slw dossier --unit <单位> --out <文件.docx> [--record <问题编号>] [--data <数据文件夹>]',
      summary: '生成一条记录（或单位全部记录）的一企一档（Word），含整治过程、两断三清、销号审核和佐证照片',
      load: async () => (await import('./commands/dossier')).run
    }
  ],
  [
    'package',
    {
      usage: 'slw package --unit <单位> --out <报送包.zip> [--annex <表格>] [--data <数据文件夹>]',
      summary: '把台账表格连同各记录的佐证材料（照片、文件）和校验清单打包为一个报送包（.zip）',
      load: async () => (await import('./commands/package')).run
    }
  ],
  [
    'backup',
    {
      usage: 'slw backup --out <备份.zip> [--data <数据文件夹>]',
      summary: '把整个数据文件夹（台账、汇总登记、佐证材料、收到的文件等）备份为一个 .zip，附每个文件的校验值；程序开着也能备份',
      load: async () => (await import('./commands/backup')).run
    }
  ],
  [
    'restore',
    {
      usage: 'slw restore <备份.zip> [--data <数据文件夹>] [--yes]',
      summary: '检查备份是否完好；加 --yes 用备份替换整个数据文件夹（须先关闭程序，现有数据先另存到“自动备份”文件夹）',
      load: async () => (await import('./commands/restore')).run
    }
  ]
])

function usage(): string {
  const lines = [...commands.values()].map((c) => `  ${c.usage}\n      ${c.summary}`)
  return `用法：\n${lines.join('\n')}\n`
}

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args
  const entry = name === undefined ? undefined : commands.get(name)
  if (!entry) {
    const asked = name === undefined || name === 'help' || name === '--help'
    process.stderr.write(`${asked ? '' : `没有“${name}”这个命令。\n`}${usage()}`)
    return asked ? 0 : 2
  }
  return (await entry.load())(rest)
}

/**
 * A bug goes to the log of the data folder the command names (--data), else of the default one. The line names the
 * command and the options given, not their values (a --filler is a person's name).
 */
function recordBug(args: string[], e: unknown): string {
  const [name = '', ...rest] = args
  const options = rest.filter((a) => a.startsWith('--'))
  return createAppLog(dataDirFromArgs(args)).bug(`slw ${name} ${options.join(' ')}`.trimEnd(), e)
}

const args = process.argv.slice(2)
main(args).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.exitCode = reportFailure(e, (bug) => recordBug(args, bug))
  }
)
