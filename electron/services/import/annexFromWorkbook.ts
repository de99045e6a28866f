import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import type { ColumnMapping, SourceColumn } from '@shared/annexes/columnMapping'
import { nearestColumn } from '@shared/annexes/columnMapping'
import { namesAddressToo } from '@shared/annexes/headers'
import type { Campaign } from '@shared/campaign/campaign'
import { towns, unitByName } from '@shared/campaign/campaign'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import { groupBy } from '@shared/merge/groupBy'
import { valueFromText } from '@shared/validation/cellInput'
import { cleanText } from '@shared/domain/normalize'
import type { FieldIssue } from '@shared/domain/issues'
import { createValidationContext, validateLedger } from '@shared/validation/validateRecord'
import { cellRef, columnLetter } from '@shared/domain/cellAddress'
import { cellText } from './cellText'
import type { ValueBinding } from './bindByValues'
import { bindByValues } from './bindByValues'
import type { BoundColumn, HeaderCell, HeaderLayout } from './findHeader'
import type { BlockLayout, HeaderDiagnosis } from './findHeader'
import { anchorColumn, diagnoseHeader, findBlockLayout, findHeader } from './findHeader'
import type { ImportIssue, ImportResult, ImportRow, UnitSource } from './importResult'
import { refusedFile } from './importResult'
import { readOwnExport } from './ownExport'
import { refuseUnstorable } from './storableValues'
import { cellReader } from './readCell'
import type { RecordRow } from './recordRows'
import { recordRows } from './recordRows'
import type { ReportLine } from './reportLine'
import { parseReportLine } from './reportLine'
import type { RawSheet, RawWorkbook } from './rawWorkbook'

/**
 * Reads the annex table out of a parsed workbook: header, 填报单位 line, records, then the shared validation rules,
 * every finding located at the cell it comes from. Pure: the same grid always gives the same result.
 */
export function annexFromWorkbook(
  workbook: RawWorkbook,
  file: string,
  annex: AnnexDefinition<RecordFields>,
  campaign: Campaign,
  texts = new Map<string, string>(),
  mapping: ColumnMapping = new Map()
): ImportResult {
  const layout = findHeader(workbook, annex, mapping)
  if (!layout) {
    const blocks = findBlockLayout(workbook, annex)
    if (blocks) return refusedFile(file, 'MISSING_COLUMN', blockMessage(file, annex, blocks), blocks.sheet)
    const seen = diagnoseHeader(workbook, annex, mapping)
    const refused = refusedFile(file, 'MISSING_COLUMN', noTableMessage(file, annex, seen))
    return seen ? { ...refused, sourceColumns: sourceColumns(seen.sheet, seen.row + 1, [...seen.bound, ...seen.unknown], [], workbook.date1904) } : refused
  }
  const sheet = layout.sheet.name
  const place = sheetPlace(file, sheet)
  const { at, issue } = place
  const line = reportLineAbove(layout, workbook.date1904, campaign)
  const rollUp = rollUpColumns(layout)
  // A roll-up's 来源单位 names units too: its columns are bound by their headers only.
  const byValues = rollUp ? [] : bindByValues(layout, annex, campaign, workbook.date1904)
  const result: ImportResult = {
    file,
    ok: false,
    annex: annex.id,
    unit: line?.unit ?? null,
    unitSource: line?.unit ? 'header_line' : null,
    filledDate: line?.filledDate ?? null,
    ...(line?.filler ? { filler: line.filler } : {}),
    ...(line?.phone ? { phone: line.phone } : {}),
    sheet,
    columns: layout.bound.map((b) => ({ key: b.column.key, letter: columnLetter(b.index), header: b.text })),
    rowCount: 0,
    counts: { read: 0, blankSkipped: 0 },
    rows: [],
    issues: [...byValues.map((b) => boundByValuesIssue(b, annex, place)), ...headerIssues(layout, annex, place, rollUp), ...clippedColumns(layout, place)],
    sourceColumns: sourceColumns(layout.sheet, layout.dataStart, [...layout.bound, ...layout.unknown], layout.ignored, workbook.date1904),
    ...(rollUp ? { rollUp: true } : {})
  }
  if (result.issues.some((i) => i.severity === 'error')) return result

  const { rows: sourceRows, merges, skipped } = recordRows(layout, workbook.date1904)
  result.counts = { read: sourceRows.length + skipped, blankSkipped: skipped }
  if (sourceRows.length === 0) {
    result.issues.push(
      issue({
        severity: 'error',
        code: 'NO_DATA_ROWS',
        message: at(`表头下没有填写任何${annex.label}记录（空白模板或只有序号），请填写后再导入`)
      })
    )
    return result
  }
  result.issues.push(...unheadedData(layout, sourceRows, workbook.date1904, place))
  for (const { range, value } of merges) {
    const ref = `${cellRef(range.s.r, range.s.c)}:${cellRef(range.e.r, range.e.c)}`
    const shown = cellText(value, workbook.date1904)
    result.issues.push(
      issue({
        severity: 'warning',
        code: 'MERGED_CELLS',
        range: ref,
        message: at(`${ref} 是合并单元格，已把“${shown}”填入其中每一格，请核对；报送时请取消合并、逐行填写`)
      })
    )
  }
  const sourceUnits = rollUp ? sourceUnitsOf(sourceRows, rollUp.sourceUnit.index, campaign, workbook.date1904) : []
  result.rows = readRecords(layout, sourceRows, annex, campaign, workbook.date1904, place, sourceUnits, texts)
  for (const row of result.rows) result.issues.push(...row.issues)
  result.rowCount = result.rows.length
  if (!result.unit) Object.assign(result, unitFromData(result.rows, annex, campaign))
  const own = readOwnExport(result, workbook, annex)
  result.rows = own.rows
  result.issues.push(...own.issues)
  if (own.ownExport) result.ownExport = own.ownExport
  refuseUnstorable(result)
  result.ok = !result.issues.some((i) => i.severity === 'error')
  return result
}

