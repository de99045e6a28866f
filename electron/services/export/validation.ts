import type { DataValidation, Worksheet } from 'exceljs'
import type { AnnexColumn } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import { optionsOf } from '@shared/validation/validateRecord'
import { halfWidths } from './style'

export const LIST_SHEET = '_lists'

/**
 * Excel refuses an inline list formula longer than 255 characters; counted here in half-widths (a Chinese character
 * as two), as double-byte versions of Excel and WPS may count bytes, so a list that fits is safe everywhere.
 */
const INLINE_LIST_MAX = 255
/** A multi-choice column offers every combination as a dropdown entry while that stays short (2^4 − 1 = 15). */
const COMBINATIONS_MAX_OPTIONS = 4
// Excel's limits on the texts of a validation (longer ones make it repair the file).
const TITLE_MAX = 32
const PROMPT_MAX = 255
const ERROR_MAX = 225

/** Long option lists live on a hidden sheet, one column each, and validations point at their range. */
export class ListSheet {
  private column = 0
  /** The same list on another sheet points at the same range. */
  private readonly written = new Map<string, string>()
  constructor(readonly ws: Worksheet) {}

  get used(): boolean {
    return this.column > 0
  }

  /** Formula for a list validation: inline when short, else a range on the hidden sheet. */
  listFormula(values: readonly string[]): string {
    const inline = `"${values.join(',')}"`
    if (halfWidths(inline) <= INLINE_LIST_MAX && !values.some((v) => v.includes(',') || v.includes('"'))) return inline
    const known = this.written.get(inline)
    if (known) return known
    const col = ++this.column
    values.forEach((v, i) => (this.ws.getCell(i + 1, col).value = v))
    const letter = this.ws.getColumn(col).letter
    const formula = `'${LIST_SHEET}'!$${letter}$1:$${letter}$${values.length}`
    this.written.set(inline, formula)
    return formula
  }
}

/** Non-empty subsets of the options, each in option order: 散 / 乱 / 污 / 散、乱 / … / 散、乱、污. */
function combinations(options: readonly string[]): string[] {
  const out: string[][] = []
  for (let mask = 1; mask < 1 << options.length; mask++) out.push(options.filter((_, i) => mask & (1 << i)))
  return out.sort((a, b) => a.length - b.length).map((c) => c.join('、'))
}

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

/** The validation of one column's data cells: a dropdown for choices, else just the column's hint as input message. */
function validationFor(col: AnnexColumn, campaign: Campaign, lists: ListSheet): DataValidation | null {
  const prompt = (text: string): Partial<DataValidation> => ({
    showInputMessage: true,
    promptTitle: clip(col.header, TITLE_MAX),
    prompt: clip(text, PROMPT_MAX)
  })
  const options = optionsOf(col, campaign)
  if (col.kind === 'multiEnum' && options.length > 0) {
    const advice = `${col.hint ?? `可多选：${options.join('、')}`}；多项用顿号“、”分隔，如“${options.slice(0, 2).join('、')}”。`
    const small = options.length <= COMBINATIONS_MAX_OPTIONS
    return {
      // Other orders and separators are still accepted on import, so a non-listed entry only warns.
      type: small ? 'list' : 'any',
      formulae: small ? [lists.listFormula(combinations(options))] : [],
      allowBlank: true,
      showErrorMessage: small,
      errorStyle: 'warning',
      errorTitle: '请核对',
      error: clip(`「${col.header}」${advice}`, ERROR_MAX),
      ...prompt(small ? `${advice}也可从下拉列表中选择。` : advice)
    } as DataValidation
  }
  if (col.kind === 'enum' && options.length > 0) {
    return {
      type: 'list',
      formulae: [lists.listFormula(options)],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '输入值无效',
      error: `请从下拉列表中选择「${col.header}」。`,
      ...(col.hint ? prompt(col.hint) : {})
    } as DataValidation
  }
  if (!col.hint) return null
  return { type: 'any', formulae: [], allowBlank: true, ...prompt(col.hint) } as unknown as DataValidation
}

interface SheetValidations {
  add(range: string, validation: DataValidation): void
}

/** Dropdowns and input messages on the data rows firstRow…lastRow of every column that has one. */
export function addColumnValidations(
  ws: Worksheet,
  columns: readonly AnnexColumn[],
  campaign: Campaign,
  lists: ListSheet,
  firstRow: number,
  lastRow: number
): void {
  // Worksheet.dataValidations exists at run time but is missing from exceljs' typings (stack.md P14).
  const validations = (ws as unknown as { dataValidations: SheetValidations }).dataValidations
  columns.forEach((col, i) => {
    const v = validationFor(col, campaign, lists)
    const letter = ws.getColumn(i + 1).letter
    if (v) validations.add(`${letter}${firstRow}:${letter}${lastRow}`, v)
  })
}
