/**
 * The words real tables use (issue 22), through the whole import of a generated 附件2: a deadline phrase arrives as
 * its date with a located DATE_CONVERTED warning, and a header row in traditional characters is bound column by
 * column. The rules themselves are tested in test/shared/realWords.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { annex2Columns } from '@shared/annexes/annex2'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { annex2Xlsx, columnOf, sampleRows } from '../../fixtures/import/annex2Workbook'

const FILE = '附件2-测试.xlsx'

describe('the words real tables use, imported', () => {
  it('stores 2024年6月底前 as 2024-06-30 and says so at its cell', async () => {
    const rows = sampleRows(3)
    rows[1][columnOf('deadline')] = '2024年6月底前'
    const result = await readAnnexWorkbook(await annex2Xlsx({ rows }), FILE)
    expect(result.rows.map((r) => r.fields['deadline'])[1]).toBe('2024-06-30')
    const found = result.issues.filter((i) => i.code === 'DATE_CONVERTED')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'warning', cell: 'U7', row: 7, column: '完成时限' })
    expect(found[0]?.message).toContain('U7单元格：「完成时限」“2024年6月底前”按2024-06-30（该月最后一天）导入，请核对')
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('binds a header row written in traditional characters to the same columns', async () => {
    const TRADITIONAL: Record<string, string> = {
      town: '鄉鎮（街道）', village: '村（社區）', name: '企業（場所）名稱', uscc: '統一社會信用代碼', operator: '經營者（法定代表人）',
      phone: '聯繫電話', address: '詳細地址', sector: '所屬領域', industry: '行業類別', problemTypes: '問題類型', problems: '存在的主要問題',
      licBusiness: '營業執照', licEia: '環評手續', licDischarge: '排污許可', licOther: '其他許可', facilities: '污染治理設施', category: '擬整治類別',
      measures: '整治措施', deadline: '完成時限', responsibleUnit: '責任單位', leadDept: '行業主管部門', responsiblePerson: '責任人', source: '來源', remarks: '備註'
    }
    const headers = Object.fromEntries(Object.entries(TRADITIONAL).map(([key, text]) => [columnOf(key), text]))
    const result = await readAnnexWorkbook(await annex2Xlsx({ rows: sampleRows(3), headers }), FILE)
    expect(result.issues.filter((i) => i.code === 'EXTRA_COLUMN' || i.severity === 'error')).toEqual([])
    const bound = new Map(result.columns.map((c) => [c.key, c.header]))
    for (const [key, text] of Object.entries(TRADITIONAL)) expect(bound.get(key), key).toBe(text)
    expect(result.rows).toHaveLength(3)
    expect(annex2Columns.filter((c) => c.kind !== 'seq').every((c) => bound.has(c.key))).toBe(true)
  })
})
