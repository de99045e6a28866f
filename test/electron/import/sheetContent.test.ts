/**
 * Reading the table itself, on generated workbooks (reliability.md §5): hidden rows, formulas, error values, the
 * 1904 date system, header defects, blank templates, control characters, totals and footers, CSV variants.
 */
import { describe, expect, it } from 'vitest'
import type { ImportIssue, ImportResult } from '../../../electron/services/import/importResult'
import { isFileRefused } from '../../../electron/services/import/importResult'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import type { Annex2WorkbookSpec, CellInput } from '../../fixtures/import/annex2Workbook'
import { annex2Xlsx, columnOf, sampleRows } from '../../fixtures/import/annex2Workbook'

const FILE = '附件2-测试.xlsx'
const SHEET = '摸底台账'

async function readSpec(spec: Annex2WorkbookSpec, file = FILE): Promise<ImportResult> {
  return readAnnexWorkbook(await annex2Xlsx(spec), file)
}

/** Rows with one cell replaced: `edits` maps [row index, annex key] to the new value. */
function rowsWith(count: number, edits: [number, string, CellInput][]): CellInput[][] {
  const rows = sampleRows(count)
  for (const [i, key, value] of edits) rows[i][columnOf(key)] = value
  return rows
}

function only(result: ImportResult, code: string): ImportIssue {
  const found = result.issues.filter((i) => i.code === code)
  expect(found, code).toHaveLength(1)
  return found[0]
}

const errorsOf = (r: ImportResult): string[] =>
  r.issues.filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.cell ?? i.row ?? 'file'}`)

describe('a generated clean 附件2', () => {
  it('imports every row with no finding', async () => {
    const result = await readSpec({ rows: sampleRows(12) })
    expect(result.issues).toEqual([])
    expect(result).toMatchObject({ ok: true, rowCount: 12, unit: '八坊街道', unitSource: 'header_line' })
    expect(result.filledDate).toBe('2024-05-09')
  })
})

describe('cells as stored', () => {
  it('imports hidden rows and warns once per row', async () => {
    const result = await readSpec({ rows: sampleRows(10), hiddenRows: [8, 9] })
    expect(result.rowCount).toBe(10)
    const hidden = result.issues.filter((i) => i.code === 'HIDDEN_ROWS')
    expect(hidden.map((i) => [i.severity, i.row, i.cell])).toEqual([
      ['warning', 8, null],
      ['warning', 9, null]
    ])
    expect(hidden[0].message).toBe(`文件“${FILE}”工作表“${SHEET}”第8行是隐藏行，已照常导入，请取消隐藏后核对该行`)
  })

  it('refuses a formula that was never calculated instead of reading it as 0 or blank', async () => {
    const result = await readSpec({ rows: rowsWith(3, [[1, 'deadline', { formula: 'DATE(2024,6,30)' }]]) })
    expect(errorsOf(result)).toEqual(['FORMULA_NO_VALUE@U7'])
    expect(only(result, 'FORMULA_NO_VALUE').message).toBe(
      `文件“${FILE}”工作表“${SHEET}”U7单元格：「完成时限」是公式（=DATE(2024,6,30)）但没有计算结果，请在 Excel 或 WPS 中打开、重新计算并保存后再导入`
    )
  })

  it('uses the cached value of a formula and says so', async () => {
    const result = await readSpec({ rows: rowsWith(3, [[2, 'town', { formula: 'B6', result: '八坊街道' }]]) })
    expect(result.ok).toBe(true)
    expect(result.rows[2].fields['town']).toBe('八坊街道')
    expect(only(result, 'FORMULA_CACHED')).toMatchObject({ severity: 'warning', cell: 'B8', column: '乡镇（街道）' })
  })

  it('refuses error values, literal or cached, with one finding per cell', async () => {
    const rows = rowsWith(4, [
      [0, 'town', { error: '#N/A' }],
      [1, 'name', { formula: 'VLOOKUP(A7,X!A:B,2,0)', result: { error: '#REF!' } }],
      [2, 'deadline', { error: '#DIV/0!' }]
    ])
    const result = await readSpec({ rows })
    expect(errorsOf(result).sort()).toEqual(['CELL_ERROR@B6', 'CELL_ERROR@D7', 'CELL_ERROR@U8'])
    const na = result.issues.find((i) => i.cell === 'B6')
    expect(na?.message).toBe(`文件“${FILE}”工作表“${SHEET}”B6单元格：「乡镇（街道）」是错误值 #N/A，请改正该单元格后再导入`)
    expect(result.issues.find((i) => i.cell === 'D7')?.message).toContain('公式（=VLOOKUP(A7,X!A:B,2,0)）的结果是错误值 #REF!')
  })

  it('reads dates of a 1904 workbook in the 1904 system', async () => {
    const rows = rowsWith(2, [[0, 'deadline', new Date(Date.UTC(2024, 5, 30))]])
    const result = await readSpec({ rows, date1904: true })
    expect(result.ok).toBe(true)
    expect(result.rows[0].fields['deadline']).toBe('2024-06-30')
  })

  it('does not guess that a plain number in a date column is a serial', async () => {
    const result = await readSpec({ rows: rowsWith(2, [[1, 'deadline', 45473]]) })
    expect(errorsOf(result)).toEqual(['DATE_UNPARSEABLE@U7'])
  })

  it('refuses a 统一社会信用代码 stored as a number (digits lost beyond 15)', async () => {
    const result = await readSpec({ rows: rowsWith(2, [[0, 'uscc', 926229018173105000]]) })
    expect(errorsOf(result)).toEqual(['USCC_NUMERIC@E6'])
    expect(only(result, 'USCC_NUMERIC').message).toContain('请把该列设为文本格式')
  })

  it('says that a phone stored as a number lost its leading 0, and keeps a mobile stored as a number', async () => {
    const result = await readSpec({ rows: rowsWith(2, [[0, 'phone', 9306212345], [1, 'phone', 13993012345]]) })
    expect(errorsOf(result)).toEqual(['PHONE_FORMAT@G6'])
    expect(only(result, 'PHONE_FORMAT').message).toContain('开头的 0 或区号后的“-”可能已被 Excel 去掉')
    expect(result.rows[1]?.fields['phone']).toBe('13993012345')
  })

  it('refuses bidi overrides that hide what a cell says', async () => {
    const result = await readSpec({ rows: rowsWith(2, [[1, 'operator', '马\u202e明海']]) })
    expect(errorsOf(result)).toEqual(['CONTROL_CHAR@F7'])
    expect(only(result, 'CONTROL_CHAR').message).toContain(`工作表“${SHEET}”F7单元格`)
  })
})