/**
 * Why no table was found, with what the row most like a header says: the columns it names, and for the texts it does
 * not the nearest column (企业地址 → 详细地址?), so the clerk can assign them and import.
 */
function noTableMessage(file: string, annex: AnnexDefinition<RecordFields>, seen: HeaderDiagnosis | null): string {
  const anchor = anchorColumn(annex)?.header ?? ''
  const head = `文件“${file}”中没有找到${annex.label}《${annex.title}》的表格：没有哪个工作表的表头行含有「${anchor}」和至少另一个${annex.label}列名`
  if (!seen) return `${head}，请用${annex.label}模板填写后再导入`
  const named = seen.bound.map((b) => `${b.text}（${b.column.header}）`)
  const sheet = seen.sheet.name
  const guessed = seen.unknown.map((u) => (u.nearest ? `${u.text} → ${u.nearest.header}？` : u.text))
  return (
    `${head}。工作表“${sheet}”第${seen.row + 1}行最像表头：` +
    `${named.length ? `认出的列有 ${named.join('、')}；` : ''}${guessed.length ? `未认出的列有 ${guessed.join('、')}；` : ''}` +
    `请在导入时指定各列对应的${annex.label}列（命令行用 --map，如 --map 企业地址=详细地址），或改用${annex.label}模板填写`
  )
}

function boundByValuesIssue({ header, column, what }: ValueBinding, annex: AnnexDefinition<RecordFields>, { at, issue }: SheetPlace): ImportIssue {
  const message = at(`${header.cell}单元格的列名“${header.text}”不是${annex.label}的列，但该列填的都是${what}，已作为「${column.header}」导入；如不对，请在导入时指定对应`)
  return issue({ severity: 'warning', code: 'COLUMN_BY_VALUES', cell: header.cell, column: column.header, message })
}

/** A sheet of one block per record is not a table the importer reads: say what it is and how to make it one. */
function blockMessage(file: string, annex: AnnexDefinition<RecordFields>, b: BlockLayout): string {
  const anchor = anchorColumn(annex)?.header ?? ''
  const labels = b.labels.slice(0, 4).map((l) => `“${l}”`).join('')
  return (
    `文件“${file}”工作表“${b.sheet}”是逐条分块排列的：${columnLetter(b.column)} 列是列名（“${anchor}”${labels}等），右边一格是内容，` +
    `每家一块，共 ${b.blocks} 块。程序只能读取每行一家、每列一项的表格，请把各块整理成这样的表格（或用${annex.label}模板填写）后再导入`
  )
}

/** Values shown beside a column to assign: the first few filled cells under the header. */
const SAMPLES = 3

