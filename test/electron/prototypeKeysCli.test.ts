/**
 * `slw check` and `slw merge` over files whose cells hold the names of Object.prototype's members (toString,
 * __proto__ …): each is a wrong value reported at its cell, or a unit name like any other, never an internal error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, describe, expect, it } from 'vitest'
import { annex2Columns } from '@shared/annexes/annex2'
import { run as merge } from '../../electron/cli/commands/merge'
import type { MergeReport } from '../../electron/services/merge/mergeReport'
import { FIRST_DATA_ROW, annex2Xlsx, sampleRows } from '../fixtures/import/annex2Workbook'
import { captureOutput } from '../helpers/captureOutput'
import { PROTOTYPE_NAMES, prototypeSnapshot } from '../helpers/prototypeNames'
import { slw } from '../helpers/slwProcess'

captureOutput()
const before = prototypeSnapshot()
afterAll(() => expect(prototypeSnapshot()).toEqual(before))
const dir = mkdtempSync(join(tmpdir(), 'slw-prototype-keys-'))

/** Every column whose cell is looked up rather than taken as text: enumerations, units, towns, codes. */
const looked = annex2Columns.flatMap((c, index) => ('options' in c || c.kind === 'uscc' ? [{ c, index }] : []))
const expectedCode = (c: (typeof annex2Columns)[number]): string =>
  c.kind === 'uscc' ? 'USCC_LENGTH' : 'options' in c && c.options === 'town' ? 'TOWN_UNKNOWN' : 'ENUM_INVALID'

/** One row per name, the name in every looked-up cell of it, the rest a valid record of 八坊街道. */
async function namesInCells(): Promise<string> {
  const rows = sampleRows(PROTOTYPE_NAMES.length).map((row, i) => {
    for (const { index } of looked) row[index] = PROTOTYPE_NAMES[i] as string
    return row
  })
  const file = join(dir, '附件2-八坊街道.xlsx')
  writeFileSync(file, await annex2Xlsx({ rows }))
  return file
}

/** A consolidation from elsewhere (roll-up): valid rows whose 来源单位 are the names. */
function rollUpOfNames(): string {
  const header = [...annex2Columns.map((c) => c.header), '来源单位', '来源文件']
  const rows = sampleRows(PROTOTYPE_NAMES.length * 2, 11).map((row, i) => {
    const unit = PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length] as string
    return [...row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)), unit, `${unit}.xlsx`]
  })
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['填报单位（盖章）：县汇总　　填报日期：2024年5月10日'], header, ...rows]), '明细')
  const file = join(dir, '附件2-汇总.xlsx')
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return file
}

describe('cells holding the names of Object.prototype members', () => {
  it('slw check reports each as a wrong value at its cell (exit 1), not an internal error (exit 70)', async () => {
    const { code, stdout, stderr } = await slw('check', await namesInCells(), '--json')
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' })
    const result = JSON.parse(stdout) as { rows: { rowNumber: number; issues: { code: string; cell: string }[] }[] }
    expect(result.rows).toHaveLength(PROTOTYPE_NAMES.length)
    for (const [i, row] of result.rows.entries()) {
      const sheetRow = FIRST_DATA_ROW + i
      expect(row.rowNumber).toBe(sheetRow)
      const found = row.issues.map((x) => `${x.cell}:${x.code}`)
      const expected = looked.map(({ c, index }) => `${XLSX.utils.encode_cell({ r: sheetRow - 1, c: index })}:${expectedCode(c)}`)
      expect(found).toEqual(expect.arrayContaining(expected))
    }
  })

  it('slw merge takes those rows in flagged and counts a roll-up\'s rows under units of those names', async () => {
    const files = [await namesInCells(), rollUpOfNames()]
    const report = join(dir, '报告.json')
    expect(await merge([...files, '--out', join(dir, '汇总.xlsx'), '--report', report])).toBe(0)
    const r = JSON.parse(readFileSync(report, 'utf8')) as MergeReport
    expect(r.submissions.map((s) => [s.file, s.accepted, s.flagged, s.rejected])).toEqual(
      expect.arrayContaining([
        ['附件2-八坊街道.xlsx', PROTOTYPE_NAMES.length, PROTOTYPE_NAMES.length, 0],
        ['附件2-汇总.xlsx', PROTOTYPE_NAMES.length * 2, 0, 0]
      ])
    )
    // The roll-up, dated later, supersedes 八坊街道's file: only its rows are in.
    expect(Object.entries(r.perUnit).sort()).toEqual(PROTOTYPE_NAMES.map((n) => [n, 2]).sort())
  })
})
