import { annex2 } from '@shared/annexes/annex2'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import type { ColumnMapping } from '@shared/annexes/columnMapping'
import { headerSignature } from '@shared/annexes/columnMapping'
import type { AppLog } from '../appLog'
import { annexFromWorkbook } from './annexFromWorkbook'
import { detectAnnex } from './detectAnnex'
import type { ImportIssueCode, ImportResult } from './importResult'
import { refusedFile } from './importResult'
import type { ImportLimits } from './limits'
import { importLimits } from './limits'
import type { ParseOutcome } from './parseInWorker'
import { parseInWorker } from './parseInWorker'
import { readExportMeta } from './ownExport'
import { isPackage, openPackage } from './evidencePackage'
import { preflight, zipRefusal } from './preflight'
import type { RawWorkbook } from './rawWorkbook'

export interface ReadOptions {
  campaign?: Campaign
  /** The form to read the file as (附件2 unless given), or 'auto': the form the file is (detectAnnex). */
  annex?: AnnexDefinition<RecordFields> | 'auto'
  /** Tests lower limits (a 1 ms watchdog) instead of building huge files. */
  limits?: Partial<ImportLimits>
  /** Location of parseWorker.mjs when it is not next to this module (the Electron main bundle). */
  parserUrl?: URL
  /**
   * Text already read in the same batch (a folder merge), one copy of each value: the versions of a unit's file
   * repeat most of their rows, and a merge keeps every version until it is done.
   */
  texts?: Map<string, string>
  /** Where a parser thread's crash is written (the data folder's log); nowhere when not given. */
  log?: Pick<AppLog, 'bug'>
  /** The clerk's assignment of the table's headers to the form's columns (or 忽略). */
  mapping?: ColumnMapping
  /**
   * Without `mapping`: the assignment remembered for the table's header row (its headerSignature), if any; the
   * table is then read again with it, from the same parse.
   */
  remembered?: (signature: string) => ColumnMapping | undefined
}

/**
 * Reads one submitted spreadsheet (.xlsx, .xls/.et, .ods or .csv) as an annex table. Never throws for anything the
 * file contains: a file that cannot be taken comes back with one file-level issue and no rows. Order of defence:
 * preflight on the raw bytes (what the file is; a zip's directory), then in a killable worker the zip's entries
 * inflated under caps and the parse, then pure mapping and validation.
 */
export async function readAnnexWorkbook(
  data: Uint8Array,
  fileName: string,
  options: ReadOptions = {}
): Promise<ImportResult> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (isPackage(bytes)) return readPackage(bytes, fileName, options)
  const read = await readRawWorkbook(bytes, fileName, options)
  if (!read.ok) return refusedFile(fileName, read.code, read.message, read.sheet)
  const { campaign = defaultCampaign, texts } = options
  const annex = options.annex === 'auto' ? detectAnnex(read.workbook, options.mapping) : (options.annex ?? annex2)
  const result = annexFromWorkbook(read.workbook, fileName, annex, campaign, texts, options.mapping)
  const remembered = options.mapping === undefined && result.sourceColumns?.length ? options.remembered?.(headerSignature(result.sourceColumns)) : undefined
  return remembered ? annexFromWorkbook(read.workbook, fileName, annex, campaign, texts, remembered) : result
}

export type RawRead = { ok: true; workbook: RawWorkbook } | { ok: false; code: ImportIssueCode; message: string; sheet: string | null }

/**
 * Any spreadsheet (.xlsx, .xls/.et, .ods or .csv) as read, before it is taken as a form: the same preflight,
 * killable parser thread and caps as readAnnexWorkbook. For tables that are not annexes (a 交办 list).
 */
export async function readRawWorkbook(bytes: Buffer, fileName: string, options: Pick<ReadOptions, 'limits' | 'parserUrl' | 'log'> = {}): Promise<RawRead> {
  const limits: ImportLimits = { ...importLimits, ...options.limits }
  const checked = preflight(bytes, fileName, limits)
  if (!checked.ok) return { ok: false, code: checked.code, message: checked.message, sheet: null }
  const csvFileName = checked.format === 'csv' ? fileName : undefined
  const onCrash = (e: Error): void => {
    options.log?.bug('parser thread', e, { fileName, bytes: bytes.length })
  }
  const parsed = await parseInWorker(bytes, parseLimitsFor(bytes.length, limits), options.parserUrl, csvFileName, onCrash)
  const outcome = parsed.ok ? withinRowAllowance(parsed.workbook, limits) : parsed
  if (!outcome.ok) return { ok: false, code: outcome.code, message: parseFailureMessage(fileName, outcome, limits), sheet: outcome.sheet ?? null }
  return outcome
}