describe('the table around the records', () => {
  it('skips 合计 rows, blank rows and pre-numbered rows and stops at the footer', async () => {
    const rows = sampleRows(4)
    const blank = Array.from({ length: rows[0].length }, () => null)
    const numberedOnly = [5, ...blank.slice(1)]
    const result = await readSpec({
      rows: [...rows.slice(0, 2), blank, ...rows.slice(2)],
      trailer: [numberedOnly, ['合  计', null, null, 4], ['填表说明：1. 每个问题填写一行。'], rows[0]]
    })
    expect(result.rows.map((r) => r.rowNumber)).toEqual([6, 7, 9, 10])
    expect(result.issues).toEqual([])
  })

  it('refuses a blank template (header, only 序号 filled in)', async () => {
    const numbered = Array.from({ length: 5 }, (_, i) => [i + 1])
    const result = await readSpec({ rows: numbered })
    expect(isFileRefused(result)).toBe(true)
    expect(only(result, 'NO_DATA_ROWS')).toMatchObject({ severity: 'error', sheet: SHEET, cell: null, row: null })
    expect(only(result, 'NO_DATA_ROWS').message).toBe(
      `文件“${FILE}”工作表“${SHEET}”表头下没有填写任何附件2记录（空白模板或只有序号），请填写后再导入`
    )
  })

  it('takes a file whose header lacks a required column, its rows left to complete, naming the column and its template letter', async () => {
    const result = await readSpec({ rows: sampleRows(3), headers: { [columnOf('address')]: '门牌' } })
    expect(isFileRefused(result)).toBe(false)
    expect(result.rows).toHaveLength(3)
    const missing = only(result, 'MISSING_COLUMN')
    expect(missing).toMatchObject({ severity: 'warning', cell: null, column: '详细地址' })
    expect(missing.message).toBe(`文件“${FILE}”工作表“${SHEET}”缺少「详细地址」列（模板中为 H 列），各行的「详细地址」为空，导入后列为未填完，请补全`)
    expect(only(result, 'EXTRA_COLUMN')).toMatchObject({ severity: 'warning', cell: 'H4', column: '门牌' })
    expect(result.rows.every((r) => r.issues.some((i) => i.code === 'REQUIRED_EMPTY' && i.column === '详细地址'))).toBe(true)
  })

  it('refuses two headers that mean the same column, naming both cells', async () => {
    const result = await readSpec({ rows: sampleRows(3), headers: { [columnOf('operator')]: '企业名称' } })
    expect(isFileRefused(result)).toBe(true)
    expect(only(result, 'DUPLICATE_HEADER')).toMatchObject({ cell: 'F4', column: '企业（场所）名称' })
    expect(only(result, 'DUPLICATE_HEADER').message).toBe(
      `文件“${FILE}”工作表“${SHEET}”D4“企业（场所）名称”和 F4“企业名称”都是「企业（场所）名称」列，请删除或改正其中一列后再导入`
    )
  })

  it('matches headers with line breaks, spaces, full-width brackets and synonyms', async () => {
    const headers = { [columnOf('town')]: '乡 镇\n(街道)', [columnOf('name')]: '企业（场所）\r\n名称', [columnOf('deadline')]: '整改时限' }
    const result = await readSpec({ rows: sampleRows(3), headers })
    expect(result.issues).toEqual([])
    expect(result.columns.find((c) => c.key === 'deadline')).toEqual({ key: 'deadline', letter: 'U', header: '整改时限' })
  })

  it('warns about data under a column without header', async () => {
    const rows = sampleRows(2).map((r) => [...r, '附加说明'])
    const result = await readSpec({ rows })
    expect(result.ok).toBe(true)
    expect(only(result, 'EXTRA_COLUMN')).toMatchObject({ cell: 'AA4' })
    expect(only(result, 'EXTRA_COLUMN').message).toContain('AA4单元格没有列名，但这一列填有内容，未导入')
  })

  it('infers the unit from the rows when there is no 填报单位 line', async () => {
    const result = await readSpec({ rows: sampleRows(3, 9, '折桥镇'), unitLine: null })
    expect(result).toMatchObject({ unit: '折桥镇', unitSource: 'data', filledDate: null })
  })

  it('canonicalises a unit written with 临夏市 … 人民政府', async () => {
    const result = await readSpec({ rows: sampleRows(2), unitLine: '填报单位（盖章）：临夏市枹罕镇人民政府  填报日期：2024.5.8' })
    expect(result).toMatchObject({ unit: '枹罕镇', unitSource: 'header_line', filledDate: '2024-05-08' })
  })

  it('refuses a workbook without any 附件2 header', async () => {
    const noHeaders = Object.fromEntries(sampleRows(1)[0].map((_, i) => [i, null]))
    const result = await readSpec({ rows: [], headers: noHeaders })
    expect(only(result, 'MISSING_COLUMN')).toMatchObject({ sheet: null, column: null })
    expect(result.annex).toBeNull()
    expect(result.issues[0].message).toContain(`文件“${FILE}”中没有找到附件2`)
  })
})

