/**
 * What the importer gives the merge: the rows it looked at and skipped (read = records + blankSkipped), and a
 * consolidated workbook's 来源单位 as each row's source unit (roll-up), with codes repeating across units allowed.
 */
import { describe, expect, it } from 'vitest'
import { annex2, annex2Columns } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { annexFromWorkbook } from '../../../electron/services/import/annexFromWorkbook'
import type { RawCell } from '../../../electron/services/import/rawWorkbook'

type Plain = string | number | null
const HEADER = annex2Columns.map((c) => c.header)

function record(seq: number, town: string, name: string, uscc: string): Plain[] {
  const values: Record<string, Plain> = {
    seq,
    town,
    name,
    uscc,
    address: `临夏市${town}前河沿路${seq}号`,
    sector: '工业',
    problemTypes: '乱',
    problems: '未办理环评手续',
    category: '升级改造',
    measures: '补办环评手续',
    deadline: '2024-06-30',
    responsibleUnit: town
  }
  return annex2Columns.map((c) => values[c.key] ?? null)
}

function read(rows: Plain[][]): ReturnType<typeof annexFromWorkbook> {
  const cell = (v: Plain): RawCell | null => (v === null ? null : typeof v === 'number' ? { t: 'n', v } : { t: 's', v })
  const sheet = { name: '明细', hidden: false, rows: rows.map((r) => r.map(cell)), merges: [], hiddenRows: [] }
  return annexFromWorkbook({ date1904: false, sheets: [sheet] }, '附件2-汇总.xlsx', annex2, defaultCampaign)
}

const JIAHE = '91622901MA7B8HHWGC'
const XINGLONG = '91622901MA7RD6124W'

describe('importer counts', () => {
  it('counts blank rows, template rows with only 序号 and the 合计 row as skipped', () => {
    const result = read([
      ['填报单位（盖章）：城郊镇　　填报日期：2024年5月9日'],
      HEADER,
      record(1, '城郊镇', '临夏市嘉禾建材有限公司', JIAHE),
      [],
      record(2, '城郊镇', '临夏市兴隆汽车服务有限公司', XINGLONG),
      [3],
      ['合计', null, null, 2],
      ['填表说明：本表由各镇街道填写']
    ])
    expect(result.rows.map((r) => r.rowNumber)).toEqual([3, 5])
    expect(result.counts).toEqual({ read: 5, blankSkipped: 3 })
  })

  it('counts nothing for a file without a table', () => {
    expect(read([['会议通知']]).counts).toEqual({ read: 0, blankSkipped: 0 })
  })
})

describe('a consolidated workbook as input (roll-up)', () => {
  const rollUpHeader = [...HEADER, '来源单位', '来源文件']
  const from = (row: Plain[], unit: string): Plain[] => [...row, unit, `附件2-${unit}.xlsx`]

  it('takes 来源单位 as each row\'s source unit, in the campaign\'s spelling, without an extra-column warning', () => {
    const result = read([
      rollUpHeader,
      from(record(1, '城郊镇', '临夏市嘉禾建材有限公司', JIAHE), '临夏市城郊镇人民政府'),
      from(record(2, '枹罕镇', '临夏嘉禾建材有限公司', JIAHE), '枹罕镇'),
      from(record(3, '城南街道', '兴隆汽车服务有限公司', XINGLONG), '城南街道')
    ])
    expect(result.rollUp).toBe(true)
    expect(result.rows.map((r) => r.sourceUnit)).toEqual(['城郊镇', '枹罕镇', '城南街道'])
    expect(result.issues).toEqual([])
    expect(result.unit).toBeNull()
  })

  it('still refuses a code twice within one source unit', () => {
    const result = read([
      rollUpHeader,
      from(record(1, '城郊镇', '临夏市嘉禾建材有限公司', JIAHE), '城郊镇'),
      from(record(2, '城郊镇', '嘉禾建材', JIAHE), '城郊镇')
    ])
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([['USCC_DUPLICATE', 'E3']])
  })

  it('is not a roll-up with 来源单位 alone: a unit\'s own extra column stays an extra column', () => {
    const result = read([[...HEADER, '来源单位'], [...record(1, '城郊镇', '临夏市嘉禾建材有限公司', JIAHE), '城郊镇']])
    expect(result.rollUp).toBeUndefined()
    expect(result.rows[0]?.sourceUnit).toBeUndefined()
    expect(result.issues.map((i) => i.code)).toEqual(['EXTRA_COLUMN'])
  })
})
