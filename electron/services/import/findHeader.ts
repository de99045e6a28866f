import type { HeaderLookup } from '@shared/annexes/headers'
import { columnForHeader, headerLookup, isKnownHeader, isSubHeaderRow } from '@shared/annexes/headers'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import { cellRef } from '@shared/domain/cellAddress'
import { cellText } from './cellText'
import type { RawSheet, RawWorkbook } from './rawWorkbook'

/**
 * Finds the annex table in a workbook: the first sheet (visible ones first) with a header row that maps at least
 * MIN_KNOWN_COLUMNS annex columns, its anchor column among them. Headers may sit under title rows, span one or two
 * rows (手续办理情况 over 营业执照 … 其他许可), and use synonyms, spaces, line breaks or full-width characters
 * (@shared/annexes/headers matches the texts).
 */

const MIN_KNOWN_COLUMNS = 6

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
  /** A second header mapping to an already bound column; `first` is the bound one. */
  duplicates: { first: BoundColumn; second: BoundColumn }[]
}

/** Trimmed text of a cell of the sheet being searched. */
type CellTextAt = (r: number, c: number) => string

export function findHeader(workbook: RawWorkbook, annex: AnnexDefinition<RecordFields>): HeaderLayout | null {
  const anchor = anchorColumn(annex)?.key
  if (!anchor) return null
  const lookup = headerLookup(annex)
  const ordered = [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)]
  for (const sheet of ordered) {
    const text: CellTextAt = (r, c) => cellText(sheet.rows[r]?.[c], workbook.date1904).trim()
    for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
      // A title or the 填报单位 line right above a header names no column, so it is not the header's upper half.
      if (!(sheet.rows[r] ?? []).some((_, c) => isKnownHeader(lookup, text(r, c)))) continue
      const layout = layoutAt(sheet, r, text, lookup)
      const keys = new Set(layout.bound.map((b) => b.column.key))
      if (keys.size >= MIN_KNOWN_COLUMNS && keys.has(anchor)) return layout
    }
  }
  return null
}

/** The row under a header row is its sub-header when most of its texts are known headers (营业执照 …). */
function isSubHeader(sheet: RawSheet, r: number, text: CellTextAt, lookup: HeaderLookup): boolean {
  return isSubHeaderRow(lookup, Array.from({ length: sheet.rows[r + 1]?.length ?? 0 }, (_, c) => text(r + 1, c)))
}

/** The text over a leaf: its own upper cell, or the first cell of the merged range that covers it. */
function groupText(sheet: RawSheet, r: number, c: number, text: CellTextAt): string {
  const own = text(r, c)
  if (own !== '') return own
  const range = sheet.merges.find((m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c)
  return range ? text(range.s.r, range.s.c) : ''
}

function layoutAt(sheet: RawSheet, r: number, text: CellTextAt, lookup: HeaderLookup): HeaderLayout {
  const twoLevel = isSubHeader(sheet, r, text, lookup)
  const width = Math.max(sheet.rows[r]?.length ?? 0, twoLevel ? (sheet.rows[r + 1]?.length ?? 0) : 0)
  const dataStart = r + (twoLevel ? 2 : 1)
  const layout: HeaderLayout = { sheet, headerRow: r, dataStart, bound: [], unknown: [], duplicates: [] }
  const byKey = new Map<string, BoundColumn>()
  for (let c = 0; c < width; c++) {
    const leafRow = twoLevel && text(r + 1, c) !== '' ? r + 1 : r
    const header: HeaderCell = { index: c, cell: cellRef(leafRow, c), text: text(leafRow, c) }
    if (header.text === '') continue
    const group = leafRow > r ? groupText(sheet, r, c, text) : ''
    const column = columnForHeader(lookup, header.text, group)
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