/** The headed columns of a table in sheet order, each with what it is bound to and its first values. */
function sourceColumns(
  sheet: RawSheet,
  dataStart: number,
  headed: readonly { index: number; text: string; column?: AnnexColumn }[],
  ignored: readonly HeaderCell[],
  date1904: boolean
): SourceColumn[] {
  const all = [...headed.map((h) => ({ ...h, ignored: false })), ...ignored.map((h) => ({ ...h, ignored: true }))].sort((a, b) => a.index - b.index)
  return all.map((h) => {
    const samples: string[] = []
    for (let r = dataStart; r < sheet.rows.length && samples.length < SAMPLES; r++) {
      const text = cellText(sheet.rows[r]?.[h.index], date1904).trim()
      if (text !== '') samples.push(text.slice(0, 40))
    }
    return { letter: columnLetter(h.index), header: h.text, key: 'column' in h && h.column ? h.column.key : null, ignored: h.ignored, samples }
  })
}

/** Builds the findings of one sheet: `at` prefixes a message with file and sheet, `issue` fills the location. */
interface SheetPlace {
  at: (where: string) => string
  issue: (partial: Omit<ImportIssue, 'sheet' | 'cell' | 'row' | 'column'> & Partial<ImportIssue>) => ImportIssue
}

function sheetPlace(file: string, sheet: string): SheetPlace {
  return {
    at: (where) => `文件“${file}”工作表“${sheet}”${where}`,
    issue: (partial) => ({ sheet, cell: null, row: null, column: null, ...partial })
  }
}

/** The 填报单位 line is one of the rows above the data, usually between the title and the header. */
function reportLineAbove(layout: HeaderLayout, date1904: boolean, campaign: Campaign): ReportLine | null {
  for (let r = 0; r < layout.dataStart; r++) {
    const text = (layout.sheet.rows[r] ?? []).map((c) => cellText(c, date1904)).join(' ')
    if (text.includes('填报单位')) return parseReportLine(text, campaign)
  }
  return null
}

/** 来源单位 / 来源文件: what a consolidated workbook adds to the annex columns, so it can be merged again (roll-up). */
const PROVENANCE_HEADERS = ['来源单位', '来源文件'] as const

interface RollUpColumns {
  sourceUnit: HeaderCell
  sourceFile: HeaderCell
}

/** Both provenance headers present: the table is a consolidation, not a unit's own report. */
function rollUpColumns(layout: HeaderLayout): RollUpColumns | null {
  const find = (text: string): HeaderCell | undefined =>
    layout.unknown.find((h) => h.text.normalize('NFKC').replace(/\s+/g, '') === text)
  const [sourceUnit, sourceFile] = PROVENANCE_HEADERS.map(find)
  return sourceUnit && sourceFile ? { sourceUnit, sourceFile } : null
}

/** A roll-up row belongs to the unit that reported it (来源单位), not to whoever consolidated it. */
function sourceUnitsOf(
  sourceRows: RecordRow[],
  column: number,
  campaign: Campaign,
  date1904: boolean
): (string | undefined)[] {
  return sourceRows.map((row) => {
    const text = cleanText(cellText(row.cells[column] ?? null, date1904))
    return text ? (unitByName(campaign, text)?.name ?? text) : undefined
  })
}

