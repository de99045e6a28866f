/**
 * cellReader remembers what each text became in a choice or date column; it must read every cell exactly as
 * readCell does, and never hand two rows the same 问题类型 list.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RawCell } from '../../../electron/services/import/rawWorkbook'
import { cellReader, readCell } from '../../../electron/services/import/readCell'

/** What clerks type in these columns, spelling variants and mistakes included. */
const TEXTS = [
  '散、乱', '散,污', ' 乱 ', '散乱污', '污、散', '关停取缔', '关停', '整合搬迁', '升级改造', '无', '有', '不全',
  '八坊街道', '八坊', '城郊镇', '市生态环境局', '2024-06-30', '2024年6月30日', '２０２４年６月３０日', '6月底', '',
  '2024年6月底前', '2024.6.30前', '6月底前',
  '工业', '餐饮', '=SUM(A1)', '#N/A', '临夏市某某加工厂'
]

const cells: fc.Arbitrary<RawCell | null> = fc.oneof(
  fc.constantFrom(...TEXTS).map((v): RawCell => ({ t: 's', v })),
  fc.constantFrom(...TEXTS).map((v): RawCell => ({ t: 's', v, formula: 'A1' })),
  fc.double({ min: 0, max: 60000, noNaN: true }).map((v): RawCell => ({ t: 'n', v, date: true })),
  fc.integer({ min: 0, max: 99 }).map((v): RawCell => ({ t: 'n', v })),
  fc.constant<RawCell>({ t: 'e', v: '#N/A' }),
  fc.constant<RawCell>({ t: 'z', v: null }),
  fc.constant(null)
)

describe('cellReader', () => {
  it('reads every cell of a sheet as readCell does, however often a text repeats in a column or across columns', () => {
    const width = annex2.columns.length
    const rows = fc.array(fc.array(cells, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 12 })
    fc.assert(
      fc.property(rows, fc.boolean(), (sheet, date1904) => {
        const read = cellReader(defaultCampaign, date1904)
        for (const row of sheet) {
          annex2.columns.forEach((column, c) => {
            const cell = row[c] ?? null
            expect(read(cell, column)).toEqual(readCell(cell, column, defaultCampaign, date1904))
          })
        }
      }),
      { numRuns: 200 }
    )
  })

  it('stores a deadline phrase as its date with DATE_CONVERTED, on every cell that says it and after a formula too', () => {
    const deadline = annex2.columns.find((c) => c.key === 'deadline')!
    const converted = { severity: 'warning', code: 'DATE_CONVERTED', message: '「完成时限」“2024年6月底前”按2024-06-30（该月最后一天）导入，请核对' }
    const read = cellReader(defaultCampaign, false)
    for (let i = 0; i < 2; i++) expect(read({ t: 's', v: '2024年6月底前' }, deadline)).toEqual({ value: '2024-06-30', issues: [converted] })
    const viaFormula = readCell({ t: 's', v: '2024年6月底前', formula: 'A1' }, deadline, defaultCampaign, false)
    expect(viaFormula.value).toBe('2024-06-30')
    expect(viaFormula.issues.map((i) => i.code)).toEqual(['FORMULA_CACHED', 'DATE_CONVERTED'])
    expect(read({ t: 's', v: '2024年6月30日' }, deadline)).toEqual({ value: '2024-06-30', issues: [] })
  })

  it('gives each row its own 问题类型 list', () => {
    const column = annex2.columns.find((c) => c.kind === 'multiEnum')
    if (!column) throw new Error('附件2 has a 问题类型 column')
    const read = cellReader(defaultCampaign, false)
    const [first, second] = [read({ t: 's', v: '散、乱' }, column).value, read({ t: 's', v: '散、乱' }, column).value]
    expect(first).toEqual(['散', '乱'])
    expect(second).toEqual(first)
    expect(second).not.toBe(first)
  })
})
