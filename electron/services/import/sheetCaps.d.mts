import type { ImportLimits } from './limits'

/** What the readers may spend on one file's sheets (sheetCaps.mjs); maxRows is the parser thread's hard row cap. */
export type SheetCaps = Pick<ImportLimits, 'maxRows' | 'maxColumns' | 'maxCells'>
