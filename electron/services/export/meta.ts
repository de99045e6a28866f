/**
 * The `_meta` sheet of every workbook this program writes (very hidden): it names the form, the unit and the
 * program, and holds one content hash per record, so the importer can recognise our own files and find the rows
 * someone edited by hand after the export.
 *
 * Layout (column A key, B value, C Chinese label for whoever unhides it):
 *   rows 1…META_KEYS.length   key/value rows in META_KEYS order
 *   next row                  blank
 *   next row                  RECORD_COLUMNS (recordId | problemNo | row | contentHash), and in a consolidation
 *                             SOURCE_COLUMNS after them (unit | file | sha256 | sheet | row the record came from)
 *   then                      one row per record, in sheet order; `row` is its row on the 明细 sheet
 * Read it with `parseExportMeta(rows)`, where rows are the sheet's cell values (SheetJS `sheet_to_json(ws,
 * { header: 1 })` or exceljs `getSheetValues()` with the leading empty slots removed).
 */
import { hash } from 'node:crypto'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import { cleanText } from '@shared/domain/normalize'

export const META_SHEET = '_meta'
export const META_FORMAT = 'slw-annex-export'
/**
 * The version this program writes. Version 1 hashed a record as JSON [key, value] pairs; version 2 hashes the
 * values alone, in the annex's column order (the annex fixes the keys, and the pairs doubled the JSON to hash: a
 * fifth of writing a 50,000-row consolidation). Files of both are read, each record hashed as its version did.
 */
export const META_FORMAT_VERSION = 2
const READABLE_VERSIONS: ReadonlySet<number> = new Set([1, 2])

/** Where a consolidated record came from: the unit's file (by sha256), its sheet and row. */
export interface MetaSource {
  unit: string
  file: string
  sha256: string
  sheet: string
  row: number
}

export interface ExportMetaRecord {
  recordId: string
  problemNo: string
  /** Row of the record on the 明细 sheet as exported. */
  row: number
  contentHash: string
  /** Only in a consolidated workbook. */
  source?: MetaSource
}

export interface ExportMeta {
  format: string
  formatVersion: number
  /** `template`: a blank form; `export`: a unit's ledger; `consolidated`: the office's merge of units' files. */
  kind: 'export' | 'template' | 'consolidated' | 'draft'
  campaignId: string
  annexId: string
  annexVersion: number
  unitName: string
  /** ISO date, or '' when not filled in. */
  filledDate: string
  exportedAt: string
  appVersion: string
  recordCount: number
  fileHash: string
  /** First 8 hex digits of fileHash, upper case; printed in every page footer. */
  checkCode: string
  records: ExportMetaRecord[]
}

type ScalarKey = Exclude<keyof ExportMeta, 'records'>

export const META_KEYS: readonly (readonly [ScalarKey, string])[] = [
  ['format', '文件格式'],
  ['formatVersion', '格式版本'],
  ['kind', '文件类型'],
  ['campaignId', '整治工作'],
  ['annexId', '附件'],
  ['annexVersion', '附件版本'],
  ['unitName', '填报单位'],
  ['filledDate', '填报日期'],
  ['exportedAt', '导出时间'],
  ['appVersion', '程序版本'],
  ['recordCount', '记录数'],
  ['fileHash', '文件校验值'],
  ['checkCode', '校验码']
]
const NUMBER_KEYS: ReadonlySet<ScalarKey> = new Set(['formatVersion', 'annexVersion', 'recordCount'])

export const RECORD_COLUMNS = ['recordId', 'problemNo', 'row', 'contentHash'] as const
export const SOURCE_COLUMNS = ['sourceUnit', 'sourceFile', 'sourceSha256', 'sourceSheet', 'sourceRow'] as const
const KINDS: ReadonlySet<unknown> = new Set(['export', 'template', 'consolidated', 'draft'])

/** One call, not a Hash object per record: a consolidation hashes every one of its rows. */
const sha256 = (text: string): string => hash('sha256', text, 'hex')

/**
 * A value as the importer will read it back: trimmed text, lists joined with 、, numbers in their shortest form.
 * So an unchanged row hashes the same after export → import, and only a real edit changes the hash.
 */
function canonicalValue(col: AnnexColumn, value: FieldValue | undefined): string {
  if (value === undefined) return ''
  if (Array.isArray(value)) return value.map(cleanText).filter((v) => v !== '').join('、')
  const text = cleanText(value)
  const numeric = (col.kind === 'count' || col.kind === 'money') && text !== '' && Number.isFinite(Number(text))
  return numeric ? String(Number(text)) : text
}

/** The annex's stored columns, found once per annex rather than once per hashed record. */
const storedColumns = new WeakMap<AnnexDefinition<RecordFields>, readonly AnnexColumn[]>()

