import type { ImportLimits } from './limits'
import type { ParseOutcome } from './parseInWorker'

/** See csvReader.mjs: the file as a one-sheet workbook of text cells named after `fileName`, or why it is refused. */
export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  limits: Pick<ImportLimits, 'maxRows' | 'maxColumns'>
): ParseOutcome
