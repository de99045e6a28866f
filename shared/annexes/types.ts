/**
 * An annex definition is the single source of truth for one official form: the grid's columns, the stored row
 * shape, the validation domains, the header texts and the printed layout all derive from it. Adding a column to a
 * form is one edit here.
 */

/** How a column's value is stored, edited, validated and written. */
export type FieldKind =
  | 'seq' // 序号: computed from the row's position, never stored
  | 'text'
  | 'enum'
  | 'multiEnum' // stored as string[]; printed joined with 、
  | 'uscc' // 统一社会信用代码 (GB 32100), or 无
  | 'phone'
  | 'date' // stored as ISO YYYY-MM-DD, or the raw text the user typed when it is not a date
  | 'count'
  | 'money'

/** A value domain that comes from the campaign rather than from a fixed list. */
export type UnitDomain = 'town' | 'department' | 'unit'

export interface AnnexColumn<K extends string = string> {
  /** Property name in the stored record (English identifier); a form's keys make its key union (FormKey). */
  readonly key: K
  /** Header text as printed on the form (the leaf of a two-level header). */
  readonly header: string
  /** Parent header of a two-level header (e.g. 手续办理情况 over 营业执照 … 其他许可). */
  readonly group?: string
  readonly kind: FieldKind
  /** Fixed domain of an enum / multiEnum column, or the campaign list it draws from. */
  readonly options?: readonly string[] | UnitDomain
  /** Other spellings mapped to the canonical value before validation. */
  readonly valueSynonyms?: ReadonlyMap<string, string>
  /** Words that could mean several values: refused with the choices named (ENUM_AMBIGUOUS), never guessed. */
  readonly ambiguousValues?: ReadonlyMap<string, readonly string[]>
  /** Other header texts units use for this column (matched after normalisation). */
  readonly headerSynonyms?: readonly string[]
  /** Blank is an error (REQUIRED_EMPTY). */
  readonly required?: boolean
  /** Printed column width in Excel units (one half-width character; a Chinese character takes two). */
  readonly width: number
  /**
   * Date columns checked against a phase of the campaign: `deadline` must lie in 清理整治 … 整治提升 (error, as
   * 完成时限); `cleanup` / `upgrade` should lie in that phase (warning).
   */
  readonly phase?: 'deadline' | 'cleanup' | 'upgrade'
  /** Free text that often runs to several lines (地址, 问题描述, 措施): edited in a multi-line editor. */
  readonly multiline?: boolean
  /** Hint shown in the grid header tooltip and the form's 填表说明. */
  readonly hint?: string
  /**
   * A printed value computed from other fields (e.g. 两断三清 √/× from the dates): shown read-only, written on the
   * form, never stored. An imported form keeps the value it shows.
   */
  readonly derive?: (fields: RecordFields) => FieldValue
  /**
   * What the 合计 line prints under a column that is not simply summed (a rate is recomputed from the sums). Count
   * and money columns are summed without it; other columns stay blank.
   */
  readonly total?: (rows: readonly RecordFields[]) => string
}

import type { FieldValue, RecordFields } from '../ledger/record'

/** One computed column of a 统计 sheet. */
export interface StatColumn<R> {
  readonly header: string
  readonly group?: string
  /** null prints as a blank cell (e.g. 完成率 when nothing was due). */
  readonly compute: (rows: readonly R[]) => number | null
}

/**
 * Where a form appears besides its own export: every list of forms (the ledger's tabs, the office's streams and
 * views, the IPC contract's enum, the CLI's `--annex` names) derives from these in registry.ts.
 */
export interface AnnexPlaces {
  /** A tab of the unit's ledger showing this form, in `order`; none for the 附表 and the contact list (pages of their own). */
  readonly ledgerTab?: {
    readonly label: string
    readonly order: number
    /** Records are born here (摸底 or 回头看); the other forms list records that already exist. */
    readonly createsRecords: boolean
  }
  /**
   * How the office takes the form in: merged on its own (`form`), or week by week (`weekly`, a stream per 周五).
   * A form without it goes with 附件2, where it is listed as rejected with the reason. `view` names the form in the
   * office's 汇总表格 menu, where its consolidation is shown record by record. On the command line, `slw merge
   * --annex <id>` takes the forms merged on their own (`slw template|export --annex <id>` take every form).
   */
  readonly office?: { readonly merge: 'form' | 'weekly'; readonly view?: string }
  /** What goes to the office with the printed form, said when it is exported (附件3: the 月度工作总结). */
  readonly sentWith?: string
}

export interface AnnexDefinition<R = Record<string, unknown>> extends AnnexPlaces {
  /** Stable id stored in JSON files and in the exported `_meta` sheet; also the form's name on the command line. */
  readonly id: string
  /** Bumped whenever columns change, so an older export is recognised as such. */
  readonly version: number
  /** `附件2` — printed top-left on the form. */
  readonly label: string
  readonly title: string
  /** Name of the 明细 sheet. */
  readonly sheetName: string
  readonly columns: readonly AnnexColumn[]
  /** 填表说明 lines printed under the form. */
  readonly notes: readonly string[]
  /** The 备注 column that carries, when the form is printed, a note on records past their 完成时限 (附件3, 附件4). */
  readonly deadlineNote?: string
  /** Which of a unit's records this form lists (附件4: only 升级改造 and 整合搬迁); all when absent. */
  readonly rowFilter?: (fields: RecordFields) => boolean
  /** The 统计 sheet, computed from the 明细 rows, never typed. */
  readonly stats?: { readonly sheetName: string; readonly columns: readonly StatColumn<R>[] }
}

/** A form's field keys (序号 is computed, never a field): `FormKey<typeof annex3>`. */
export type FormKey<A extends { readonly columns: readonly AnnexColumn[] }> = Exclude<A['columns'][number]['key'], 'seq'>

/**
 * Declares a form and keeps what it declares as literal types (an annotation would widen them to string): its id,
 * its column keys (FormKey) and where it appears, which the registry's typed lists are computed from.
 */
export function defineAnnex<const D extends AnnexDefinition<RecordFields>>(definition: D): Declared<D> {
  return definition
}

/** Each column is read as any AnnexColumn (its optional parts may be asked for), with the form's keys. */
type Declared<D extends AnnexDefinition<RecordFields>> = Omit<D, 'columns'> & {
  readonly columns: readonly AnnexColumn<D['columns'][number]['key']>[]
}
