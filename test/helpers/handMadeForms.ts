/**
 * Forms made by hand (no `_meta`), as units lay them out: title, 填报单位 line, a one- or two-row header, the rows.
 * Shared by the tests of form detection and of the bad-input catalogue.
 */
import ExcelJS from 'exceljs'
import type { CellRange } from '../../electron/services/import/rawWorkbook'

export type Plain = string | number | null
/** A column: its header, or a group header over its leaves. */
export type Col = string | [group: string, leaves: string[]]

export interface HandMade {
  title: string
  unitLine: string | null
  cols: Col[]
  rows: Plain[][]
}

/** Title, 填报单位 line, a one- or two-row header (groups merged across, the others down), then the rows. */
export function grid(f: HandMade): { rows: Plain[][]; merges: CellRange[] } {
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

/** The form as a clerk would make it in Excel: one sheet, the grid's values and merges. */
export async function handMadeXlsx(f: HandMade): Promise<Buffer> {
  const { rows, merges } = grid(f)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  rows.forEach((r, i) => r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v)))
  for (const m of merges) ws.mergeCells(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export const LINE = '填报单位（盖章）：八坊街道　　填报人：马晓东　　联系电话：0930-6212345　　填报日期：2024年6月27日'
export const IDENTITY = ['序号', '乡镇（街道）', '企业（场所）名称', '统一社会信用代码', '详细地址']
export const CODE = '92622901MA7B8HHW1X'

/** One valid row of each form, laid out as units make them by hand (no `_meta`). */
export const forms: Record<string, HandMade> = {
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
