/**
 * Which column of the form each column of a pasted block belongs to. A block copied from a spreadsheet is a run of
 * the printed form's columns: our own export (A:Z with 序号), a unit's sheet with or without 序号 and 问题编号, a
 * sheet with or without the computed columns. A header row, when the block starts with one, names the columns;
 * otherwise the block follows the printed order from the paste anchor, and whether it holds the columns nobody
 * types (序号, 问题编号, computed ones) is read from the values: of the possible alignments, the one under which
 * the most values fit their column wins (a company name is no 乡镇（街道）; a column of small integers is a 序号).
 */
import { columnForHeader, headerLookup, isKnownHeader, isSubHeaderRow } from '@shared/annexes/headers'
import { problemNoColumn } from '@shared/annexes/illegal'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import { parseDateText } from '@shared/domain/normalize'
import { phoneKind } from '@shared/domain/phone'
import { valueFromTyped } from '@shared/validation/cellInput'
import { optionsOf } from '@shared/validation/validateRecord'

/** Where one column of the block goes. */
export type BlockColumn =
  | { to: 'field'; column: AnnexColumn }
  /** 序号, 问题编号 or a computed column: numbered or computed by the program, never typed. */
  | { to: 'computed'; column: AnnexColumn }
  /** A header this form does not have, or a second header for a column already bound. */
  | { to: 'unknown'; header: string }
  | { to: 'duplicate'; column: AnnexColumn }
  /** Past the form's last column. */
  | { to: 'beyond' }

export interface ColumnMapping {
  by: 'header' | 'order'
  /** Rows at the top of the block that are its header (0, 1, or 2 for a two-level header). */
  headerRows: number
  columns: BlockColumn[]
}

/** Rows looked at to score alignments: enough to tell, few enough for a paste of thousands of rows. */
const SAMPLE_ROWS = 50

/**
 * valueFromTyped for one paste: a dropdown, date, code or phone column holds few distinct texts over many rows, so
 * each is read once.
 */
export class CellReader {
  private readonly seen = new Map<string, Map<string, FieldValue>>()

  constructor(readonly campaign: Campaign) {}

  read(col: AnnexColumn, raw: string): FieldValue {
    if (col.kind === 'text') return valueFromTyped(col, raw, this.campaign)
    let byText = this.seen.get(col.key)
    if (!byText) this.seen.set(col.key, (byText = new Map()))
    let value = byText.get(raw)
    if (value === undefined) byText.set(raw, (value = valueFromTyped(col, raw, this.campaign)))
    // A list is the row's own: rows never share a mutable value.
    return Array.isArray(value) ? [...value] : value
  }
}

export const isComputed = (col: AnnexColumn): boolean => col.kind === 'seq' || col.key === 'problemNo' || col.derive !== undefined

/**
 * The form's printed columns, with 问题编号 after 序号 where the form does not print it: the grid shows it there and
 * units' own sheets often carry it.
 */
export function pasteLayout(annex: AnnexDefinition<RecordFields>): readonly AnnexColumn[] {
  if (annex.columns.some((c) => c.key === 'problemNo')) return annex.columns
  const seq = annex.columns.findIndex((c) => c.kind === 'seq')
  return [...annex.columns.slice(0, seq + 1), problemNoColumn, ...annex.columns.slice(seq + 1)]
}

export function mapBlockColumns(
  block: readonly (readonly string[])[],
  annex: AnnexDefinition<RecordFields>,
  anchorKey: string,
  reader: CellReader
): ColumnMapping {
  const layout = pasteLayout(annex)
  return byHeader(block, layout, annex) ?? byOrder(block, layout, anchorKey, reader)
}

const blockWidth = (block: readonly (readonly string[])[]): number => Math.max(0, ...block.map((r) => r.length))

/** The block's first row is a header when most of its texts are the form's headers (a block of one row is data). */
function byHeader(block: readonly (readonly string[])[], layout: readonly AnnexColumn[], annex: AnnexDefinition<RecordFields>): ColumnMapping | null {
  const [first, second] = block
  if (!first || block.length < 2) return null
  const lookup = headerLookup({ ...annex, columns: layout })
  const texts = first.map((t) => t.trim()).filter((t) => t !== '')
  const known = texts.filter((t) => isKnownHeader(lookup, t)).length
  if (known === 0 || known * 2 <= texts.length) return null
  const leaves = second?.map((t) => t.trim()) ?? []
  const twoLevel = block.length > 2 && isSubHeaderRow(lookup, leaves)
  const columns: BlockColumn[] = []
  const bound = new Set<string>()
  let group = ''
  for (let c = 0; c < blockWidth(block); c++) {
    const upper = first[c]?.trim() ?? ''
    // A merged group header (手续办理情况) is copied into its first cell only; the cells right of it are blank.
    if (upper !== '') group = upper
    const leaf = twoLevel ? (leaves[c] ?? '') : ''
    const header = leaf || upper
    const column = header ? columnForHeader(lookup, header, leaf ? group : '') : undefined
    if (!column) columns.push({ to: 'unknown', header })
    else if (bound.has(column.key)) columns.push({ to: 'duplicate', column })
    else {
      bound.add(column.key)
      columns.push(isComputed(column) ? { to: 'computed', column } : { to: 'field', column })
    }
  }
  return { by: 'header', headerRows: twoLevel ? 2 : 1, columns }
}

