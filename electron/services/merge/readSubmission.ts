/**
 * A received file as the office keeps it: the importer's reading plus the sha256 of the exact bytes, which names
 * the submission for good (the same bytes again are the same submission, whatever the file is called).
 */
import { createHash } from 'node:crypto'
import type { Campaign } from '@shared/campaign/campaign'
import type { Submission } from '@shared/merge/types'
import type { ImportResult } from '../import/importResult'
import { isFileRefused } from '../import/importResult'
import type { ReadOptions } from '../import/readAnnexWorkbook'
import { readAnnexWorkbook } from '../import/readAnnexWorkbook'

export interface SubmissionReadOptions {
  /** The form the file is (auto) unless given. */
  annex?: ReadOptions['annex']
  /** Location of parseWorker.mjs when it is not next to the importer (the Electron main bundle). */
  parserUrl?: URL
  /** Text values shared by the files of one batch (ReadOptions.texts). */
  texts?: Map<string, string>
  /** Where a parser thread's crash is written (ReadOptions.log). */
  log?: ReadOptions['log']
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Never throws for anything the file contains: an unusable file comes back refused, with the reason. */
export async function readSubmission(
  bytes: Uint8Array,
  fileName: string,
  receivedAt: string,
  campaign: Campaign,
  options: SubmissionReadOptions = {}
): Promise<Submission> {
  const result = await readAnnexWorkbook(bytes, fileName, { campaign, annex: 'auto', ...options })
  return submissionFrom(result, sha256Hex(bytes), receivedAt)
}

export function submissionFrom(result: ImportResult, sha256: string, receivedAt: string): Submission {
  const own = result.ownExport
  return {
    file: result.file,
    sha256,
    receivedAt,
    unit: result.unit,
    annex: result.annex,
    filledDate: result.filledDate,
    sheet: result.sheet,
    refused: isFileRefused(result),
    ownExport: own
      ? {
          kind: result.rollUp ? 'consolidated' : 'export',
          exportedAt: own.exportedAt,
          checkCode: own.checkCode,
          consistent: own.consistent,
          edited: own.edited
        }
      : null,
    counts: result.counts,
    rows: result.rows.map((r) => ({
      rowNumber: r.rowNumber,
      fields: r.fields,
      ...(r.recordId ? { recordId: r.recordId } : {}),
      ...(r.problemNo ? { problemNo: r.problemNo } : {}),
      flagged: r.issues.some((i) => i.severity === 'error'),
      ...(r.sourceUnit ? { sourceUnit: r.sourceUnit } : {})
    })),
    issues: result.issues,
    ...(result.evidence ? { evidence: result.evidence } : {})
  }
}
