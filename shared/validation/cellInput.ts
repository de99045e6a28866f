import type { AnnexColumn } from '../annexes/types'
import type { Campaign } from '../campaign/campaign'
import { unitByName } from '../campaign/campaign'
import type { FieldValue } from '../ledger/record'
import type { FieldIssue } from '../domain/issues'
import { choiceWord, cleanText, isoFromExcelSerial, normalizeCode, normalizePhone, parseDateText, splitMulti } from '../domain/normalize'
import { optionsOf } from './validateRecord'

/**
 * The canonical spelling of an enumerated value: synonyms (整治改造 → 升级改造) and unit aliases
 * (市水务局 → 市水务水电局, 临夏市八坊街道办事处 → 八坊街道) are mapped; anything else is returned as typed.
 */
export function canonicalOption(col: AnnexColumn, raw: string, campaign: Campaign): string {
  const v = choiceWord(raw)
  const options = optionsOf(col, campaign)
  if (options.includes(v)) return v
  const synonym = col.valueSynonyms?.get(v)
  if (synonym) return synonym
  if (typeof col.options === 'string') {
    const unit = unitByName(campaign, v)
    if (unit && options.includes(unit.name)) return unit.name
  }
  return cleanText(raw)
}

/**
 * Turns text typed, pasted or read from a spreadsheet cell into the stored value of a column: codes and phones
 * normalised, dates to ISO, enumerations to their canonical word, 问题类型 split into a list. Text that cannot be
 * understood is kept as typed so that validation can point at it; full-width digits of a number become half-width.
 */
export function valueFromText(col: AnnexColumn, raw: string, campaign: Campaign): FieldValue {
  const text = cleanText(raw)
  // A shortcut only: an empty cell comes out the same through every case below, without their lookups.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, as said above
  if (text === '') return emptyValue(col)
  switch (col.kind) {
    case 'uscc':
      return normalizeCode(text)
    case 'phone':
      return normalizePhone(text)
    case 'date': {
      const d = parseDateText(text)
      return d.ok ? d.iso : text
    }
    case 'multiEnum':
      return [...new Set(splitMulti(text).map((v) => canonicalOption(col, v, campaign)))]
    case 'enum':
      return canonicalOption(col, text, campaign)
    case 'money':
    case 'count': {
      // Full-width digits (１２３) are the number they show, which sums and exports read; other text stays as typed.
      const digits = text.normalize('NFKC')
      return /^\d+(\.\d+)?$/.test(digits) ? digits : text
    }
    default:
      return text
  }
}

/**
 * The warning for a deadline phrase that valueFromText stored as a date (2024年6月底前 → 2024-06-30), or null when
 * the text is a plain date or none: the stored ISO no longer shows what was written, so whoever reads the text says
 * it (the importer with each cell; the grid may show it while typing). One wording for every reader.
 */
export function dateConversionIssue(col: AnnexColumn, raw: string): FieldIssue | null {
  if (col.kind !== 'date') return null
  const text = cleanText(raw)
  const d = parseDateText(text)
  if (!d.ok || !d.phrase) return null
  const how = d.phrase === 'monthEnd' ? `按${d.iso}（该月最后一天）` : `按${d.iso}`
  return { severity: 'warning', code: 'DATE_CONVERTED', field: col.key, message: `「${col.header}」“${text}”${how}导入，请核对` }
}

/** What an empty cell of a column holds: no text, or no choice of a multiple choice. */
function emptyValue(col: AnnexColumn): FieldValue {
  return col.kind === 'multiEnum' ? [] : ''
}

/** Five digits, with or without a time of day: what Excel copies from a date cell formatted as 常规 (45473 = 2024-06-30). */
const PASTED_SERIAL = /^\d{5}(\.\d+)?$/

/**
 * A date as a clerk types or pastes it into the program, as ISO, or null: every form import reads (parseDateText)
 * and an Excel date serial, which is what Excel puts on the clipboard for a date cell formatted as 常规. An imported
 * number cell is not read this way: there the file says whether it is a date (readCell).
 */
export function dateFromTyped(raw: string): string | null {
  const text = cleanText(raw).normalize('NFKC')
  if (PASTED_SERIAL.test(text)) return isoFromExcelSerial(Number(text))
  const d = parseDateText(text)
  return d.ok ? d.iso : null
}

/** valueFromText for text typed or pasted into the program (grid, 办理 panel): a date column also takes a serial. */
export function valueFromTyped(col: AnnexColumn, raw: string, campaign: Campaign): FieldValue {
  return (col.kind === 'date' && dateFromTyped(raw)) || valueFromText(col, raw, campaign)
}

/** A stored value as one line of text (grid display, TSV copy, search). */
export function valueToText(value: FieldValue | undefined): string {
  if (value === undefined) return ''
  return Array.isArray(value) ? value.join('、') : value
}
