import { ANNEXES } from '@shared/annexes/registry'
import { SUBMISSION_FILE_MIB } from '@shared/ipc/contract'

/**
 * Columns read from a sheet: the widest form the program knows plus the margin of reliability.md §2.3 (a table
 * that starts a few columns in, the 来源单位 / 来源文件 columns of a consolidation, notes beside the table).
 */
const COLUMN_MARGIN = 20
const WIDEST_ANNEX = Math.max(...ANNEXES.map((a) => a.columns.length))

const MiB = 1024 * 1024

/**
 * Resource limits for reading an untrusted workbook (reliability.md §2.3). What a file may cost is capped by what
 * its zip inflates to and by the cells its sheets hold, not by its size on disk: our own consolidation of 100,000
 * 附件2 rows (`slw merge`, 25 units × 4,000) measured 41 MiB on disk, 255 MiB inflated (明细 110 MiB, the 25 unit
 * sheets 4 MiB each, _meta 29 MiB, shared strings 18 MiB) and 6.0 million cells (明细, the unit sheets and _meta
 * 2.8 + 2.8 + 0.9 million), so a county's roll-up of it reads; the caps leave a fifth more rows than that.
 */
export const importLimits = {
  /**
   * Read into memory at all: above a 100,000-row consolidation's 41 MiB. Within it, a zip container is capped by
   * its inflated entries below.
   */
  maxFileBytes: SUBMISSION_FILE_MIB * MiB,
  /** .xls and .csv: their bytes are what the parser reads; a unit's 附件2 with thousands of rows is under 2 MiB. */
  maxFlatFileBytes: 20 * MiB,
  maxZipEntries: 2_000,
  /** One sheet's XML: 明细 of 120,000 consolidated rows is 132 MiB. */
  maxEntryInflatedBytes: 160 * MiB,
  /** The whole container: 306 MiB for 120,000 consolidated rows. */
  maxTotalInflatedBytes: 384 * MiB,
  /** Above this size an entry may not inflate more than maxRatio times its compressed size. */
  ratioFloorBytes: MiB,
  maxRatio: 200,
  /** Non-empty rows per sheet of a workbook a unit made: a unit's ledger is well under this. */
  maxRows: 50_000,
  /** Non-empty rows per sheet of our own consolidated workbook (its `_meta` says so): a roll-up of roll-ups. */
  maxConsolidatedRows: 120_000,
  /** Columns read per sheet, from A; cells further right are left out, with a warning. */
  maxColumns: WIDEST_ANNEX + COLUMN_MARGIN,
  /** Cells kept over all sheets of one file, merged areas included: 7.2 million for 120,000 consolidated rows. */
  maxCells: 8_000_000,
  parseTimeoutMs: 30_000,
  /**
   * Above this a file is a large one (a unit's sheet of 30,000 rows and more, our own consolidations): its parse gets
   * a longer watchdog and a larger heap. A unit's 50,000-row 附件2 is 6.5 MiB and parses within a 256 MB heap.
   */
  largeFileBytes: 4 * MiB,
  /**
   * The watchdog grows by this much per MiB above largeFileBytes, as the caps above let a large file cost more: the
   * 100,000-row consolidation (41 MiB) took 13 s of CPU to read, and an office PC shares its cores.
   */
  parseMsPerMiB: 1_000,
  /**
   * Heap of the parser thread; a hostile file hits this instead of the app's memory. An ordinary file's parse gets
   * the small one, so what a crafted small file can cost stays well under 600 MB (npm run fuzz).
   */
  parserHeapMb: 256,
  /** A large file's: the 100,000-row consolidation needed 836 MB. */
  largeFileParserHeapMb: 1_536
} as const

export type ImportLimits = { readonly [K in keyof typeof importLimits]: number }