/** The record's annex fields as canonical JSON, in column order (序号 excluded); see META_FORMAT_VERSION. */
export function canonicalRecordJson(
  annex: AnnexDefinition<RecordFields>,
  fields: RecordFields,
  formatVersion = META_FORMAT_VERSION
): string {
  let columns = storedColumns.get(annex)
  if (!columns) storedColumns.set(annex, (columns = annex.columns.filter((c) => c.kind !== 'seq')))
  if (formatVersion === 1) return JSON.stringify(columns.map((c) => [c.key, canonicalValue(c, fields[c.key])]))
  return JSON.stringify(columns.map((c) => canonicalValue(c, fields[c.key])))
}

export function canonicalRecordHash(
  annex: AnnexDefinition<RecordFields>,
  fields: RecordFields,
  formatVersion = META_FORMAT_VERSION
): string {
  return sha256(canonicalRecordJson(annex, fields, formatVersion))
}

/**
 * Hash of what the printed form shows: form, unit, 填报日期 and the record hashes in order. The export time is left
 * out, so exporting unchanged data again prints the same 校验码.
 */
export function exportFileHash(parts: {
  annexId: string
  annexVersion: number
  unitName: string
  filledDate: string
  contentHashes: readonly string[]
}): string {
  const { annexId, annexVersion, unitName, filledDate, contentHashes } = parts
  return sha256(JSON.stringify([annexId, annexVersion, unitName, filledDate, contentHashes]))
}

export function checkCodeOf(fileHash: string): string {
  return fileHash.slice(0, 8).toUpperCase()
}

const sourceCells = (s: MetaSource): (string | number)[] => [s.unit, s.file, s.sha256, s.sheet, s.row]

/** The sheet's rows, as written. */
export function metaRows(meta: ExportMeta): (string | number)[][] {
  const sourced = meta.records.some((r) => r.source)
  return [
    ...META_KEYS.map(([key, label]) => [key, meta[key], label]),
    [],
    sourced ? [...RECORD_COLUMNS, ...SOURCE_COLUMNS] : [...RECORD_COLUMNS],
    ...meta.records.map((r) => [...RECORD_COLUMNS.map((k) => r[k]), ...(r.source ? sourceCells(r.source) : [])])
  ]
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v))

type MetaRows = readonly (readonly unknown[] | undefined)[]

/** The key/value rows at the top of a `_meta` sheet, and the index of the row after them. */
function keyValues(rows: MetaRows): { values: Map<string, unknown>; end: number } {
  const values = new Map<string, unknown>()
  let end = 0
  for (; end < rows.length && str(rows[end]?.[0]) !== ''; end++) values.set(str(rows[end]?.[0]), rows[end]?.[1])
  return { values, end }
}

/** The format version of a `_meta` sheet of ours written by a later program than this one; null for any other. */
export function newerMetaFormat(rows: MetaRows): number | null {
  const { values } = keyValues(rows)
  const version = Number(values.get('formatVersion'))
  return values.get('format') === META_FORMAT && version > META_FORMAT_VERSION ? version : null
}

/** Reads a `_meta` sheet back; null when the rows are not ours, or of a format version this program does not read. */
export function parseExportMeta(rows: MetaRows): ExportMeta | null {
  const { values, end: i } = keyValues(rows)
  if (values.get('format') !== META_FORMAT || !READABLE_VERSIONS.has(Number(values.get('formatVersion')))) return null
  const scalars: Record<string, string | number> = {}
  for (const [key] of META_KEYS) scalars[key] = NUMBER_KEYS.has(key) ? Number(values.get(key)) : str(values.get(key))
  const header = rows.findIndex((r, j) => j > i && str(r?.[0]) === RECORD_COLUMNS[0])
  const sourced = header >= 0 && str(rows[header]?.[RECORD_COLUMNS.length]) === SOURCE_COLUMNS[0]
  const records: ExportMetaRecord[] = []
  for (const r of header < 0 ? [] : rows.slice(header + 1)) {
    // A record's first cell is its id, blank for a row a consolidation took from a hand-made file.
    if (!r || (str(r[0]) === '' && str(r[2]) === '')) break
    const [recordId = '', problemNo = '', row, contentHash = ''] = r.map(str)
    const record: ExportMetaRecord = { recordId, problemNo, row: Number(row), contentHash }
    if (sourced) record.source = sourceOf(r.slice(RECORD_COLUMNS.length))
    records.push(record)
  }
  const meta = { ...scalars, records } as unknown as ExportMeta
  return KINDS.has(meta.kind) ? meta : null
}

function sourceOf(cells: readonly unknown[]): MetaSource {
  const [unit, file, sha256, sheet, row] = cells
  return { unit: str(unit), file: str(file), sha256: str(sha256), sheet: str(sheet), row: Number(row) }
}

/** True when the meta sheet was not altered: its record hashes still give its file hash. */
export function metaIsConsistent(meta: ExportMeta): boolean {
  const hash = exportFileHash({ ...meta, contentHashes: meta.records.map((r) => r.contentHash) })
  return hash === meta.fileHash && checkCodeOf(hash) === meta.checkCode && meta.records.length === meta.recordCount
}
