import type { ParseOutcome } from './parseInWorker'

/** See xlsxReader.mjs: the workbook, a too-many-rows failure, or null when SheetJS must read the file. */
export function readXlsx(
  entries: ReadonlyMap<string, Buffer>,
  maxRows: number,
  isDateFormat: (formatCodeOrBuiltInId: string | number) => boolean
): ParseOutcome | null
