import type { ImportLimits } from './limits'

export type ZipFailure = 'CORRUPT_ZIP' | 'ZIP_BOMB' | 'ZIP_UNSAFE_PATH' | 'ENCRYPTED'

export type ZipLimits = Pick<ImportLimits, 'maxZipEntries' | 'maxEntryInflatedBytes' | 'maxTotalInflatedBytes' | 'ratioFloorBytes' | 'maxRatio'>

export type ZipScan =
  | { ok: true; names: ReadonlySet<string>; inflated: ReadonlyMap<string, Buffer> }
  | { ok: false; code: ZipFailure; detail: string }

/**
 * See zipScan.mjs: the container checked (inflating every entry unless `inflate` is false), with the inflated entries
 * `keep` accepts (all by default), or why it is refused.
 */
export function scanZip(
  bytes: Buffer,
  limits: ZipLimits,
  options?: { inflate?: boolean; keep?: (name: string) => boolean }
): ZipScan

/** See zipScan.mjs: the name an entry is known by (`/` for `\\`, lower case); the scan's names and keys are these. */
export function partName(name: string): string

/** See zipScan.mjs: a stored-only archive of exactly these entries, for a parser that reads zips itself. */
export function canonicalZip(inflated: ReadonlyMap<string, Uint8Array>): Buffer
