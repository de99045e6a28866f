import type { ParseOutcome } from './parseInWorker'
import type { SheetCaps } from './sheetCaps.mjs'

/** See csvReader.mjs: the file as a one-sheet workbook of text cells named after `fileName`, or why it is refused. */
export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  caps: SheetCaps
): ParseOutcome
