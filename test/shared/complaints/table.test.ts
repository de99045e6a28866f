/** A 交办 list's rows into reports (issue 22): the header words real lists use, 是否属实, 渠道, dates, the unit. */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { TableContext } from '@shared/complaints/table'
import { findTableHeader, planComplaintTable, tableDateText } from '@shared/complaints/table'

const ctx: TableContext = { campaign: defaultCampaign, side: 'office', today: '2024-05-25', existing: [], defaultUnit: null }
const where = { file: '交办.xlsx', sheet: 'Sheet1' }

function plan(header: string[], rows: string[][], over: Partial<TableContext> = {}) {
  const sheet = [['交办清单'], header, ...rows]
  const found = findTableHeader(sheet)
  if (!found) throw new Error('no header')
  return planComplaintTable(sheet, found, where, { ...ctx, ...over })
}

describe('the header', () => {
  it('is found under a title row in the words other lists use', () => {
    const sheet = [['某督察组交办件'], ['序号', '交办编号', '问题描述', '行政区划', '核查情况', '是否属实', '处理情况', '备注']]
    expect(findTableHeader(sheet)).toEqual({ row: 1, columns: { seq: 0, sourceNo: 1, content: 2, region: 3, investigation: 4, verified: 5, handling: 6 } })
    expect(findTableHeader([['信访编号', '举报内容', '所在地区', '整改 情况']])?.columns).toEqual({ sourceNo: 0, content: 1, region: 2, handling: 3 })
    // A ledger is not a 交办 list.
    expect(findTableHeader([['序号', '企业名称', '乡镇（街道）', '详细地址']])).toBeNull()
  })

  it('without a 受理编号 column is refused, saying which column', () => {
    const p = plan(['序号', '举报内容', '行政区域'], [['1', '城郊镇某厂冒黑烟', '城郊镇']])
    expect(p.reports).toEqual([])
    expect(p.issues.map((i) => [i.severity, i.code, i.message])).toEqual([
      ['error', 'MISSING_COLUMN', '文件“交办.xlsx”工作表“Sheet1”：表头（第2行）中没有「受理编号」列（也可写作信访编号、交办编号），无法按受理编号逐件登记；请补上该列后再导入']
    ])
  })
})

const RESULT_HEADER = ['受理编号', '举报内容', '行政区域', '调查核实情况', '是否属实', '处理和整改情况']

describe('是否属实 and the result', () => {
  it.each([
    ['是', '是'],
    ['属实', '是'],
    ['否', '否'],
    ['不属实', '否'],
    ['部分属实', '部分属实'],
    ['基本属实', '部分属实']
  ])('%s is recorded as %s', (said, verified) => {
    const p = plan(RESULT_HEADER, [['D1', '城郊镇某厂冒黑烟', '城郊镇', '经查', said, '已整改']])
    expect(p.reports[0]?.result).toEqual({ result: '调查核实：经查\n处理整改：已整改', doneDate: '2024-05-25', feedbackDate: '', verified })
  })

  it('is read from 调查核实情况 when 是否属实 is blank, with a warning to check it', () => {
    const p = plan(RESULT_HEADER, [['D1', '城郊镇某厂冒黑烟', '城郊镇', '经现场核查，反映问题不属实。', '', '']])
    expect(p.reports[0]?.result?.verified).toBe('否')
    expect(p.issues.map((i) => [i.code, i.cell])).toEqual([
      ['RECEIVED_DATE_DEFAULT', null],
      ['VERIFIED_FROM_TEXT', 'D3']
    ])
  })

  it('is not recorded without 是否属实, and the row says so', () => {
    const p = plan(RESULT_HEADER, [['D1', '城郊镇某厂冒黑烟', '城郊镇', '', '', '正在整改']])
    expect(p.reports[0]?.result).toBeNull()
    expect(p.counts).toMatchObject({ new: 1, done: 0 })
    expect(p.issues.find((i) => i.code === 'RESULT_INCOMPLETE')?.message).toBe('文件“交办.xlsx”工作表“Sheet1”E3单元格：没有是否属实，未记为办结，请在登记簿中填写办理结果')
  })
})

describe('渠道, dates and the enterprise', () => {
  it('takes the channel a 渠道 column says, and 上级交办 for a word the register has not', () => {
    const p = plan(
      ['受理编号', '举报内容', '行政区域', '渠道'],
      [
        ['D1', '城郊镇某厂冒黑烟', '城郊镇', '12345热线'],
        ['D2', '城郊镇某厂冒黑烟', '城郊镇', '来信'],
        ['D3', '城郊镇某厂（群众拨打12369）', '城郊镇', '微博']
      ]
    )
    expect(p.reports.map((r) => r.input.channel)).toEqual(['12345', '来信', '12369'])
    expect(p.issues.find((i) => i.code === 'CHANNEL_UNKNOWN')?.cell).toBe('D5')
  })

  it('reads a date cell, a serial typed as a number and a date with its time', () => {
    expect([tableDateText('2024-05-20'), tableDateText('45432'), tableDateText('2024-05-20 10:30'), tableDateText('2024年5月20日'), tableDateText('5月20日')]).toEqual([
      '2024-05-20',
      '2024-05-20',
      '2024-05-20',
      '2024-05-20',
      null
    ])
  })

  it('takes the enterprise a column names, else the first 60 characters of the prose', () => {
    const long = '群众反映'.repeat(20)
    const p = plan(
      ['受理编号', '被举报对象', '举报内容', '行政区域'],
      [
        ['D1', '兴旺石材厂', '粉尘大', '折桥镇'],
        ['D2', '', long, '折桥镇']
      ]
    )
    expect(p.reports.map((r) => r.input.target)).toEqual(['兴旺石材厂', long.slice(0, 60)])
  })
})

describe('分办单位', () => {
  const header = ['受理编号', '举报内容', '行政区域']
  it('is the town 行政区域 names, else a town the prose names, else a department 行政区域 names', () => {
    const p = plan(header, [
      ['D1', '某厂冒黑烟', '临夏市城郊镇'],
      ['D2', '枹罕镇和南龙镇交界处有人焚烧垃圾', '市生态环境局'],
      ['D3', '某加油站油气回收装置不运行', '市生态环境局']
    ])
    expect(p.rows.map((r) => [r.assignedUnit, r.unitFrom])).toEqual([
      ['城郊镇', '行政区域'],
      ['枹罕镇', '问题描述'],
      ['州生态环境局临夏市分局', '行政区域']
    ])
  })

  it('at a unit is the unit itself when the row names none, and said when it names another', () => {
    const p = plan(header, [
      ['D1', '某小区夜间倾倒建筑垃圾', '临夏市'],
      ['D2', '某厂冒黑烟', '折桥镇']
    ], { side: '八坊街道' })
    expect(p.rows.map((r) => [r.assignedUnit, r.unitFrom])).toEqual([
      ['八坊街道', '本单位'],
      ['折桥镇', '行政区域']
    ])
    expect(p.issues.find((i) => i.code === 'OTHER_UNIT')?.message).toBe('文件“交办.xlsx”工作表“Sheet1”C4单元格：表中写明的是折桥镇，按分办折桥镇登记（不是本单位）')
  })
})
