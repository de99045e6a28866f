/** The parser thread tells the request how many rows it has read, every 500, while it reads (issue 18 point 8). */
import { describe, expect, it, vi } from 'vitest'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { progressOf, tracked } from '../../../electron/services/progress'
import { annex2Xlsx, sampleRows } from '../../fixtures/import/annex2Workbook'

const reports = vi.hoisted(() => [] as unknown[][])
vi.mock('../../../electron/services/progress', async (original) => {
  const real = await original<typeof import('../../../electron/services/progress')>()
  return {
    ...real,
    progressReporter: () => {
      const report = real.progressReporter()
      return (...args: Parameters<typeof report>) => {
        reports.push(args)
        report(...args)
      }
    }
  }
})

describe('parse progress', () => {
  it("reports the rows the thread has read to the request, and the request's entry ends with it", async () => {
    const bytes = await annex2Xlsx({ rows: sampleRows(1_200, 2024) })
    const result = await tracked('import-1', () => readAnnexWorkbook(bytes, 'big.xlsx'))
    expect(result.rowCount).toBe(1_200)
    // Header and title rows count as read too: 1,200 records are over 1,000 rows.
    expect(reports).toEqual([
      ['读取表格', 500, null, '行'],
      ['读取表格', 1000, null, '行']
    ])
    expect(progressOf('import-1')).toBeNull()
  })
})
