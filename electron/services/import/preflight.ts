import { scanCfb } from './cfbPreflight'
import type { ImportIssueCode } from './importResult'
import type { ImportLimits } from './limits'
import type { ZipFailure } from './zipScan.mjs'
import { partName, scanZip } from './zipScan.mjs'

/**
 * Decides from the bytes alone (never the extension, except for CSV, which has no signature) what a file is and
 * whether a parser may see it. SheetJS "parses" anything, text and random bytes included, so this gate comes first.
 */

export type SheetFormat = 'xlsx' | 'ods' | 'xls' | 'csv'
export type Preflight = { ok: true; format: SheetFormat } | { ok: false; code: ImportIssueCode; message: string }

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet'
const SAVE_AS = '请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再导入'

const MiB = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`

export function preflight(bytes: Buffer, fileName: string, limits: ImportLimits): Preflight {
  const f = `文件“${fileName}”`
  const refuse = (code: ImportIssueCode, message: string): Preflight => ({ ok: false, code, message })
  if (bytes.length === 0) return refuse('EMPTY_FILE', `${f}是空文件（0 字节），可能拷贝未完成，请重新拷贝或重新导出后再导入`)
  if (bytes.length > limits.maxFileBytes) {
    return refuse('FILE_TOO_LARGE', tooLargeMessage(fileName, bytes.length, limits.maxFileBytes))
  }
  // A zip's cost is capped by what it inflates to (the parser thread); other formats are parsed as they are.
  if (startsWith(bytes, ZIP_MAGIC)) return preflightZip(bytes, fileName, limits)
  if (bytes.length > limits.maxFlatFileBytes) {
    return refuse('FILE_TOO_LARGE', tooLargeMessage(fileName, bytes.length, limits.maxFlatFileBytes))
  }
  if (startsWith(bytes, CFB_MAGIC)) return preflightCfb(bytes, f)
  if (/\.csv$/i.test(fileName)) return { ok: true, format: 'csv' }
  return refuse('NOT_XLSX', `${f}不是有效的 Excel 文件（内容是文字、网页或其他数据，只是扩展名像表格），${SAVE_AS}`)
}

export function tooLargeMessage(fileName: string, size: number, maxFileBytes: number): string {
  return `文件“${fileName}”有 ${MiB(size)}，超过 ${MiB(maxFileBytes)} 的上限，请删除无关的工作表和图片后另存为 .xlsx 再导入`
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic)
}

/** Why a zip container is refused, whether its directory (here) or its inflated entries (the parser thread) told. */
export function zipRefusal(fileName: string, code: ZipFailure, detail: string): string {
  const f = `文件“${fileName}”`
  const message: Record<ZipFailure, string> = {
    CORRUPT_ZIP: `${f}不完整或已损坏（${detail}），请重新拷贝；若仍不行，请报送单位重新导出`,
    ZIP_BOMB: `${f}解压后过大，疑似异常文件（${detail}），已拒绝导入，请与报送单位核实`,
    ZIP_UNSAFE_PATH: `${f}结构异常（${detail}），疑似恶意文件，已拒绝导入，请与报送单位核实`,
    ENCRYPTED: `${f}已加密（${detail}），请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入`
  }
  return message[code]
}

/** An OpenDocument mimetype entry is one short line; the main thread inflates nothing larger. */
const MIMETYPE_CAP = 4096

/**
 * The directory only (every structural check of zipScan.mjs, ambiguous archives refused): entries are inflated and
 * checked by the parser thread.
 */
function preflightZip(bytes: Buffer, fileName: string, limits: ImportLimits): Preflight {
  const f = `文件“${fileName}”`
  const scan = scanZip(bytes, { ...limits, maxEntryInflatedBytes: MIMETYPE_CAP }, {
    inflate: false,
    keep: (name) => name === 'mimetype'
  })
  if (!scan.ok) return { ok: false, code: scan.code, message: zipRefusal(fileName, scan.code, scan.detail) }
  const mimetype = scan.inflated.get('mimetype')
  if (mimetype) {
    const spreadsheet = mimetype.toString('latin1').trim() === ODS_MIMETYPE && scan.names.has('content.xml')
    if (spreadsheet) return { ok: true, format: 'ods' }
    return { ok: false, code: 'NOT_XLSX', message: `${f}是 OpenDocument 文档，但不是电子表格，${SAVE_AS}` }
  }
  if (scan.names.has(partName('[Content_Types].xml')) && scan.names.has(partName('xl/workbook.xml'))) return { ok: true, format: 'xlsx' }
  return { ok: false, code: 'NOT_XLSX', message: `${f}是压缩包，但其中没有 Excel 工作簿（xl/workbook.xml），${SAVE_AS}` }
}

function preflightCfb(bytes: Buffer, f: string): Preflight {
  const scan = scanCfb(bytes)
  if (!scan.ok) return { ok: false, code: 'PARSE_FAILED', message: `${f}已损坏（${scan.detail}），请重新拷贝或重新导出后再导入` }
  if (scan.names.has('EncryptionInfo') || scan.names.has('EncryptedPackage')) {
    return { ok: false, code: 'ENCRYPTED', message: `${f}已设置打开密码，请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入` }
  }
  if (scan.names.has('Workbook') || scan.names.has('Book')) return { ok: true, format: 'xls' }
  return { ok: false, code: 'NOT_XLSX', message: `${f}是 Office 文件，但不是 Excel 工作簿（可能是 Word 文档），${SAVE_AS}` }
}
