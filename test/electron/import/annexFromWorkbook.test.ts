/** The pure mapping from a parsed grid to records: which sheet, where the header is, what the 填报单位 line says. */
import { describe, expect, it } from 'vitest'
import { annex2, annex2Columns } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { annexFromWorkbook } from '../../../electron/services/import/annexFromWorkbook'
import type { RawCell, RawSheet } from '../../../electron/services/import/rawWorkbook'

type Plain = string | number | null

const cell = (v: Plain): RawCell | null => (v === null ? null : typeof v === 'number' ? { t: 'n', v } : { t: 's', v })
const sheet = (name: string, rows: Plain[][], extra: Partial<RawSheet> = {}): RawSheet => ({
  name,
  hidden: false,
  rows: rows.map((r) => r.map(cell)),
  merges: [],
  hiddenRows: [],
  ...extra
})

/** Single-level header with every leaf header, and one valid record per town given. */
const HEADER = annex2Columns.map((c) => c.header)
function record(seq: number, town: string, name: string): Plain[] {
  const values: Record<string, Plain> = {
    seq,
    town,
    name,
    uscc: '无',
    address: `临夏市${town}前河沿路${seq}号`,
    sector: '无证照',
    problemTypes: '乱',
    problems: '无营业执照，占道经营',
    category: '关停取缔',
    measures: '依法取缔',
    deadline: '2024-06-30',
    responsibleUnit: town
  }
  return annex2Columns.map((c) => values[c.key] ?? null)
}

const read = (...sheets: RawSheet[]): ReturnType<typeof annexFromWorkbook> =>
  annexFromWorkbook({ date1904: false, sheets }, '汇总.xlsx', annex2, defaultCampaign)

describe('annexFromWorkbook', () => {
  it('takes the first visible sheet with an annex header, skipping notes and hidden copies', () => {
    const notes = sheet('填报说明', [['请按附件2填写'], ['企业名称', '信用代码']])
    const stale = sheet('旧表', [HEADER, record(1, '城南街道', '旧的一行')], { hidden: true })
    const current = sheet('摸底台账', [['附件2'], [], HEADER, record(1, '南龙镇', '临夏市南龙镇某某砖厂')])
    const result = read(notes, stale, current)
    expect(result.sheet).toBe('摸底台账')
    expect(result.rows.map((r) => [r.rowNumber, r.fields['name']])).toEqual([[4, '临夏市南龙镇某某砖厂']])
    expect(result).toMatchObject({ unit: '南龙镇', unitSource: 'data' })
  })

  it('falls back to a hidden sheet when it is the only annex table', () => {
    const result = read(sheet('Sheet1', [['']]), sheet('摸底台账', [HEADER, record(1, '折桥镇', '甲')], { hidden: true }))
    expect(result.sheet).toBe('摸底台账')
    expect(result.rowCount).toBe(1)
  })

  it('reads a two-level header whose anchor column sits in the lower row, under a 填报单位 line', () => {
    const upper = HEADER.map((h, c) => (c === 1 ? '企业基本情况' : c > 1 && c < 8 ? null : h))
    const lower = HEADER.map((h, c) => (c >= 1 && c < 8 ? h : null))
    const rows = [['填报单位：折桥镇'], upper, lower, record(1, '折桥镇', '甲')]
    const result = read(sheet('摸底台账', rows))
    expect(result.issues).toEqual([])
    expect(result).toMatchObject({ unit: '折桥镇', unitSource: 'header_line', rowCount: 1 })
    expect(result.columns.find((c) => c.key === 'name')).toEqual({ key: 'name', letter: 'D', header: '企业（场所）名称' })
  })

  it('reads a 填报单位 line spread over cells, with a date cell', () => {
    const line: RawCell[] = [
      { t: 's', v: '填报单位（盖章）：' },
      { t: 's', v: '临夏市八坊街道办事处' },
      { t: 's', v: '填报日期：' },
      { t: 'n', v: 45421, date: true }
    ]
    const table = sheet('摸底台账', [[], HEADER, record(1, '八坊街道', '甲')])
    table.rows[0] = line
    expect(read(table)).toMatchObject({ unit: '八坊街道', unitSource: 'header_line', filledDate: '2024-05-09' })
  })

  it('does not infer a unit from rows of several towns', () => {
    const result = read(sheet('摸底台账', [HEADER, record(1, '折桥镇', '甲'), record(2, '南龙镇', '乙')]))
    expect(result).toMatchObject({ unit: null, unitSource: null, ok: true })
  })

  it('fills a merge that spans columns and rows into every cell it covers, with one warning', () => {
    const rows = [HEADER, record(1, '城郊镇', '甲'), record(2, '', '乙')]
    const merges = [{ s: { r: 1, c: 21 }, e: { r: 2, c: 21 } }]
    const result = read(sheet('摸底台账', rows, { merges }))
    expect(result.rows.map((r) => r.fields['responsibleUnit'])).toEqual(['城郊镇', '城郊镇'])
    expect(result.issues.map((i) => [i.code, i.range ?? i.cell])).toEqual([
      ['MERGED_CELLS', 'V2:V3'],
      ['REQUIRED_EMPTY', 'B3']
    ])
  })
})
