/**
 * The shared 附件2 fixtures (copied from ../shared/fixtures/annex2 into test/fixtures/annex2) against their expected.json: rows, unit,
 * the exact error set, the minimum warning set and the normalised values of named cells.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportIssue, ImportResult } from '../../../electron/services/import/importResult'
import { isFileRefused } from '../../../electron/services/import/importResult'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'

interface ExpectedIssue {
  code: string
  cell?: string
  range?: string
  row?: number
  column?: string
  first?: string
}

interface Expected {
  rows: number
  unit: string | null
  errors: ExpectedIssue[]
  warnings: ExpectedIssue[]
  outcome: 'accept' | 'accept_with_warnings' | 'reject_rows' | 'reject_file'
  unit_source?: 'header_line' | 'data'
  filled_date?: string
  sheet?: string
  cell_values?: Record<string, string>
  equivalent_to?: string
}

const fixtures = resolve(import.meta.dirname, '../../fixtures/annex2')
const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<string, Expected>
const cases = Object.entries(expected)

function read(file: string): Promise<ImportResult> {
  return readAnnexWorkbook(readFileSync(join(fixtures, file)), file)
}

const where = (i: { cell?: string | null; range?: string | null; row?: number | null }): string =>
  i.cell ?? i.range ?? (i.row != null ? `row${i.row}` : 'file')
const key = (i: { code: string } & Parameters<typeof where>[0]): string => `${i.code}@${where(i)}`

/** The stored value of a source cell (E7 → the field bound to column E, in the record read from row 7). */
function valueAt(result: ImportResult, ref: string): unknown {
  const [, letter, row] = /^([A-Z]+)(\d+)$/.exec(ref) ?? []
  const field = result.columns.find((c) => c.letter === letter)?.key
  const record = result.rows.find((r) => r.rowNumber === Number(row))
  const v = field === undefined ? undefined : record?.fields[field]
  return Array.isArray(v) ? v.join('、') : v
}

function expectLocatedMessage(file: string, i: ImportIssue): void {
  expect(i.message).toContain(`文件“${file}”`)
  if (i.sheet) expect(i.message).toContain(`工作表“${i.sheet}”`)
  if (i.cell) expect(i.message).toContain(i.cell)
  if (i.range) expect(i.message).toContain(i.range)
  if (i.row !== null && !i.cell) expect(i.message).toContain(`第${i.row}行`)
}

describe.each(cases)('%s', (file, exp) => {
  it(`gives the expected outcome (${exp.outcome})`, async () => {
    const result = await read(file)
    for (const i of result.issues) expectLocatedMessage(file, i)
    if (exp.outcome === 'reject_file') {
      expect(isFileRefused(result)).toBe(true)
      expect(result.rows).toEqual([])
      expect(result.issues.map((i) => i.code)).toEqual(exp.errors.map((e) => e.code))
      return
    }
    expect(isFileRefused(result)).toBe(false)
    expect(result.rowCount).toBe(exp.rows)
    expect(result.rows).toHaveLength(exp.rows)
    expect(result.unit).toBe(exp.unit)
    if (exp.unit_source) expect(result.unitSource).toBe(exp.unit_source)
    if (exp.filled_date) expect(result.filledDate).toBe(exp.filled_date)
    if (exp.sheet) expect(result.sheet).toBe(exp.sheet)
    const errors = result.issues.filter((i) => i.severity === 'error')
    expect(errors.map(key).sort()).toEqual(exp.errors.map(key).sort())
    expect(result.ok).toBe(exp.errors.length === 0)
    const reported = new Set(result.issues.map(key))
    for (const w of exp.warnings) expect(reported, key(w)).toContain(key(w))
    for (const e of exp.errors.filter((x) => x.column)) {
      expect(errors.find((i) => key(i) === key(e))?.column).toBe(e.column)
    }
    for (const [ref, value] of Object.entries(exp.cell_values ?? {})) expect(valueAt(result, ref), ref).toBe(value)
  })
})

describe('merge-set submissions', () => {
  const set = JSON.parse(readFileSync(join(fixtures, 'merge-set/expected.json'), 'utf8')) as {
    files: Record<string, Expected>
  }
  it.each(Object.entries(set.files))('%s imports cleanly', async (file, exp) => {
    const result = await read(join('merge-set', file))
    expect(result.issues).toEqual([])
    expect(result).toMatchObject({ ok: true, rowCount: exp.rows, unit: exp.unit, filledDate: exp.filled_date })
  })
})

describe('cross-checks the expectations name', () => {
  it('names the first row of a duplicated code (E18 repeats E6)', async () => {
    const result = await read('bad-values.xlsx')
    const dup = result.issues.find((i) => i.code === 'USCC_DUPLICATE')
    expect(dup?.message).toContain('与第6行重复')
  })

  it('keeps the rows that carry errors and leaves the clean ones free of errors', async () => {
    const result = await read('bad-values.xlsx')
    const clean = result.rows.filter((r) => !r.issues.some((i) => i.severity === 'error')).map((r) => r.rowNumber)
    expect(clean).toEqual([6, 16, 17, 19, 20])
  })

  it('reports no warnings at all for the clean files', async () => {
    for (const file of ['clean-bafang.xlsx', 'clean-chengjiao.xlsx', 'wps-like.xls', 'bafang.ods', 'bafang-gbk.csv']) {
      expect((await read(file)).issues, file).toEqual([])
    }
  })

  it('reads 填报人 and 联系电话 from the 填报单位 line', async () => {
    const result = await read('clean-bafang.xlsx')
    expect(result).toMatchObject({ filler: '马XX', phone: '0930-6212345', filledDate: '2024-05-09' })
  })

  const copies = cases.filter(([, e]) => e.equivalent_to)
  it.each(copies)('%s yields the same records as its .xlsx original', async (file, exp) => {
    const [copy, original] = await Promise.all([read(file), read(exp.equivalent_to as string)])
    expect(copy.rows.map((r) => r.fields)).toEqual(original.rows.map((r) => r.fields))
  })
})

describe('hostile fixtures', () => {
  it('leaves Object.prototype untouched by __proto__, toString and constructor headers', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const result = await read('proto.xlsx')
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(result.columns.map((c) => c.header)).not.toContain('__proto__')
    for (const row of result.rows) {
      expect(Object.getPrototypeOf(row.fields)).toBe(Object.prototype)
      expect(Object.keys(row.fields)).not.toContain('__proto__')
      expect(JSON.stringify(row.fields)).not.toContain('polluted')
    }
  })

  it('refuses the zip bomb from the preflight within a second', async () => {
    const started = performance.now()
    const result = await read('bomb.xlsx')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(result.issues[0]).toMatchObject({ code: 'ZIP_BOMB', severity: 'error' })
    expect(result.issues[0].message).toContain('解压后过大，疑似异常文件')
  })
})