describe('CSV', () => {
  const header = '序号,乡镇（街道）,村（社区）,企业（场所）名称,统一社会信用代码,经营者（法定代表人）,联系电话,详细地址,所属领域,问题类型,存在的主要问题,拟整治类别,完成时限'
  const line = (extra: Partial<Record<'name' | 'operator' | 'problems', string>> = {}): string =>
    [
      '1',
      '八坊街道',
      '大南岔社区',
      extra.name ?? '临夏市万通汽车服务有限责任公司',
      '91622901MA7FLD4EN1',
      extra.operator ?? '虎舍木',
      '15794688302',
      '临夏市八坊街道大南岔社区东环路8号',
      '服务业',
      '乱、污',
      extra.problems ?? '占道维修',
      '整合搬迁',
      '2024/6/30'
    ].join(',')

  it('refuses C0 control characters at the cell they are in', async () => {
    const csv = Buffer.from(`${header}\r\n${line({ operator: '虎\u0007舍木' })}\r\n`, 'utf8')
    const result = await readAnnexWorkbook(csv, 'c0.csv')
    expect(errorsOf(result)).toEqual(['CONTROL_CHAR@F2'])
    expect(result.issues[0].message).toContain('文件“c0.csv”工作表“c0”F2单元格')
  })

  it('reads semicolon separators, quoted separators and line breaks, and our own escaped formulas', async () => {
    const semi = (s: string): string => s.replaceAll(',', ';')
    const row = semi(line({ name: '"万通;汽车""服务"""', problems: '"占道维修\n露天喷漆"' })).replace('乱、污', "'=乱")
    const result = await readAnnexWorkbook(Buffer.from(`${semi(header)}\n${row}\n`, 'utf8'), 'semi.csv')
    expect(result.rows[0].fields).toMatchObject({ name: '万通;汽车"服务"', problems: '占道维修\n露天喷漆', problemTypes: ['=乱'] })
  })

  it('refuses a binary file named .csv', async () => {
    const result = await readAnnexWorkbook(Buffer.from([1, 0, 2, 0, 3]), 'x.csv')
    expect(only(result, 'PARSE_FAILED').message).toContain('文件“x.csv”无法读取')
  })
})
