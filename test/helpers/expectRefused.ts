import { expect } from 'vitest'
import type { ImportResult } from '../../electron/services/import/importResult'
import { isFileRefused } from '../../electron/services/import/importResult'

/** A whole file refused: one file-level error naming the file, with the message's gist, and no rows. */
export function expectRefused(result: ImportResult, code: string, file: string, gist: string): void {
  expect(isFileRefused(result)).toBe(true)
  expect(result.rows).toEqual([])
  expect(result.issues).toHaveLength(1)
  expect(result.issues[0]).toMatchObject({ severity: 'error', code, cell: null, row: null })
  expect(result.issues[0].message).toContain(`“${file}”`)
  expect(result.issues[0].message).toContain(gist)
}
