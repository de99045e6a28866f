/**
 * Which form a file is, for files a clerk made by hand (no `_meta`): the header decides, with the forms' own
 * columns telling apart those that share 附件2's identity columns; a leaf shared by two groups (本周 under 两断三清
 * and 立案查处, 姓名 under 分管领导 and 联络员) is bound through its group.
 */
import { describe, expect, it } from 'vitest'
import { annexById } from '@shared/annexes/registry'
import { defaultCampaign } from '@shared/campaign/campaign'
import { annexFromWorkbook } from '../../../electron/services/import/annexFromWorkbook'
import { detectAnnex } from '../../../electron/services/import/detectAnnex'
import type { RawCell, RawWorkbook } from '../../../electron/services/import/rawWorkbook'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import type { HandMade, Plain } from '../../helpers/handMadeForms'
import { CODE, forms, grid, handMadeXlsx as xlsx, IDENTITY } from '../../helpers/handMadeForms'

const cell = (v: Plain): RawCell | null => (v === null ? null : typeof v === 'number' ? { t: 'n', v } : { t: 's', v })

function raw(f: HandMade): RawWorkbook {
  const { rows, merges } = grid(f)
  return { date1904: false, sheets: [{ name: 'Sheet1', hidden: false, rows: rows.map((r) => r.map(cell)), merges, hiddenRows: [] }] }
}

const read = (id: string, f: HandMade): ReturnType<typeof annexFromWorkbook> =>
  annexFromWorkbook(raw(f), `${id}.xlsx`, annexById(id)!, defaultCampaign)

describe('detectAnnex on hand-made files', () => {
  it.each(Object.keys(forms))('recognises %s by its header', (id) => {
    expect(detectAnnex(raw(forms[id]!)).id).toBe(id)
  })

  it('reads 附件3 with its printed 两断三清 marks and 整治进展', () => {
    const r = read('annex3', forms['annex3']!)
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(r.rows[0]?.fields).toMatchObject({ tlcWaterMark: '√', tlcEquipmentMark: '不涉及', tlcDoneDate: '2024-05-20', fineAmount: '0.5', progress: '已完成' })
  })

  it('binds a leaf that two groups share through its group', () => {
    const w = read('weekly', forms['weekly']!)
    expect(w.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(w).toMatchObject({ unit: '城郊镇', unitSource: 'data' })
    expect(w.rows[0]?.fields).toMatchObject({ 'doneWeek关停取缔': '1', 'doneTotal关停取缔': '5', tlcWeek: '1', tlcTotal: '5', casesTotal: '2', finesTotal: '1.2' })
    const c = read('contacts', forms['contacts']!)
    expect(c.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(c.rows[0]?.fields).toMatchObject({ leaderName: '马光明', leaderMobile: '13909301234', liaisonName: '韩小梅', liaisonMobile: '13519305678' })
  })

  it('with only the shared identity columns, the title decides, else 附件2', () => {
    const bare: HandMade = { ...forms['annex4']!, cols: [...IDENTITY, '整治类别'], rows: [[1, '八坊街道', '临夏市清河洗车行', CODE, '临夏市八坊街道团结路18号', '升级改造']] }
    expect(detectAnnex(raw(bare)).id).toBe('annex4')
    expect(detectAnnex(raw({ ...bare, title: '汇总表' })).id).toBe('annex2')
  })

  it('a file that is no form is read as 附件2 and refused as before', () => {
    expect(detectAnnex(raw({ title: '工资表', unitLine: null, cols: ['姓名', '金额'], rows: [['甲', 1]] })).id).toBe('annex2')
  })

  it("readAnnexWorkbook(…, { annex: 'auto' }) reads a hand-made xlsx as the form it is", async () => {
    for (const id of ['annex3', 'weekly']) {
      const r = await readAnnexWorkbook(await xlsx(forms[id]!), `${id}.xlsx`, { annex: 'auto' })
      expect([r.annex, r.rowCount, r.issues.filter((i) => i.severity === 'error')]).toEqual([id, 1, []])
    }
  })
})
