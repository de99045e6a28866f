/**
 * Which column of a form a header text names: the printed header or one of the synonyms units use, compared after
 * normalising. The importer binds a sheet's header row through it, and the grid a pasted block's header row.
 * Columns are bound through a Map keyed by normalised text, so a header such as __proto__ is just an unknown header.
 */
import type { RecordFields } from '../ledger/record'
import type { AnnexColumn, AnnexDefinition } from './types'

/** Header text as compared: NFKC (（）→ (), full-width letters), no whitespace or line breaks, no * required marks. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b\u200c\u200d\ufeff*]+/g, '')
}

/** Key of a leaf under its group; the NUL cannot occur in a header, so it never meets a plain header's key. */
const groupedKey = (group: string, leaf: string): string => `${normalizeHeader(group)}\u0000${normalizeHeader(leaf)}`

/** A form's header texts: plain texts (the first column wins a shared leaf) and each leaf under its group. */
export type HeaderLookup = ReadonlyMap<string, AnnexColumn>

export function headerLookup(annex: AnnexDefinition<RecordFields>): HeaderLookup {
  const lookup = new Map<string, AnnexColumn>()
  const add = (key: string, column: AnnexColumn): void => {
    if (!lookup.has(key)) lookup.set(key, column)
  }
  for (const column of annex.columns) {
    for (const text of [column.header, ...(column.headerSynonyms ?? [])]) {
      add(normalizeHeader(text), column)
      if (column.group) add(groupedKey(column.group, text), column)
    }
  }
  return lookup
}

export function isKnownHeader(lookup: HeaderLookup, text: string): boolean {
  return lookup.has(normalizeHeader(text))
}

/**
 * The column a header names; `group` is the text over it in a two-level header. A leaf that several groups share
 * (本周 under 两断三清 and under 立案查处) is bound through its group's text.
 */
export function columnForHeader(lookup: HeaderLookup, leaf: string, group = ''): AnnexColumn | undefined {
  return (group && lookup.get(groupedKey(group, leaf))) || lookup.get(normalizeHeader(leaf))
}

/**
 * Whether the row under a header row is its sub-header: most of its texts are known headers (营业执照 …); a data row
 * has at most a stray one among its values.
 */
export function isSubHeaderRow(lookup: HeaderLookup, texts: readonly string[]): boolean {
  let known = 0
  let other = 0
  for (const t of texts) {
    if (t === '') continue
    if (isKnownHeader(lookup, t)) known++
    else other++
  }
  return known > 0 && known >= other
}

/** A form's 合计 row (its first written cell, spaces removed), which holds sums, not a record. */
export const TOTAL_ROW_LABEL = /^(合计|总计|共计|小计)/
