import type { ParseOutcome } from './parseInWorker'
import type { SheetCaps } from './sheetCaps.mjs'

/** See xlsxReader.mjs: the workbook, a refusal of the caps, or null when SheetJS must read the file. */
export function readXlsx(
  entries: ReadonlyMap<string, Buffer>,
  caps: SheetCaps,
  isDateFormat: (formatCodeOrBuiltInId: string | number) => boolean
): ParseOutcome | null
