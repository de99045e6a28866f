/** In-memory submissions for the merge tests: what readSubmission would give, without any file. */
import type { RecordFields } from '@shared/ledger/record'
import type { Decision, Submission, SubmissionRow } from '@shared/merge/types'

export type Enterprise = {
  uscc: string
  name: string
  address: string
}

/** Two with a code, two without (key by name + address), one with neither (no key at all). */
export const ENTERPRISES: readonly Enterprise[] = [
  { uscc: '91622901MA7B8HHWGC', name: '临夏市嘉禾建材有限公司', address: '临夏市城郊镇王坪村民主东路256号' },
  { uscc: '91622901MA7RD6124W', name: '临夏市兴隆汽车服务有限公司', address: '临夏市八坊街道团结路274号' },
  { uscc: '无', name: '西关街道新西路社区苏某某废品收购点', address: '临夏市西关街道新西路社区南龙路335号' },
  { uscc: '无', name: '城北街道马某某洗车点', address: '临夏市城北街道北塬社区1号' },
  { uscc: '', name: '', address: '' }
]

export const UNITS = ['城南街道', '城北街道', '西关街道', '南龙镇'] as const

export const sha = (n: number): string => n.toString(16).padStart(64, '0')

export function row(rowNumber: number, e: Enterprise, extra: RecordFields = {}, flagged = false): SubmissionRow {
  return { rowNumber, fields: { uscc: e.uscc, name: e.name, address: e.address, ...extra }, flagged }
}

/** A clean file of one unit: rows from sheet row 6, nothing skipped unless `blankSkipped` says so. */
export function submission(
  n: number,
  unit: string | null,
  rows: SubmissionRow[],
  over: Partial<Submission> = {}
): Submission {
  const blankSkipped = over.counts?.blankSkipped ?? 0
  return {
    file: `附件2-${unit ?? '未知'}-${n}.xlsx`,
    sha256: sha(n),
    receivedAt: '2024-05-10T02:00:00.000Z',
    unit,
    annex: 'annex2',
    filledDate: '2024-05-09',
    sheet: '摸底台账',
    refused: false,
    ownExport: null,
    counts: { read: rows.length + blankSkipped, blankSkipped },
    rows,
    issues: [],
    ...over
  }
}

/** A file the importer refused: no unit, no annex, no rows, one file-level error. */
export function refused(n: number, file = `坏文件-${n}.xlsx`): Submission {
  const message = `文件“${file}”不是有效的 .xlsx 文件`
  return {
    ...submission(n, null, [], { file }),
    annex: null,
    filledDate: null,
    sheet: null,
    refused: true,
    issues: [{ severity: 'error', code: 'NOT_XLSX', sheet: null, cell: null, row: null, column: null, message }]
  }
}

/** A decision as the office makes it; who and when are filled in. */
type Made<D> = D extends Decision ? Omit<D, 'at' | 'by'> & { at?: string } : never

export function decision(d: Made<Decision>): Decision {
  return { at: '2024-05-11T01:00:00.000Z', by: '办公室', ...d } as Decision
}
