/**
 * Which column of a form a header text names: the printed header or one of the synonyms units use, compared after
 * normalising. The importer binds a sheet's header row through it, and the grid a pasted block's header row.
 * Columns are bound through a Map keyed by normalised text, so a header such as __proto__ is just an unknown header.
 */
import { ConverterFactory, Locale } from 'opencc-js/t2cn'
import type { DictGroup } from 'opencc-js/t2cn'
import type { RecordFields } from '../ledger/record'
import type { AnnexColumn, AnnexDefinition } from './types'

/**
 * Header text as compared: NFKC (（）→ (), full-width letters), no whitespace or line breaks, no * required marks,
 * and in simplified characters: 企業（場所）名稱 of a Hong Kong or Taiwan copy is 企业（场所）名称.
 */
export function normalizeHeader(text: string): string {
  const s = text.normalize('NFKC').replace(/[\s\u200b\u200c\u200d\ufeff*]+/g, '')
  return hasTraditional(s) ? toSimplified()(s) : s
}

/**
 * Traditional → simplified by OpenCC's own dictionaries (opencc-js, the t2cn build: Hong Kong and Taiwan variants,
 * then OpenCC's traditional → mainland simplified), kept up to date upstream rather than a hand-made table. Built
 * on first use: most files never need it.
 */
let converter: ((text: string) => string) | undefined
function toSimplified(): (text: string) => string {
  return (converter ??= ConverterFactory(...Locale.from.hk, ...Locale.from.tw, ...Locale.to.cn))
}

/** The one-character entries of the converter's tables, as [from, to]. */
function characterEntries(groups: readonly DictGroup[]): [string, string][] {
  const out: [string, string][] = []
  const add = (from: string, to: string): void => {
    if (from.length > 0 && from === String.fromCodePoint(from.codePointAt(0) ?? 0)) out.push([from, to])
  }
  for (const group of groups) {
    for (const dict of group) {
      if (typeof dict !== 'string') for (const [from, to] of dict) add(from, to)
      else for (const entry of dict.split('|')) add(entry.slice(0, entry.indexOf(' ')), entry.slice(entry.indexOf(' ') + 1))
    }
  }
  return out
}

/**
 * Characters the converter changes on their own, read from its character tables without building it (which takes
 * ~130 ms): a traditional character (場 → 场), or a Hong Kong or Taiwan variant that does not come back as it is
 * (the Hong Kong table's 台 → 臺 ends as 台 again). A header in simplified characters, nearly every one, is looked
 * at character by character against this set and never converted.
 */
let traditional: ReadonlySet<number> | undefined
function traditionalChars(): ReadonlySet<number> {
  if (traditional) return traditional
  const tables = characterEntries(Locale.to.cn)
  const simplified = new Map(tables)
  const set = new Set<number>()
  for (const [from, to] of tables) if (to !== from) set.add(from.codePointAt(0) ?? 0)
  for (const [from, to] of characterEntries([...Locale.from.hk, ...Locale.from.tw])) {
    if ((simplified.get(to) ?? to) !== from) set.add(from.codePointAt(0) ?? 0)
  }
  return (traditional = set)
}

/** Whether the text has a character of traditional script; ASCII, digits and punctuation are passed over at once. */
function hasTraditional(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    // Every key of the tables is a CJK ideograph (U+3400 up, surrogates included); below it nothing to look up.
    if (code >= 0x3400 && traditionalChars().has(s.codePointAt(i) ?? code)) return true
  }
  return false
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

/**
 * One column holding an enterprise's name and address together, as some lists have it: read as the name (the text
 * names the enterprise), the address left to complete.
 */
export const NAME_WITH_ADDRESS: readonly string[] = ['企业名称及地址', '名称及地址', '企业（场所）名称及地址', '企业名称和地址', '单位名称及地址', '企业名称及详细地址']

export const namesAddressToo = (header: string): boolean => NAME_WITH_ADDRESS.some((h) => normalizeHeader(h) === normalizeHeader(header))
