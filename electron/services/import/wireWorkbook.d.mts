import type { RawWorkbook } from './rawWorkbook'

/** A RawWorkbook as it crosses threads (wireWorkbook.mjs): values and marks, primitives only. */
export interface WireWorkbook {
  readonly wire: unique symbol
}

export function encodeWorkbook(workbook: RawWorkbook): WireWorkbook
export function decodeWorkbook(wire: WireWorkbook): RawWorkbook
