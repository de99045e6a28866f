import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { planPaste } from '../../renderer/src/features/ledger/paste'
import { parseTsv } from '../../renderer/src/features/ledger/tsv'

describe('parseTsv (Excel / WPS clipboard)', () => {
  it('splits tabs and CRLF rows and ignores the trailing line break Excel adds', () => {
    expect(parseTsv('甲\t乙\r\n丙\t丁\r\n')).toEqual([
      ['甲', '乙'],
      ['丙', '丁']
    ])
  })
  it('keeps quoted cells with line breaks, tabs and doubled quotes', () => {
    expect(parseTsv('"第一行\n第二行"\t"带""引号"""\t"a\tb"\n末\t\t')).toEqual([
      ['第一行\n第二行', '带"引号"', 'a\tb'],
      ['末', '', '']
    ])
  })
  it('keeps empty cells at the end of a row', () => {
    expect(parseTsv('a\t\t\n')).toEqual([['a', '', '']])
  })
})

describe('planPaste', () => {
  const columns = [null, null, ...annex2.columns.filter((c) => c.kind !== 'seq')]
  const keyIndex = (key: string): number => columns.findIndex((c) => c?.key === key)

  it('reads values like an import and appends rows past the end', () => {
    const block = parseTsv('临夏市甲厂\t９１６２２９０１ＭＡ７ＦＬＤ４ＥＮ１\n临夏市乙厂\t无\n')
    const plan = planPaste(
      block,
      { rowIds: ['r1'], startRow: 0, columns, startColumn: keyIndex('name') },
      defaultCampaign,
      { town: '八坊街道' }
    )
    expect(plan.patches).toEqual([{ id: 'r1', fields: { name: '临夏市甲厂', uscc: '91622901MA7FLD4EN1' } }])
    expect(plan.newRows).toEqual([{ town: '八坊街道', name: '临夏市乙厂', uscc: '无' }])
  })

  it('maps synonyms, splits 问题类型 and converts Chinese dates', () => {
    const block = [['乱、污', '', '', '', '', '', '', '整治改造', '', '2024年6月30日']]
    const plan = planPaste(block, { rowIds: ['r1'], startRow: 0, columns, startColumn: keyIndex('problemTypes') }, defaultCampaign, {})
    expect(plan.patches[0]?.fields).toMatchObject({ problemTypes: ['乱', '污'], category: '升级改造', deadline: '2024-06-30' })
  })

  it('counts cells that land on columns that cannot be edited', () => {
    const plan = planPaste([['1', 'LXS', '甲']], { rowIds: ['r1'], startRow: 0, columns, startColumn: 0 }, defaultCampaign, {})
    expect(plan.skippedCells).toBe(2)
    expect(plan.patches[0]?.fields).toEqual({ town: '甲' })
  })
})
