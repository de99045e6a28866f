/**
 * Which form a file is, for files a clerk made by hand (no `_meta`): the header decides, with the forms' own
 * columns telling apart those that share 附件2's identity columns; a leaf shared by two groups (本周 under 两断三清
 * and 立案查处, 姓名 under 分管领导 and 联络员) is bound through its group.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { annexById } from '@shared/annexes/registry'
import { defaultCampaign } from '@shared/campaign/campaign'
import { annexFromWorkbook } from '../../../electron/services/import/annexFromWorkbook'
import { detectAnnex } from '../../../electron/services/import/detectAnnex'
import type { CellRange, RawCell, RawWorkbook } from '../../../electron/services/import/rawWorkbook'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'

type Plain = string | number | null
/** A column: its header, or a group header over its leaves. */
type Col = string | [group: string, leaves: string[]]

interface HandMade {
  title: string
  unitLine: string | null
  cols: Col[]
  rows: Plain[][]
}

/** Title, 填报单位 line, a one- or two-row header (groups merged across, the others down), then the rows. */
function grid(f: HandMade): { rows: Plain[][]; merges: CellRange[] } {
  const twoLevel = f.cols.some((c) => typeof c !== 'string')
  const upper: Plain[] = []
  const lower: Plain[] = []
  const merges: CellRange[] = []
  const top = 2
  for (const c of f.cols) {
    const at = upper.length
    if (typeof c === 'string') {
      upper.push(c)
      lower.push(null)
      if (twoLevel) merges.push({ s: { r: top, c: at }, e: { r: top + 1, c: at } })
      continue
    }
    c[1].forEach((leaf, k) => {
      upper.push(k === 0 ? c[0] : null)
      lower.push(leaf)
    })
    merges.push({ s: { r: top, c: at }, e: { r: top, c: at + c[1].length - 1 } })
  }
  const rows = [[f.title], [f.unitLine], upper, ...(twoLevel ? [lower] : []), ...f.rows]
  return { rows, merges }
}

const cell = (v: Plain): RawCell | null => (v === null ? null : typeof v === 'number' ? { t: 'n', v } : { t: 's', v })

function raw(f: HandMade): RawWorkbook {
  const { rows, merges } = grid(f)
  return { date1904: false, sheets: [{ name: 'Sheet1', hidden: false, rows: rows.map((r) => r.map(cell)), merges, hiddenRows: [] }] }
}

async function xlsx(f: HandMade): Promise<Buffer> {
  const { rows, merges } = grid(f)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  rows.forEach((r, i) => r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v)))
  for (const m of merges) ws.mergeCells(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const LINE = '填报单位（盖章）：八坊街道　　填报人：马晓东　　联系电话：0930-6212345　　填报日期：2024年6月27日'
const IDENTITY = ['序号', '乡镇（街道）', '企业（场所）名称', '统一社会信用代码', '详细地址']
const CODE = '92622901MA7B8HHW1X'

const forms: Record<string, HandMade> = {
  annex2: {
    title: '临夏市“散乱污”问题摸底情况汇总表',
    unitLine: LINE,
    cols: [...IDENTITY, '所属领域', '问题类型', '存在的主要问题', ['手续办理情况', ['营业执照', '环评手续', '排污许可', '其他许可']], '拟整治类别', '完成时限'],
    rows: [[1, '八坊街道', '临夏市马占海洗车店', '无', '临夏市八坊街道团结路12号', '无证照', '乱', '无照经营', '无', '无', '无', '无', '关停取缔', '2024-06-30']]
  },
  annex3: {
    title: '临夏市散乱污问题清理整顿情况汇总表',
    unitLine: LINE,
    cols: [
      ...IDENTITY,
      '问题类型',
      '整治类别',
      '是否先行停产',
      ['两断三清', ['断水', '断电', '清除原料', '清除产品', '清除设备']],
      '两断三清完成日期',
      ['立案查处', ['是否立案', '处罚决定书文号', '罚款金额（万元）']],
      '整治进展',
      '完成日期'
    ],
    rows: [[1, '八坊街道', '临夏市马占海洗车店', '无', '临夏市八坊街道团结路12号', '乱、污', '关停取缔', '是', '√', '√', '√', '√', '不涉及', '2024-05-20', '是', '临市监罚〔2024〕3号', 0.5, '已完成', '2024-05-21']]
  },
  annex4: {
    title: '临夏市散乱污问题整治提升情况汇总表',
    unitLine: LINE,
    cols: [...IDENTITY, '整治类别', ['整治提升内容', ['手续完善', '治理设施建设', '搬迁去向（园区或新址）']], '投入资金（万元）', '验收日期', '验收结论', '是否复产'],
    rows: [[1, '八坊街道', '临夏市清河洗车行', CODE, '临夏市八坊街道团结路18号', '升级改造', '补办排污登记', '新建沉淀池', null, 2, '2024-07-20', '合格', '是']]
  },
  weekly: {
    title: '临夏市散乱污问题清理整治工作进展情况表',
    // No 填报单位 line: the 单位 column names the unit.
    unitLine: null,
    cols: [
      '序号',
      '单位',
      '摸底问题数',
      '本周新发现',
      ['本周完成', ['关停取缔', '整合搬迁', '升级改造']],
      ['累计完成', ['关停取缔', '整合搬迁', '升级改造']],
      '累计完成率（%）',
      ['两断三清', ['本周', '累计']],
      ['立案查处', ['本周', '累计']],
      ['罚款（万元）', ['本周', '累计']],
      '未完成事项及原因'
    ],
    rows: [[1, '城郊镇', 20, 2, 1, 0, 1, 5, 1, 4, '50.0', 1, 5, 0, 2, 0, 1.2, '2个问题逾期未完成']]
  },
  contacts: {
    title: '临夏市散乱污问题清理整治分管领导及联络员名单',
    unitLine: '填报单位：市商务局　　填报日期：2024年4月28日',
    cols: ['序号', '单位', ['分管领导', ['姓名', '职务', '办公电话', '手机']], ['联络员', ['姓名', '职务', '办公电话', '手机']], '电子邮箱'],
    rows: [[1, '市商务局', '马光明', '副局长', '0930-6211234', '13909301234', '韩小梅', '科员', '0930-6215678', '13519305678', 'sw@example.cn']]
  }
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