function headerIssues(
  layout: HeaderLayout,
  annex: AnnexDefinition<RecordFields>,
  { at, issue }: SheetPlace,
  rollUp: RollUpColumns | null
): ImportIssue[] {
  const out: ImportIssue[] = []
  const boundKeys = new Set(layout.bound.map((b) => b.column.key))
  const unbound = annex.columns.filter((c) => c.kind !== 'seq' && !boundKeys.has(c.key))
  const nearestOf = new Map(layout.unknown.map((h) => [h, nearestColumn(h.text, unbound)]))
  annex.columns.forEach((column, i) => {
    if (!column.required || boundKeys.has(column.key)) return
    // The table is taken: its rows come in with this field blank, to be completed (未填完), rather than refused.
    const like = layout.unknown.find((h) => nearestOf.get(h) === column)
    const together = column.key === 'address' ? layout.bound.find((b) => b.column.key === 'name' && namesAddressToo(b.text)) : undefined
    const hint = together
      ? `；“${together.text}”列（${together.cell}）名称和地址写在同一格，已整格作为企业（场所）名称导入，请把地址改填到「详细地址」`
      : like
        ? `；原表的“${like.text}”（${like.cell}）可能就是该列，可在导入时指定对应（${like.text}=${column.header}）`
        : ''
    out.push(
      issue({
        severity: 'warning',
        code: 'MISSING_COLUMN',
        column: column.header,
        message: at(`缺少「${column.header}」列（模板中为 ${columnLetter(i)} 列），各行的「${column.header}」为空，导入后列为未填完，请补全${hint}`)
      })
    )
  })
  for (const { first, second } of layout.duplicates) {
    out.push(
      issue({
        severity: 'error',
        code: 'DUPLICATE_HEADER',
        cell: second.cell,
        column: second.column.header,
        message: at(
          `${first.cell}“${first.text}”和 ${second.cell}“${second.text}”都是「${second.column.header}」列，` +
            '请删除或改正其中一列后再导入'
        )
      })
    )
  }
  const provenance = new Set<HeaderCell | undefined>([rollUp?.sourceUnit, rollUp?.sourceFile])
  for (const h of layout.unknown.filter((x) => !provenance.has(x))) {
    out.push(
      issue({
        severity: 'warning',
        code: 'EXTRA_COLUMN',
        cell: h.cell,
        column: h.text,
        message: at(`${h.cell}单元格的列名“${h.text}”不是${annex.label}的列，该列未导入；${nearHint(h.text, nearestOf.get(h))}`)
      })
    )
  }
  return out
}

const nearHint = (text: string, nearest: AnnexColumn | undefined): string =>
  nearest ? `可能是「${nearest.header}」列，可在导入时指定对应（${text}=${nearest.header}）` : '如属于某一列，请在导入时指定对应，或改用模板中的列名'

/** Cells the reader left out, right of the last column any form can use (sheetCaps.mjs): said, never silent. */
function clippedColumns(layout: HeaderLayout, { at, issue }: SheetPlace): ImportIssue[] {
  const clipped = layout.sheet.clippedColumns
  if (!clipped) return []
  const [from, to] = [columnLetter(clipped.from), columnLetter(clipped.to)]
  const columns = from === to ? `${from} 列` : `${from}–${to} 列`
  const message = at(
    `${columns}有 ${clipped.cells} 个单元格远在表格以外（超出模板的列数），已忽略、未导入；如其中有要导入的内容，请移到表格的列中`
  )
  return [issue({ severity: 'warning', code: 'EXTRA_COLUMN', column: columns, message })]
}

/** A column with data but no header would silently vanish; say so at its header cell. */
function unheadedData(
  layout: HeaderLayout,
  rows: RecordRow[],
  date1904: boolean,
  { at, issue }: SheetPlace
): ImportIssue[] {
  const headed = new Set([...layout.bound, ...layout.unknown, ...layout.ignored].map((h) => h.index))
  const unheaded = new Set<number>()
  for (const row of rows) {
    row.cells.forEach((cell, c) => {
      if (!headed.has(c) && cellText(cell, date1904).trim() !== '') unheaded.add(c)
    })
  }
  return [...unheaded].sort((a, b) => a - b).map((c) => {
    const cell = cellRef(layout.headerRow, c)
    return issue({
      severity: 'warning',
      code: 'EXTRA_COLUMN',
      cell,
      message: at(`${cell}单元格没有列名，但这一列填有内容，未导入；如需导入，请填写模板中的列名`)
    })
  })
}