/**
 * A 报送包: its form read as any submitted form, under the package's name, with the evidence it carries and what the
 * check of its files found.
 */
async function readPackage(bytes: Buffer, fileName: string, options: ReadOptions): Promise<ImportResult> {
  const opened = openPackage(bytes, fileName)
  if (!opened.ok) return refusedFile(fileName, opened.code, opened.message)
  // A package holds a form, never another package: nesting would only hide what is inside.
  if (isPackage(opened.form.bytes)) return refusedFile(fileName, 'NOT_XLSX', `报送包“${fileName}”中的“${opened.form.name}”不是表格，请报送单位在程序中重新导出报送包`)
  const form = await readAnnexWorkbook(opened.form.bytes, opened.form.name, options)
  const issues = [...form.issues, ...opened.issues]
  return { ...form, file: fileName, ok: form.ok && !issues.some((i) => i.severity === 'error'), issues, evidence: opened.evidence }
}

type ParseFailure = Extract<ParseOutcome, { ok: false }>

/**
 * What a file's parse may take: a large file (above largeFileBytes) the larger heap, and parseMsPerMiB more watchdog
 * for every MiB above it (whole seconds).
 */
function parseLimitsFor(size: number, limits: ImportLimits): ImportLimits {
  if (size <= limits.largeFileBytes) return limits
  const extraMiB = (size - limits.largeFileBytes) / (1024 * 1024)
  const parseTimeoutMs = limits.parseTimeoutMs + Math.ceil((extraMiB * limits.parseMsPerMiB) / 1000) * 1000
  return { ...limits, parseTimeoutMs, parserHeapMb: limits.largeFileParserHeapMb }
}

/**
 * A sheet a unit made holds at most maxRows rows; only our own consolidated workbook (its `_meta`) may hold up to
 * maxConsolidatedRows, which the parser thread already enforced on every file.
 */
function withinRowAllowance(workbook: RawWorkbook, limits: ImportLimits): ParseOutcome {
  const over = workbook.sheets
    .map((sheet) => ({ sheet: sheet.name, rows: sheet.rows.reduce((n, row) => (row.length > 0 ? n + 1 : n), 0) }))
    .find((s) => s.rows > limits.maxRows)
  if (!over || readExportMeta(workbook)?.kind === 'consolidated') return { ok: true, workbook }
  return { ok: false, code: 'TOO_MANY_ROWS', sheet: over.sheet, detail: String(over.rows) }
}

const sheetOf = (failure: ParseFailure): string => (failure.sheet ? `工作表“${failure.sheet}”` : '')

function parseFailureMessage(fileName: string, failure: ParseFailure, limits: ImportLimits): string {
  const f = `文件“${fileName}”`
  switch (failure.code) {
    case 'PARSE_TIMEOUT':
      return `文件解析超时，疑似异常文件：“${fileName}”在 ${failure.detail}内没有读完，已停止读取；请在 Excel 或 WPS 中打开检查，另存为 .xlsx 后再导入`
    case 'ENCRYPTED':
      return `${f}已加密，请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入`
    case 'CORRUPT_ZIP':
    case 'ZIP_BOMB':
    case 'ZIP_UNSAFE_PATH':
      return zipRefusal(fileName, failure.code, failure.detail)
    case 'TOO_MANY_ROWS': {
      // The parser thread stops at its cap, which is then the detail; a unit's sheet is counted in full.
      const threadCap = Math.max(limits.maxRows, limits.maxConsolidatedRows)
      const rows =
        Number(failure.detail) === threadCap
          ? `的数据超过 ${threadCap} 行的上限`
          : `有 ${failure.detail} 行数据，超过 ${limits.maxRows} 行的上限`
      return `${f}${sheetOf(failure)}${rows}，请删除多余的行或拆分为几个文件后再导入`
    }
    case 'TOO_MANY_CELLS': {
      const where = failure.sheet ? `（读到工作表“${failure.sheet}”时）` : ''
      return (
        `${f}中有内容的单元格超过 ${Number(failure.detail).toLocaleString('en-US')} 个的上限${where}，疑似异常文件；` +
        '请删除无关的工作表和表格以外的内容，另存为 .xlsx 后再导入'
      )
    }
    default:
      return `${f}无法读取（${failure.detail}），请在 Excel 或 WPS 中打开检查，另存为 .xlsx 后再导入`
  }
}
