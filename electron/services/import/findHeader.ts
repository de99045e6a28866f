import type { ColumnMapping } from '@shared/annexes/columnMapping'
import { nearestColumn } from '@shared/annexes/columnMapping'
import { columnForHeader, headerLookup, isKnownHeader, isSubHeaderRow, normalizeHeader } from '@shared/annexes/headers'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import { cellRef } from '@shared/domain/cellAddress'
import { cellText } from './cellText'
import type { RawSheet, RawWorkbook } from './rawWorkbook'

/**
 * Finds the annex table in a workbook: the first sheet (visible ones first) with a header row that maps at least
 * MIN_KNOWN_COLUMNS annex columns, its anchor column among them; failing that, the header row anywhere that maps the
 * most, as long as it has the anchor and one more column (a list a clerk was handed: 企业名称, 存在的问题, 整改意见),
 * whose missing fields then come in to be completed. Headers may sit under title rows, span one or two rows (手续办理情况
 * over 营业执照 … 其他许可), and use synonyms, spaces, line breaks or full-width characters (@shared/annexes/headers
 * matches the texts); the clerk's column mapping binds or ignores the headers it names.
 */

/** A form's header row: six of its columns bound. */
const MIN_KNOWN_COLUMNS = 6
/** A table recognised as the form's all the same: the anchor and one more column. */
const MIN_RECOGNISED_COLUMNS = 2

/**
 * The column a table of the annex cannot lack: 企业（场所）名称 on the forms over enterprises, 单位 on the lists of
 * units (the weekly 附表, the contact list).
 */
export function anchorColumn(annex: AnnexDefinition<RecordFields>): AnnexColumn | undefined {
  return annex.columns.find((c) => c.key === 'name') ?? annex.columns.find((c) => c.key === 'unit')
}

/** Title, 填报单位 and note rows above the header; a header further down is not a form we know. */
const HEADER_SEARCH_ROWS = 30

export interface HeaderCell {
  index: number
  /** A1 reference of the header cell (the sub-header cell under a two-level header). */
  cell: string
  text: string
}

export interface BoundColumn extends HeaderCell {
  column: AnnexColumn
}

export interface HeaderLayout {
  sheet: RawSheet
  /** 0-based row of the (upper) header row. */
  headerRow: number
  /** 0-based row right under the header. */
  dataStart: number
  bound: BoundColumn[]
  /** Headers that map to no annex column. */
  unknown: HeaderCell[]
  /** Headers the clerk's mapping says not to import. */
  ignored: HeaderCell[]
  /** A second header mapping to an already bound column; `first` is the bound one. */
  duplicates: { first: BoundColumn; second: BoundColumn }[]
}

/** Trimmed text of a cell of the sheet being searched. */
type CellTextAt = (r: number, c: number) => string

export function findHeader(workbook: RawWorkbook, annex: AnnexDefinition<RecordFields>, mapping: ColumnMapping = new Map()): HeaderLayout | null {
  const anchor = anchorColumn(annex)?.key
  if (!anchor) return null
  const binder = headerBinder(annex, mapping)
  const ordered = [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)]
  let recognised: { layout: HeaderLayout; keys: number } | null = null
  for (const sheet of ordered) {
    const text: CellTextAt = (r, c) => cellText(sheet.rows[r]?.[c], workbook.date1904).trim()
    for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
      // A title or the 填报单位 line right above a header names no column, so it is not the header's upper half.
      if (!(sheet.rows[r] ?? []).some((_, c) => binder.known(text(r, c)))) continue
      const layout = layoutAt(sheet, r, text, binder)
      const keys = new Set(layout.bound.map((b) => b.column.key))
      if (!keys.has(anchor)) continue
      if (keys.size >= MIN_KNOWN_COLUMNS) return layout
      if (keys.size >= MIN_RECOGNISED_COLUMNS && keys.size > (recognised?.keys ?? 0)) recognised = { layout, keys: keys.size }
    }
  }
  return recognised?.layout ?? null
}

/** How a header text is bound: by the clerk's mapping where it names the header, else by the form's header texts. */
interface HeaderBinder {
  known: (text: string) => boolean
  /** The column, null for a header the mapping ignores, undefined for one nothing names. */
  column: (leaf: string, group: string) => AnnexColumn | null | undefined
  subHeaderRow: (texts: readonly string[]) => boolean
}

function headerBinder(annex: AnnexDefinition<RecordFields>, mapping: ColumnMapping): HeaderBinder {
  const lookup = headerLookup(annex)
  const byKey = new Map(annex.columns.map((c) => [c.key, c]))
  const mapped = (text: string): AnnexColumn | null | undefined => {
    const target = mapping.get(normalizeHeader(text))
    return target === undefined ? undefined : target === null ? null : byKey.get(target)
  }
  return {
    known: (text) => mapped(text) !== undefined || isKnownHeader(lookup, text),
    column: (leaf, group) => {
      const own = mapped(leaf)
      return own !== undefined ? own : columnForHeader(lookup, leaf, group)
    },
    subHeaderRow: (texts) => isSubHeaderRow(lookup, texts)
  }
}