/** Which computed columns an alignment assumes the block holds. */
interface Holds {
  seq: boolean
  problemNo: boolean
  derived: boolean
}

function holds(col: AnnexColumn, h: Holds): boolean {
  if (col.kind === 'seq') return h.seq
  if (col.key === 'problemNo') return h.problemNo
  return h.derived
}

/** The form's column under each block column, starting at `start` of the layout. */
function align(layout: readonly AnnexColumn[], start: number, width: number, h: Holds): (AnnexColumn | null)[] {
  const out: (AnnexColumn | null)[] = []
  for (let i = start; out.length < width; i++) {
    const col = layout[i]
    if (!col) out.push(null)
    else if (!isComputed(col) || holds(col, h)) out.push(col)
  }
  return out
}

function byOrder(block: readonly (readonly string[])[], layout: readonly AnnexColumn[], anchorKey: string, reader: CellReader): ColumnMapping {
  const width = blockWidth(block)
  const anchor = Math.max(0, layout.findIndex((c) => c.key === anchorKey))
  const fits = new ValueFit(reader)
  const sample = block.slice(0, SAMPLE_ROWS)
  const scores = new Map<string, number>()
  const scoreOf = (j: number, col: AnnexColumn | null): number => {
    const key = `${j}\u0000${col?.key ?? ''}`
    let s = scores.get(key)
    if (s === undefined) {
      s = 0
      for (const row of sample) s += fits.score(col, row[j] ?? '')
      scores.set(key, s)
    }
    return s
  }
  // The anchor's alignment without computed columns goes first and wins a tie: it is what the clerk pointed at.
  let best: (AnnexColumn | null)[] = []
  let bestScore = -Infinity
  for (const start of new Set([anchor, 0])) {
    for (const h of HOLDS) {
      const cols = align(layout, start, width, h)
      const score = cols.reduce((sum, col, j) => sum + scoreOf(j, col), 0)
      if (score > bestScore) {
        best = cols
        bestScore = score
      }
    }
  }
  const columns = best.map((col): BlockColumn => (!col ? { to: 'beyond' } : isComputed(col) ? { to: 'computed', column: col } : { to: 'field', column: col }))
  return { by: 'order', headerRows: 0, columns }
}

const HOLDS: readonly Holds[] = [false, true].flatMap((seq) =>
  [false, true].flatMap((problemNo) => [false, true].map((derived) => ({ seq, problemNo, derived })))
)

/**
 * How well a value fits a column: +1 when it is a value the column takes, -1 when it is not (or when it would fall
 * past the last column), 0 for blanks and free text, which any text column takes.
 */
class ValueFit {
  private readonly options = new Map<string, ReadonlySet<string>>()

  constructor(private readonly reader: CellReader) {}

  score(col: AnnexColumn | null, raw: string): number {
    const text = raw.trim()
    if (text === '') return 0
    if (!col) return -1
    const fit = this.fits(col, text)
    return fit === null ? 0 : fit ? 1 : -1
  }

  private fits(col: AnnexColumn, text: string): boolean | null {
    if (col.kind === 'seq') return /^\d{1,6}$/.test(text.normalize('NFKC'))
    // Our 问题编号 (LXS-2024-005-0001) or a unit's own numbering: letters, digits and separators, with a digit;
    // a small number alone is a 序号.
    if (col.key === 'problemNo') return /^[A-Za-z0-9][\w\-/.]{0,39}$/.test(text) && /\d/.test(text) && !/^\d{1,6}$/.test(text)
    switch (col.kind) {
      case 'uscc': {
        const v = this.reader.read(col, text) as string
        return v === '无' || /^[0-9A-Z]{18}$/.test(v) || /^\d{15}$/.test(v)
      }
      case 'phone':
        return phoneKind(this.reader.read(col, text) as string) !== null
      case 'date':
        return parseDateText(text).ok
      case 'count':
        return /^\d+$/.test(text.normalize('NFKC'))
      case 'money':
        return /^\d+(\.\d+)?$/.test(text.normalize('NFKC'))
      case 'enum':
      case 'multiEnum': {
        if (col.options === undefined) return null
        const allowed = this.optionsOf(col)
        const values = this.reader.read(col, text)
        return (Array.isArray(values) ? values : [values]).every((v) => allowed.has(v))
      }
      default:
        return null
    }
  }

  private optionsOf(col: AnnexColumn): ReadonlySet<string> {
    let set = this.options.get(col.key)
    if (!set) {
      set = new Set(optionsOf(col, this.reader.campaign))
      this.options.set(col.key, set)
    }
    return set
  }
}
