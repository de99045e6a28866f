/** Resource limits for reading an untrusted workbook (reliability.md §2.3). */
export const importLimits = {
  /** A 附件2 with thousands of rows is well under 2 MiB; 20 MiB leaves room for pictures and styles. */
  maxFileBytes: 20 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxEntryInflatedBytes: 100 * 1024 * 1024,
  maxTotalInflatedBytes: 200 * 1024 * 1024,
  /** Above this size an entry may not inflate more than maxRatio times its compressed size. */
  ratioFloorBytes: 1024 * 1024,
  maxRatio: 200,
  /** Non-empty rows per sheet (every line of a CSV). */
  maxRows: 50_000,
  /** Fields read per line of a CSV (an annex has under 40 columns); a line with text beyond them is refused. */
  maxColumns: 100,
  parseTimeoutMs: 30_000,
  /** Heap of the parser thread; a hostile file hits this instead of the app's memory. */
  parserHeapMb: 1_024
} as const

export type ImportLimits = { readonly [K in keyof typeof importLimits]: number }
