import { resolve } from 'node:path'
import { annex2 } from '@shared/annexes/annex2'
import { annexById } from '@shared/annexes/registry'
import type { AnnexDefinition } from '@shared/annexes/types'
import { defaultCampaign } from '@shared/campaign/campaign'
import { consolidate } from '@shared/merge/consolidate'
import type { RecordFields } from '@shared/ledger/record'
import { flaggedRows } from '@shared/merge/flaggedRows'
import type { Consolidation, Submission } from '@shared/merge/types'
import { SUBMISSION_EXTENSIONS } from '@shared/merge/submissionFile'
import { FIXED_STREAMS } from '@shared/office/streams'
import type { EvidenceOverview } from '@shared/office/receivedEvidence'
import { evidenceOverview } from '@shared/office/receivedEvidence'
import { APP_VERSION } from '../../services/appInfo'
import { parseCommandArgs, usageError } from '../commandLine'
import type { Resolved } from '../formRequest'
import { resolveOut } from '../formRequest'
import { collectFiles } from '../../services/merge/collectFiles'
import { writeConsolidatedWorkbook } from '../../services/merge/consolidatedWorkbook'
import type { UnreadableFile } from '../../services/merge/mergeReport'
import { mergeReport } from '../../services/merge/mergeReport'
import { readSubmissionFiles } from '../../services/merge/readSubmissionFiles'
import { workingNow } from '../../services/workingDate'
import { saveOutput } from '../saveOutput'

const USAGE =
  `用法：slw merge <文件或文件夹…> --out <汇总.xlsx> [--report <报告.json>] [--annex <${FIXED_STREAMS.join('|')}>]\n` +
  '      [--filler 填报人] [--phone 联系电话]\n'

type Annex = AnnexDefinition<RecordFields>

/** The forms the office consolidates into a workbook of their own (streams.ts); 附件2 unless --annex names another. */
function mergedAnnex(id: string | undefined): Resolved<Annex> {
  if (id === undefined) return { ok: true, value: annex2 }
  const annex = (FIXED_STREAMS as readonly string[]).includes(id) ? annexById(id) : undefined
  if (annex) return { ok: true, value: annex }
  const name = (form: Annex | undefined): string => form?.label || form?.title || ''
  const known = FIXED_STREAMS.map((s) => `${s}（${name(annexById(s))}）`).join('、')
  return { ok: false, message: `不能按“${id}”汇总，可选：${known}。` }
}

/** Passed once the files are read and consolidated, and once the workbook is made: mergeBench.ts times the phases. */
export const MERGE_MARKS = { read: 'slw-merge:read', written: 'slw-merge:written' } as const

/**
 * `slw merge 收文/ 补报.xlsx --out 汇总.xlsx --report 报告.json`: the office's consolidation on the command line. A
 * folder means the spreadsheets and 报送包 (.zip) directly in it. `--annex annex3` (annex4, contacts, huikan) merges that form
 * instead of 附件2; files of other forms are listed as rejected, with the reason. `--filler` and `--phone` print the
 * office's clerk on the forms (blanks to fill by hand without them). No duplicate conflict is resolved
 * here: conflicts are listed for the office to decide in the app. The report is written even when the workbook cannot be, so the reason can be seen.
 * Exit 0: workbook written; 1: not written (nothing to merge, a failing reconciliation, a write error); 2: bad
 * arguments.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, ['out', 'report', 'annex', 'filler', 'phone'], USAGE, Number.POSITIVE_INFINITY)
  if (!parsed) return 2
  const { values, positionals } = parsed
  if (positionals.length === 0) return usageError('请指定要汇总的文件或文件夹。', USAGE)
  const out = resolveOut(values.out)
  if (!out.ok) return usageError(out.message, USAGE)
  const annex = mergedAnnex(values.annex)
  if (!annex.ok) return usageError(annex.message, USAGE)
  const collected = await collectFiles(positionals)
  if (collected.problems.length) return usageError(collected.problems.join('\n'), USAGE)
  // Our own output from an earlier run in the same folder is not a submission of this round.
  const ours = new Set([out.value, values.report].filter((p) => p !== undefined).map((p) => resolve(p)))
  const paths = collected.files.filter((f) => !ours.has(resolve(f)))
  if (paths.length === 0) {
    process.stderr.write(`没有找到可汇总的表格文件或报送包（${SUBMISSION_EXTENSIONS.join('、')}），汇总表未生成。\n`)
    return 1
  }

  const { c, unreadable, evidence } = await consolidateFiles(paths, annex.value)
  performance.mark(MERGE_MARKS.read)
  if (values.report) {
    const report = `${JSON.stringify({ ...mergeReport(c, unreadable), evidence }, null, 2)}\n`
    if (!(await saveOutput(values.report, Buffer.from(report)))) return 1
  }
  process.stdout.write(summary(c, unreadable, annex.value) + evidenceLine(evidence))

  const failing = c.equations.filter((e) => !e.ok)
  if (failing.length) {
    const lines = failing.map((e) => `  · ${e.label}（差异 ${e.left - e.right}）`)
    process.stderr.write(`有 ${failing.length} 项核对不相符，汇总表未生成：\n${lines.join('\n')}\n请核实这些文件后重新汇总。\n`)
    return 1
  }
  const contact = { filler: values.filler ?? '', phone: values.phone ?? '' }
  // 汇总日期 as in the app: the working date (SLW_TODAY in training).
  const options = { campaign: defaultCampaign, annex: annex.value, appVersion: APP_VERSION, now: workingNow(), contact }
  const bytes = await writeConsolidatedWorkbook(c, options)
  performance.mark(MERGE_MARKS.written)
  if (!(await saveOutput(out.value, bytes))) return 1
  process.stdout.write(`已生成汇总表：${out.value}\n`)
  return 0
}

/**
 * Reads and consolidates the files. A function of its own so that, once it returns, the rows the consolidation does
 * not use (older versions, refused files) can be freed before the workbook is written: with 100 files of 5,000
 * rows that is most of them.
 */
