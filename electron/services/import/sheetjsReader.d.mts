import type { ParseOutcome } from './parseInWorker'
import type { SheetCaps } from './sheetCaps.mjs'

/** See sheetjsReader.mjs: the workbook as SheetJS reads it, or a refusal of the caps; throws what SheetJS throws. */
export function readWithSheetJS(bytes: Buffer, caps: SheetCaps): ParseOutcome

/** Whether a number format (its code, or a built-in format's id) shows a date, zh-CN built-ins included. */
export function isDateStyle(formatCodeOrBuiltInId: string | number): boolean
