/**
 * A value the ledger could not store is refused at preview (guides/reliability.md: refused, never acknowledged and
 * rolled back at the next start). The limits are the storage schema's own (shared/ledger/record.ts).
 */
import { unstorableValue } from '@shared/ledger/record'
import type { ImportIssue, ImportResult } from './importResult'

/**
 * Refuses the whole file when any cell read holds what storage cannot (one error per such cell, naming file, sheet,
 * cell and limit); like every refused file it then has no rows, so nothing of it can be staged or recorded.
 */
export function refuseUnstorable(result: ImportResult): void {
  const columns = new Map(result.columns.map((c) => [c.key, c]))
  const sheet = result.sheet ? `工作表“${result.sheet}”` : ''
  const found: ImportIssue[] = []
  for (const row of result.rows) {
    // Every cell of a merge passes here: for…in keeps that from allocating per row.
    for (const key in row.fields) {
      const problem = unstorableValue(row.fields[key])
      if (problem === null) continue
      const column = columns.get(key)
      const cell = column ? `${column.letter}${row.rowNumber}` : null
      const where = column ? `第${row.rowNumber}行 ${column.letter}列（${column.header}）单元格` : `第${row.rowNumber}行`
      found.push({
        severity: 'error',
        code: 'VALUE_TOO_LONG',
        sheet: result.sheet,
        cell,
        row: row.rowNumber,
        column: column?.header ?? null,
        message: `文件“${result.file}”${sheet}${where}${problem}，请删减后再导入`
      })
    }
  }
  if (found.length === 0) return
  result.issues.unshift(...found)
  result.rows = []
  result.rowCount = 0
  result.counts = { read: 0, blankSkipped: 0 }
  result.ok = false
}