async function consolidateFiles(
  paths: readonly string[],
  annex: Annex
): Promise<{ c: Consolidation; unreadable: UnreadableFile[]; evidence: EvidenceOverview }> {
  const readings = await readSubmissionFiles(paths, defaultCampaign)
  const submissions: Submission[] = []
  const unreadable: UnreadableFile[] = []
  for (const r of readings) {
    if (r.ok) submissions.push(r.submission)
    else unreadable.push({ file: r.file, message: r.message })
  }
  const c = consolidate(submissions, [], defaultCampaign, annex)
  return { c, unreadable, evidence: evidenceOverview(c, submissions, defaultCampaign) }
}

/** The 销号 rows without their proof (报送包 evidence), when any row is 销号 or came with evidence. */
function evidenceLine(e: EvidenceOverview): string {
  if (e.records.length === 0) return ''
  const mismatched = e.mismatched ? `；与清单校验值不符、不予采信的佐证材料 ${e.mismatched} 份` : ''
  return `已销号 ${e.closed} 条：报送包中缺少销号佐证 ${e.closedWithoutProof} 条，仅报送表格、佐证未随附 ${e.closedNotCarried} 条${mismatched}\n`
}

const STATUS_WORDS = { accepted: '采用', superseded: '被取代', 'duplicate-file': '重复文件', rejected: '退回' } as const

/** The rows taken in with errors: counted, but the unit must correct them. */
function flaggedLines(c: Consolidation): string[] {
  const flagged = flaggedRows(c)
  if (flagged.length === 0) return []
  return [
    `其中有错误的记录 ${flagged.length} 行（已汇总并计入，汇总表中标红，请通知报送单位改正）：`,
    ...flagged.map((r) => `  · ${r.unit} ${r.file} 第${r.row}行 ${r.name}：${r.errors.join('；')}`)
  ]
}

/** What was merged, in a few lines: the counts, every open conflict, the missing units and the equations. */
function summary(c: Consolidation, unreadable: readonly UnreadableFile[], annex: Annex): string {
  const count = (status: string): number => c.submissions.filter((s) => s.status === status).length
  const counts = Object.entries(STATUS_WORDS).map(([status, word]) => `${word} ${count(status)}`)
  const open = c.duplicateGroups.filter((g) => g.decision === null)
  const failing = c.equations.filter((e) => !e.ok).length
  const lines = [
    `${annex.label}《${annex.title}》汇总：收到 ${c.submissions.length} 个文件（${counts.join('，')}）`,
    ...c.submissions
      .filter((s) => s.status !== 'accepted')
      .map((s) => `  · ${s.file}：${STATUS_WORDS[s.status]}，${s.reason ?? ''}`),
    ...unreadable.map((u) => `  · ${u.message}`),
    `汇总 ${c.rows.length} 行，不同问题 ${c.distinctProblems} 个`,
    ...flaggedLines(c),
    `跨单位重复 ${c.duplicateGroups.length} 组，其中 ${open.length} 组待办公室在程序中决定：`,
    ...open.map((g) => `  · ${g.rows[0]?.name ?? g.key}：${g.units.join('、')}`),
    `未报送单位：${c.missingUnits.length ? c.missingUnits.join('、') : '无'}`,
    failing ? `核对：${failing} 项不相符` : `核对：${c.equations.length} 项全部相符（差异 = 0）`
  ]
  return `${lines.join('\n')}\n`
}
