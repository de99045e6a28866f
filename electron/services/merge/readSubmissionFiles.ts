import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Campaign } from '@shared/campaign/campaign'
import type { Submission } from '@shared/merge/types'
import { refusedFile } from '../import/importResult'
import { PARSER_THREADS } from '../import/parseInWorker'
import { unreadableMessage } from '../import/readAnnexFile'
import { importLimits } from '../import/limits'
import { tooLargeMessage } from '../import/preflight'
import { mapLimit } from './mapLimit'
import type { SubmissionReadOptions } from './readSubmission'
import { readSubmission, submissionFrom } from './readSubmission'

export type FileReading = { ok: true; submission: Submission } | { ok: false; file: string; message: string }

/**
 * Files in flight: one per parser thread, one whose rows are checked here, and two read and preflighted ahead, so a
 * thread that finishes finds its next file waiting (measured: reading 5 % faster than with one file ahead).
 */
const PARALLEL_READS = PARSER_THREADS + 3

/**
 * Reads files from disk as submissions, a few at a time; results keep the order of `paths`. The files share one
 * copy of each text value: a unit's newer version repeats most of the older one.
 */
export async function readSubmissionFiles(
  paths: readonly string[],
  campaign: Campaign,
  options: SubmissionReadOptions = {}
): Promise<FileReading[]> {
  const batch = { texts: new Map<string, string>(), ...options }
  return mapLimit(paths, PARALLEL_READS, (path) => readSubmissionFile(path, campaign, batch))
}

/**
 * One file; its modification time stands for when it was received, the only date a folder keeps. A file too large
 * to parse is refused from its size, hashed as a stream instead of loaded whole.
 * Only a file that cannot be read at all gives no submission: without its bytes there is nothing to keep.
 */
export async function readSubmissionFile(
  path: string,
  campaign: Campaign,
  options: SubmissionReadOptions = {}
): Promise<FileReading> {
  const file = basename(path)
  try {
    const info = await stat(path)
    const receivedAt = info.mtime.toISOString()
    if (info.size > importLimits.maxFileBytes) {
      const refused = refusedFile(file, 'FILE_TOO_LARGE', tooLargeMessage(file, info.size, importLimits.maxFileBytes))
      return { ok: true, submission: submissionFrom(refused, await sha256OfFile(path), receivedAt) }
    }
    return { ok: true, submission: await readSubmission(await readFile(path), file, receivedAt, campaign, options) }
  } catch (e) {
    return { ok: false, file, message: unreadableMessage(path, e) }
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
