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

export interface AnnexColumn {
  /** Property name in the stored record (English identifier). */
  readonly key: string
  /** Header text as printed on the form (the leaf of a two-level header). */
  readonly header: string
  /** Parent header of a two-level header (e.g. 手续办理情况 over 营业执照 … 其他许可). */
  readonly group?: string
  readonly kind: FieldKind
  /** Fixed domain of an enum / multiEnum column, or the campaign list it draws from. */
  readonly options?: readonly string[] | UnitDomain
  /** Other spellings mapped to the canonical value before validation. */
  readonly valueSynonyms?: ReadonlyMap<string, string>
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
}

import type { FieldValue, RecordFields } from '../ledger/record'

/** One computed column of a 统计 sheet. */
export interface StatColumn<R> {
  readonly header: string
  readonly group?: string
  /** null prints as a blank cell (e.g. 完成率 when nothing was due). */
  readonly compute: (rows: readonly R[]) => number | null
}

export interface AnnexDefinition<R = Record<string, unknown>> {
  /** Stable id stored in JSON files and in the exported `_meta` sheet. */
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
