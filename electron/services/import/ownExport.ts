/**
 * Recognises a workbook this program exported (its very hidden `_meta` sheet): each row gets back its record id and
 * 问题编号, and rows edited, added or removed by hand after the export are reported, so a unit's re-import or the
 * office's merge knows exactly which data a person changed outside the program.
 */
import type { AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import { ProblemNoSchema, RecordIdSchema, STORAGE_LIMITS } from '@shared/ledger/record'
import type { ExportMeta, ExportMetaRecord } from '../export/meta'
import {
  canonicalRecordHash,
  META_FORMAT_VERSION,
  META_SHEET,
  metaIsConsistent,
  newerMetaFormat,
  parseExportMeta
} from '../export/meta'
import type { ImportIssue, ImportResult, ImportRow, OwnExport } from './importResult'
import type { RawWorkbook } from './rawWorkbook'

function metaSheetRows(workbook: RawWorkbook): unknown[][] | null {
  const sheet = workbook.sheets.find((s) => s.name === META_SHEET)
  return sheet ? sheet.rows.map((row) => row.map((cell) => cell?.v ?? null)) : null
}

export function readExportMeta(workbook: RawWorkbook): ExportMeta | null {
  const rows = metaSheetRows(workbook)
  return rows ? parseExportMeta(rows) : null
}

/** The rows with the record ids and 问题编号 of the `_meta` sheet, what it tells about hand edits, and its summary. */
export interface OwnExportFindings {
  rows: ImportRow[]
  issues: ImportIssue[]
  ownExport?: OwnExport
}

/**
 * What the `_meta` sheet of one of our exports tells about the rows read from it (exportMetaFindings). A sheet of a
 * later format than this program reads is said so: the file is then read like a hand-made one, without knowing
 * which rows were changed after the export.
 */
export function readOwnExport(result: Readonly<ImportResult>, workbook: RawWorkbook, annex: AnnexDefinition<RecordFields>): OwnExportFindings {
  const rows = metaSheetRows(workbook)
  const meta = rows && parseExportMeta(rows)
  if (meta) return exportMetaFindings(result, meta, annex)
  const newer = rows && newerMetaFormat(rows)
  const none: OwnExportFindings = { rows: result.rows, issues: [] }
  if (!newer) return none
  const { at, issue } = placeOf(result)
  const message = at(`由更新版本的程序导出（文件格式第 ${newer} 版，本程序支持到第 ${META_FORMAT_VERSION} 版），已按普通表格导入，导出后的手工修改无法核对；请升级程序后再导入`)
  return { ...none, issues: [issue({ severity: 'warning', code: 'META_NEWER_FORMAT', message })] }
}

/** Findings on the file's sheet: `at` prefixes a message with file and sheet, `issue` fills the location. */
function placeOf(result: Readonly<ImportResult>) {
  const at = (where: string): string => `文件“${result.file}”${result.sheet ? `工作表“${result.sheet}”` : ''}${where}`
  const issue = (partial: Omit<ImportIssue, 'sheet' | 'cell' | 'row' | 'column'> & Partial<ImportIssue>): ImportIssue => ({
    sheet: result.sheet,
    cell: null,
    row: null,
    column: null,
    ...partial
  })
  return { at, issue }
}

/**
 * The record id and 问题编号 of a `_meta` record that the ledger could store as they are (its own schemas); the
 * others are left out (the row is then matched like a hand-made one and a new record gets fresh ones), each said.
 */
function usableIds(m: ExportMetaRecord): { ids: Pick<ImportRow, 'recordId' | 'problemNo'>; refused: string[] } {
  const ids: Pick<ImportRow, 'recordId' | 'problemNo'> = {}
  const refused: string[] = []
  if (RecordIdSchema.safeParse(m.recordId).success) ids.recordId = m.recordId
  else if (m.recordId) refused.push(`记录编号长 ${m.recordId.length} 字（上限 ${STORAGE_LIMITS.recordId} 字）`)
  if (ProblemNoSchema.safeParse(m.problemNo).success) ids.problemNo = m.problemNo
  else refused.push(`问题编号长 ${m.problemNo.length} 字（上限 ${STORAGE_LIMITS.problemNo} 字）`)
  return { ids, refused }
}

/** The rows of one of our exports with their recordId / problemNo, and the hand-edit findings. */
function exportMetaFindings(result: Readonly<ImportResult>, meta: ExportMeta, annex: AnnexDefinition<RecordFields>): OwnExportFindings {
  const { at, issue } = placeOf(result)
  const issues: ImportIssue[] = []
  const add = (i: ImportIssue): void => {
    issues.push(i)
  }

  if (meta.annexId !== annex.id) {
    add(issue({ severity: 'warning', code: 'META_OTHER_ANNEX', message: at(`是本程序导出的“${meta.annexId}”表格，却按${annex.label}读取，请核对是否选错了文件`) }))
    return { rows: result.rows, issues }
  }
  if (meta.annexVersion > annex.version) {
    add(issue({ severity: 'warning', code: 'META_NEWER_VERSION', message: at(`由更新版本的程序导出（${annex.label}第 ${meta.annexVersion} 版，本程序为第 ${annex.version} 版），新增的列不会导入，请升级程序后再导入`) }))
  }
  if (meta.kind === 'draft') {
    add(issue({ severity: 'warning', code: 'DRAFT_FORM', message: at('是草稿（导出时有记录未填完，表头标明“不得报送”），不是正式报送的表格；未填完的行导入后仍列为待补充，请补全后重新导出报送') }))
  }
  const unused = new Map<number, ExportMetaRecord>(meta.records.map((m) => [m.row, m]))
  const byHash = new Map<string, ExportMetaRecord[]>()
  for (const m of meta.records) byHash.set(m.contentHash, [...(byHash.get(m.contentHash) ?? []), m])
  const take = (m: ExportMetaRecord): ExportMetaRecord => {
    unused.delete(m.row)
    return m
  }
  let edited = 0
  let added = 0
  const hashes = result.rows.map((row) => canonicalRecordHash(annex, row.fields, meta.formatVersion))
  // Untouched rows first (also when rows were moved), then rows still on their exported line count as edited.
  const matched = result.rows.map((_, i) => {
    const same = (byHash.get(hashes[i] as string) ?? []).find((m) => unused.has(m.row))
    return same ? take(same) : undefined
  })
  const rows = result.rows.map((row, i) => {
    let m = matched[i]
    if (!m) {
      const onLine = unused.get(row.rowNumber)
      if (onLine) {
        m = take(onLine)
        edited++
        add(issue({ severity: 'warning', code: 'EDITED_AFTER_EXPORT', row: row.rowNumber, message: at(`第${row.rowNumber}行（${m.problemNo}）在导出后被手工修改过，请核对修改是否正确`) }))
      } else {
        added++
        add(issue({ severity: 'warning', code: 'ADDED_AFTER_EXPORT', row: row.rowNumber, message: at(`第${row.rowNumber}行是导出后手工添加的，将作为新记录导入`) }))
      }
    }
    if (!m) return row
    const { ids, refused } = usableIds(m)
    if (refused.length > 0) {
      const message = at(`第${row.rowNumber}行在隐藏的校验表中的${refused.join('、')}，本程序不能使用，已不采用；该行按统一社会信用代码或名称、地址与台账匹配，匹配不到时作为新记录导入、另行编号`)
      add(issue({ severity: 'warning', code: 'META_ID_REISSUED', row: row.rowNumber, message }))
    }
    return { ...row, ...ids }
  })
  if (unused.size > 0) {
    const list = [...unused.values()].map((m) => m.problemNo).join('、')
    add(issue({ severity: 'warning', code: 'REMOVED_AFTER_EXPORT', message: at(`导出时有、现在没有的 ${unused.size} 条记录（${list}）是导出后手工删除的；导入不会删除台账中的这些记录`) }))
  }
  const consistent = metaIsConsistent(meta)
  if (!consistent) {
    add(issue({ severity: 'warning', code: 'META_INCONSISTENT', message: at('的校验信息与其记录不符（隐藏的校验表被改动过），无法确认哪些行被修改，请逐行核对') }))
  }
  const ownExport = { appVersion: meta.appVersion, exportedAt: meta.exportedAt, unitName: meta.unitName, checkCode: meta.checkCode, consistent, edited, added, removed: unused.size }
  return { rows, issues, ownExport }
}