function readRecords(
  layout: HeaderLayout,
  sourceRows: RecordRow[],
  annex: AnnexDefinition<RecordFields>,
  campaign: Campaign,
  date1904: boolean,
  place: SheetPlace,
  sourceUnits: readonly (string | undefined)[],
  texts: Map<string, string>
): ImportRow[] {
  const { at, issue } = place
  const byKey = new Map<string, BoundColumn>(layout.bound.map((b) => [b.column.key, b]))
  /** Fields whose cell could not be read, per row; validation does not report them a second time. */
  const blocked: (Set<string> | undefined)[] = []
  // Every row gets all stored keys, in column order. Copied from a template they share one hidden class; an
  // object given 25 keys one by one turns into a hash table several times its size, which a merge keeps per row.
  const stored = annex.columns.filter((c) => c.kind !== 'seq')
  const blank: RecordFields = Object.fromEntries(stored.map((c) => [c.key, '']))
  const columns = stored.map((column) => ({ column, bound: byKey.get(column.key) }))
  const shared = interner(texts)
  const read = cellReader(campaign, date1904)
  const rows: ImportRow[] = sourceRows.map((source, index) => {
    const fields: RecordFields = { ...blank }
    const issues: ImportIssue[] = []
    for (const { column, bound } of columns) {
      if (!bound) {
        fields[column.key] = valueFromText(column, '', campaign)
        continue
      }
      const reading = read(source.cells[bound.index] ?? null, column)
      fields[column.key] = shared(reading.value)
      if (reading.issues.length === 0) continue
      const cell = cellRef(source.r, bound.index)
      for (const found of reading.issues) {
        const message = at(`${cell}单元格：${found.message}`)
        issues.push(issue({ ...found, cell, row: source.r + 1, column: column.header, message }))
        if (found.severity === 'error') (blocked[index] ??= new Set()).add(column.key)
      }
    }
    if (source.hidden) {
      issues.push(
        issue({
          severity: 'warning',
          code: 'HIDDEN_ROWS',
          row: source.r + 1,
          message: at(`第${source.r + 1}行是隐藏行，已照常导入，请取消隐藏后核对该行`)
        })
      )
    }
    const sourceUnit = sourceUnits[index]
    return { rowNumber: source.r + 1, fields, issues, ...(sourceUnit ? { sourceUnit } : {}) }
  })
  const ctx = createValidationContext(campaign, annex)
  // A consolidation lists an enterprise once per unit that reported it: a code may repeat across units, not within one.
  const entries = rows.map((row, i) => ({
    id: String(i),
    fields: row.fields,
    label: `第${row.rowNumber}行`,
    unit: row.sourceUnit
  }))
  const found = new Map<string, FieldIssue[]>()
  for (const ledger of groupBy(entries, (e) => e.unit ?? '').values()) {
    for (const [id, issues] of validateLedger(ledger, annex, ctx)) found.set(id, issues)
  }
  rows.forEach((row, i) => {
    for (const f of found.get(String(i)) ?? []) {
      if (f.field !== null && blocked[i]?.has(f.field)) continue
      row.issues.push(fieldIssue(f, row.rowNumber, byKey, annex, place))
    }
  })
  return rows
}

/**
 * Gives back one copy of each text value. A unit's rows repeat the same choices, dates and phrases thousands of
 * times, each parsed into a string of its own, and a merge keeps every row of every file until it is written.
 */
function interner(seen: Map<string, string>): (value: FieldValue) => FieldValue {
  return (value) => {
    if (typeof value !== 'string') return value
    const known = seen.get(value)
    if (known !== undefined) return known
    seen.set(value, value)
    return value
  }
}

/** A validation finding placed on its cell, or on the row when the column is not in the file. */
function fieldIssue(
  f: FieldIssue,
  rowNumber: number,
  byKey: Map<string, BoundColumn>,
  annex: AnnexDefinition<RecordFields>,
  { at, issue }: SheetPlace
): ImportIssue {
  const bound = f.field === null ? undefined : byKey.get(f.field)
  const header = annex.columns.find((c) => c.key === f.field)?.header ?? null
  const cell = bound ? cellRef(rowNumber - 1, bound.index) : null
  const message = at(cell ? `${cell}单元格：${f.message}` : `第${rowNumber}行：${f.message}`)
  return issue({ severity: f.severity, code: f.code, cell, row: rowNumber, column: header, message })
}

/**
 * Without a 填报单位 line, a file whose rows all name one town is that town's report (fixtures: unit_source data);
 * on a list of units (附表, contact list) a file whose rows all name one unit is that unit's.
 */
function unitFromData(
  rows: ImportRow[],
  annex: AnnexDefinition<RecordFields>,
  campaign: Campaign
): { unit: string | null; unitSource: UnitSource } {
  const key = annex.columns.some((c) => c.key === 'town') ? 'town' : 'unit'
  const named = new Set(rows.map((r) => r.fields[key]))
  const [only] = named
  const candidates = key === 'town' ? towns(campaign) : campaign.units
  const known = typeof only === 'string' && candidates.some((u) => u.name === only)
  return named.size === 1 && known ? { unit: only, unitSource: 'data' } : { unit: null, unitSource: null }
}
