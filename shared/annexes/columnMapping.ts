/**
 * A clerk's assignment of a table's columns to a form's fields (issue 22): for a header the importer cannot bind, or
 * binds wrongly, the field it is, or 忽略. Keyed by the header as compared (normalizeHeader), so 企业 地址 and
 * 企业地址 are one header. Written as `企业地址=详细地址,备注2=忽略` on the command line, or as a JSON object.
 */
import type { RecordFields } from '../ledger/record'
import { normalizeHeader } from './headers'
import type { AnnexColumn, AnnexDefinition } from './types'

/** Normalised source header → the column key it is, or null: the column is not imported. */
export type ColumnMapping = ReadonlyMap<string, string | null>

/** A column of the table as read, for the clerk to assign: its header, a few values, and what it is bound to. */
export interface SourceColumn {
  letter: string
  header: string
  /** The field it is read into; null when none (unknown, or set to 忽略). */
  key: string | null
  ignored: boolean
  samples: string[]
}

/** The header row a table's mapping is remembered by: its headers as compared, in order. */
export const headerSignature = (columns: readonly Pick<SourceColumn, 'header'>[]): string => columns.map((c) => normalizeHeader(c.header)).join('|')

export const IGNORE_WORDS: readonly string[] = ['忽略', '不导入', 'ignore']

/** The column a target names: its key, its printed header or one of its synonyms. */
function targetColumn(annex: AnnexDefinition<RecordFields>, target: string): AnnexColumn | undefined {
  const wanted = normalizeHeader(target)
  return annex.columns.find((c) => c.kind !== 'seq' && (c.key === target || [c.header, ...(c.headerSynonyms ?? [])].some((h) => normalizeHeader(h) === wanted)))
}

export type MappingParse = { ok: true; mapping: ColumnMapping } | { ok: false; message: string }

/** The mapping from header → target pairs; a target that names no field of the form is refused, naming it. */
export function columnMapping(pairs: Iterable<readonly [string, string]>, annex: AnnexDefinition<RecordFields>): MappingParse {
  const mapping = new Map<string, string | null>()
  for (const [source, target] of pairs) {
    const header = normalizeHeader(source)
    if (header === '') return { ok: false, message: `“=${target}”前面缺少原表的列名` }
    if (IGNORE_WORDS.includes(target.trim())) {
      mapping.set(header, null)
      continue
    }
    const column = targetColumn(annex, target.trim())
    if (!column) return { ok: false, message: `“${target}”不是${annex.label}的列，请写模板中的列名（如 详细地址、整治措施）或“忽略”` }
    mapping.set(header, column.key)
  }
  return { ok: true, mapping }
}

/** `企业地址=详细地址,整改意见=整治措施` (、，; also separate pairs). */
export function parseMappingText(text: string, annex: AnnexDefinition<RecordFields>): MappingParse {
  const pairs: [string, string][] = []
  for (const part of text.split(/[,，、;；]/).map((p) => p.trim()).filter(Boolean)) {
    const at = part.search(/[=＝]/)
    if (at < 0) return { ok: false, message: `“${part}”应写成 原列名=模板列名，如 企业地址=详细地址` }
    pairs.push([part.slice(0, at), part.slice(at + 1)])
  }
  return columnMapping(pairs, annex)
}

/** A JSON object { "原列名": "模板列名" | "忽略" }, as `--map-file` holds it. */
export function parseMappingJson(json: unknown, annex: AnnexDefinition<RecordFields>): MappingParse {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: '对应关系文件应为 JSON 对象，如 {"企业地址": "详细地址"}' }
  const entries = Object.entries(json)
  const bad = entries.find(([, v]) => typeof v !== 'string')
  if (bad) return { ok: false, message: `“${bad[0]}”对应的应是模板列名或“忽略”` }
  return columnMapping(entries as [string, string][], annex)
}

/** Character pairs of a header, for nearness. */
function bigrams(text: string): Set<string> {
  const t = normalizeHeader(text)
  const out = new Set<string>()
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
  return out
}

/** The share of the shorter text's pairs the other has: 企业所在详细位置 holds 详细 of 详细地址's three pairs. */
const overlap = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 || b.size === 0) return 0
  let common = 0
  for (const x of a) if (b.has(x)) common++
  return common / Math.min(a.size, b.size)
}

/** The column of `candidates` whose header or synonym shares the most of the text's character pairs, if any is near. */
export function nearestColumn(text: string, candidates: readonly AnnexColumn[]): AnnexColumn | undefined {
  const own = bigrams(text)
  let best: { column: AnnexColumn; score: number } | undefined
  for (const column of candidates) {
    const score = Math.max(...[column.header, ...(column.headerSynonyms ?? [])].map((h) => overlap(own, bigrams(h))))
    if (score >= NEAR && (!best || score > best.score)) best = { column, score }
  }
  return best?.column
}

/** 企业地址 ~ 详细地址 share 地址, one of three pairs: 0.33; unrelated headers share none. */
const NEAR = 0.3
