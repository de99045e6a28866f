/**
 * Files kept by their content (a received submission, an attachment): written once under their sha256 and never
 * changed. The bytes are flushed before the rename and the rename made durable before the caller records the file,
 * so whatever refers to a file never refers to half of one.
 */
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { diskFailure, retryBusy } from './busyRetry'
import { syncDir } from './durableJsonFile'

/** Keeps `bytes` as `dir/<sha256>` unless it is there already; `outcome` says in Chinese what failed, for the clerk. */
export async function keepContentFile(dir: string, sha256: string, bytes: Uint8Array, outcome: string): Promise<void> {
  const path = join(dir, sha256)
  if (await stat(path).then((s) => s.size === bytes.length, () => false)) return
  // Freshly written, it is what antivirus scanners hold (busy-retry policy).
  const tmp = `${path}.${process.pid}.tmp`
  try {
    await retryBusy(() => writeFile(tmp, bytes, { flush: true }), [tmp])
    await retryBusy(() => rename(tmp, path), [tmp, path])
    await syncDir(dir)
  } catch (e) {
    throw diskFailure(e, path, outcome)
  }
}

/**
 * Removes what a write cut off left in `dir` (a temp file never renamed: nothing refers to it). Only by the folder's
 * one writer, holding its lock.
 */
export async function removeUnfinished(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true }).catch(() => undefined)
}