/** The row under a header row is its sub-header when most of its texts are known headers (营业执照 …). */
function isSubHeader(sheet: RawSheet, r: number, text: CellTextAt, binder: HeaderBinder): boolean {
  return binder.subHeaderRow(Array.from({ length: sheet.rows[r + 1]?.length ?? 0 }, (_, c) => text(r + 1, c)))
}

/** The text over a leaf: its own upper cell, or the first cell of the merged range that covers it. */
function groupText(sheet: RawSheet, r: number, c: number, text: CellTextAt): string {
  const own = text(r, c)
  if (own !== '') return own
  const range = sheet.merges.find((m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c)
  return range ? text(range.s.r, range.s.c) : ''
}

function layoutAt(sheet: RawSheet, r: number, text: CellTextAt, binder: HeaderBinder): HeaderLayout {
  const twoLevel = isSubHeader(sheet, r, text, binder)
  const width = Math.max(sheet.rows[r]?.length ?? 0, twoLevel ? (sheet.rows[r + 1]?.length ?? 0) : 0)
  const dataStart = r + (twoLevel ? 2 : 1)
  const layout: HeaderLayout = { sheet, headerRow: r, dataStart, bound: [], unknown: [], ignored: [], duplicates: [] }
  const byKey = new Map<string, BoundColumn>()
  for (let c = 0; c < width; c++) {
    const leafRow = twoLevel && text(r + 1, c) !== '' ? r + 1 : r
    const header: HeaderCell = { index: c, cell: cellRef(leafRow, c), text: text(leafRow, c) }
    if (header.text === '') continue
    const group = leafRow > r ? groupText(sheet, r, c, text) : ''
    const column = binder.column(header.text, group)
    if (column === null) {
      layout.ignored.push(header)
      continue
    }
    if (!column) {
      layout.unknown.push(header)
      continue
    }
    const bound = { ...header, column }
    const first = byKey.get(column.key)
    if (first) layout.duplicates.push({ first, second: bound })
    else {
      byKey.set(column.key, bound)
      layout.bound.push(bound)
    }
  }
  return layout
}

/** What the row most like a header says, when no table was found: each text bound, or the column nearest to it. */
export interface HeaderDiagnosis {
  sheet: RawSheet
  row: number
  bound: { index: number; text: string; column: AnnexColumn }[]
  unknown: { index: number; text: string; nearest?: AnnexColumn }[]
}

export function diagnoseHeader(workbook: RawWorkbook, annex: AnnexDefinition<RecordFields>, mapping: ColumnMapping = new Map()): HeaderDiagnosis | null {
  const binder = headerBinder(annex, mapping)
  let best: HeaderDiagnosis | null = null
  let bestScore = 0
  for (const sheet of workbook.sheets.filter((s) => !s.hidden)) {
    for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
      const cells = (sheet.rows[r] ?? []).map((cell, index) => ({ index, text: cellText(cell, workbook.date1904).trim() })).filter((t) => t.text !== '')
      const bound = cells.flatMap(({ index, text }) => {
        const column = binder.column(text, '')
        return column ? [{ index, text, column }] : []
      })
      // A header row is short texts side by side; a title or a data row is not scored above it for being long.
      const score = bound.length * 2 + cells.filter((t) => t.text.length <= 12).length
      if (cells.length < 2 || score <= bestScore) continue
      const taken = new Set(bound.map((b) => b.column.key))
      const free = annex.columns.filter((c) => c.kind !== 'seq' && !taken.has(c.key))
      const unknown = cells.filter((t) => !bound.some((b) => b.index === t.index)).map((t) => ({ ...t, ...optional(nearestColumn(t.text, free)) }))
      best = { sheet, row: r, bound, unknown }
      bestScore = score
    }
  }
  return best
}

const optional = (nearest: AnnexColumn | undefined): { nearest?: AnnexColumn } => (nearest ? { nearest } : {})

/** A sheet laid out one block per record: a column of labels, each with its value to the right (as PDFs flatten forms). */
export interface BlockLayout {
  sheet: string
  /** The labels' column (0-based). */
  column: number
  labels: string[]
  blocks: number
}

/** Blocks are told by the anchor label (企业名称 …) coming back in the same column with a value beside it. */
const MIN_BLOCKS = 2

export function findBlockLayout(workbook: RawWorkbook, annex: AnnexDefinition<RecordFields>): BlockLayout | null {
  const anchor = anchorColumn(annex)?.key
  const binder = headerBinder(annex, new Map())
  const text = (cell: RawSheet['rows'][number][number] | undefined): string => cellText(cell, workbook.date1904).trim()
  for (const sheet of workbook.sheets.filter((s) => !s.hidden)) {
    // Rows are sparse (a row without a cell is a hole): reduce and forEach skip the holes.
    const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0)
    for (let c = 0; c + 1 < width; c++) {
      let blocks = 0
      const others = new Set<string>()
      sheet.rows.forEach((row) => {
        const label = text(row[c])
        const column = label !== '' && text(row[c + 1]) !== '' ? binder.column(label, '') : undefined
        if (!column) return
        if (column.key === anchor) blocks++
        else others.add(label)
      })
      if (blocks >= MIN_BLOCKS && others.size >= 1) return { sheet: sheet.name, column: c, labels: [...others], blocks }
    }
  }
  return null
}
