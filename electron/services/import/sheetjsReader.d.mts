import type { ParseOutcome } from './parseInWorker'

/** See sheetjsReader.mjs: the workbook as SheetJS reads it, or a too-many-rows failure; throws what SheetJS throws. */
export function readWithSheetJS(bytes: Buffer, maxRows: number): ParseOutcome

/** Whether a number format (its code, or a built-in format's id) shows a date, zh-CN built-ins included. */
export function isDateStyle(formatCodeOrBuiltInId: string | number): boolean
