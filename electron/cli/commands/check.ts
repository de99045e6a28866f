import { parseCommandArgs, usageError } from '../commandLine'
import { resolveMapping } from '../formRequest'
import type { ImportIssue, ImportResult } from '../../services/import/importResult'
import { isFileRefused } from '../../services/import/importResult'
import { readAnnexFile } from '../../services/import/readAnnexFile'
import { jsonFileBytes, saveOutput } from '../saveOutput'

const USAGE = '用法：slw check <文件> [--json] [--json-out <结果.json>] [--map 原列名=模板列名,…] [--map-file 对应关系.json]\n'

/**
 * `slw check <file> [--json] [--json-out FILE]`: reads a submitted spreadsheet as the form it is (detectAnnex) exactly as
 * an import or the office's intake would, and reports
 * what it found. Exit 0: importable, no errors; 1: rows with errors; 2: the file cannot be taken at all, bad
 * arguments, or the JSON file could not be written.
 * With --json, stdout carries one JSON object and nothing else. --json-out writes that object to FILE (UTF-8 with a
 * BOM, for PowerShell 5.1) whatever stdout shows, and says so in one line on stderr.
 */
export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json')
  const parsed = parseCommandArgs(args.filter((a) => a !== '--json'), ['json-out', 'map', 'map-file'], USAGE, 1)
  if (!parsed) return 2
  const [file] = parsed.positionals
  if (file === undefined) return usageError('请指定要检查的文件。', USAGE)
  const mapping = await resolveMapping(parsed.values.map, parsed.values['map-file'])
  if (!mapping.ok) return usageError(mapping.message, USAGE)
  // Whatever form the file is: 附件2, or one of the app's own 附件3/附件4/回头看/联络员/附表 exports, or a hand-made one.
  const result = await readAnnexFile(file, { annex: 'auto', ...(mapping.value ? { mapping: mapping.value } : {}) })
  const jsonText = `${JSON.stringify(checkJson(result))}\n`
  process.stdout.write(json ? jsonText : textReport(result))
  const jsonOut = parsed.values['json-out']
  if (jsonOut !== undefined) {
    if (!(await saveOutput(jsonOut, jsonFileBytes(jsonText)))) return 2
    process.stderr.write(`已将检查结果（JSON）写入“${jsonOut}”。\n`)
  }
  if (isFileRefused(result)) return 2
  return result.ok ? 0 : 1
}

/** The documented JSON shape; `range` appears on issues located by a merged range. */
function checkJson(r: ImportResult): object {
  return {
    file: r.file,
    ok: r.ok,
    annex: r.annex,
    unit: r.unit,
    rowCount: r.rowCount,
    rows: r.rows.map((row) => ({ rowNumber: row.rowNumber, fields: row.fields, issues: row.issues.map(issueJson) })),
    issues: r.issues.map(issueJson),
    // A 报送包's evidence, each file checked against its manifest.
    ...(r.evidence ? { evidence: r.evidence } : {})
  }
}

function issueJson(i: ImportIssue): object {
  const { severity, sheet, cell, row, column, code, message, range } = i
  return { severity, sheet, cell, row, column, code, message, ...(range ? { range } : {}) }
}

function textReport(r: ImportResult): string {
  const errors = r.issues.filter((i) => i.severity === 'error')
  const warnings = r.issues.filter((i) => i.severity === 'warning')
  if (isFileRefused(r)) return lines([`文件：${r.file}`, '结论：文件无法导入，请按下列说明处理后重新报送。', ...section('错误', errors)])
  const rowsWithErrors = r.rows.filter((row) => row.issues.some((i) => i.severity === 'error')).length
  const unitSource = r.unitSource === 'header_line' ? '（取自“填报单位”行）' : r.unitSource === 'data' ? '（按各行乡镇推定）' : ''
  const verdict = r.ok
    ? `可以导入${warnings.length ? '，请留意下列提示' : ''}。`
    : `有 ${rowsWithErrors} 行存在错误，请改正（导入单位台账后这些行会标出；领导小组办公室汇总时这些行照报计入并标红，需改正后重新报送）。`
  return lines([
    `文件：${r.file}`,
    `工作表：${r.sheet ?? ''}`,
    `填报单位：${r.unit ?? '未能确定'}${unitSource}`,
    ...(r.filledDate ? [`填报日期：${r.filledDate}`] : []),
    `记录：${r.rowCount} 行`,
    ...(r.evidence ? [`佐证材料：${r.evidence.length} 份${r.evidence.some((e) => !e.ok) ? `，其中 ${r.evidence.filter((e) => !e.ok).length} 份校验不符` : '，校验值全部相符'}`] : []),
    `结论：${verdict}`,
    ...section('错误', errors),
    ...section('提示', warnings)
  ])
}

const lines = (xs: string[]): string => `${xs.join('\n')}\n`

function section(title: string, issues: ImportIssue[]): string[] {
  return issues.length ? ['', `${title}（${issues.length}）：`, ...issues.map((i) => `  · ${i.message}`)] : []
}
