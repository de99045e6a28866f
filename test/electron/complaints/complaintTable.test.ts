/**
 * A 督察信访件 / 交办 list into the 举报受理登记 register (issue 22), driven through the IPC handlers as the app drives
 * them: a table built the way such lists are published (a title row over 序号 / 受理编号 / 交办问题基本情况 / 行政区域 /
 * 污染类型 / 调查核实情况 / 是否属实 / 处理和整改情况 / 问责情况) is previewed, committed whole, and taken in again
 * without a second copy; a table whose rows lack 受理编号 or a unit is previewed with the cells named.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ComplaintTablePreview } from '@shared/complaints/table'
import { Desk } from '../campaign/desk'
import { onWorkingDate } from '../../helpers/workingDate'

onWorkingDate('2024-05-25')
let office: Desk
let bafang: Desk

beforeAll(async () => {
  office = new Desk('office')
  bafang = new Desk('t005')
  await office.call('profile:save', { unitId: 'office', filler: '王主任', phone: '0930-6210000' })
  await bafang.call('profile:save', { unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
})
afterAll(async () => {
  await office?.close()
  await bafang?.close()
})

const HEADERS = ['序号', '受理编号', '交办问题基本情况', '行政区域', '污染类型', '调查核实情况', '是否属实', '处理和整改情况', '问责情况']
const ZHEQIAO = '群众通过12369反映，折桥镇大庄村一石材加工点夜间生产，切割粉尘大，污水直接排入排洪渠，请求查处。'
const BAFANG = '反映临夏市王寺街一汽车修理店长期在店外露天喷漆，油漆味刺鼻，周边居民不堪其扰。'
const FOUND = '经现场核查，该修理店确在店外露天喷漆，未配套废气收集处理设施，反映问题属实。'
const DONE = '已责令立即停止露天喷漆，拆除店外喷漆设施，立案处罚5000元；纳入八坊街道散乱污台账跟踪整改。'

/** A 信访件 list as the 督察组 hands it down: a title row, then the header, then a row per 受理编号. */
async function table(rows: unknown[][], headers: string[] = HEADERS, title = '中央第三生态环境保护督察组交办群众信访举报件办理情况（第五批）'): Promise<{ fileName: string; data: string }> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('第五批')
  ws.addRow([title])
  ws.mergeCells(1, 1, 1, headers.length)
  ws.addRow(headers)
  for (const r of rows) ws.addRow(r)
  return { fileName: '督察信访件第五批.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') }
}

const fifth = (): Promise<{ fileName: string; data: string }> =>
  table([
    [1, 'D6200000202405200031', ZHEQIAO, '临夏市', '大气、水', '', '', '', ''],
    [2, 'X6200000202405200047', BAFANG, '临夏市八坊街道', '大气', FOUND, '是', DONE, '无']
  ])

const said = (p: ComplaintTablePreview): string[] => p.issues.map((i) => `${i.severity} ${i.cell ?? '-'} ${i.message}`)

describe('a 督察信访件 list at the office (working date 2024-05-25)', () => {
  let preview: ComplaintTablePreview

  it('is previewed: two reports, where each goes and which is 办结, nothing written yet', async () => {
    preview = await office.call('complaints:tablePreview', await fifth())
    expect([preview.refused, preview.ready, preview.sheet]).toEqual([false, true, '第五批'])
    expect(preview.counts).toEqual({ reports: 2, new: 2, done: 1, existing: 0, result: 0, skipped: 0, withErrors: 0, needUnit: 0 })
    expect(preview.rows.map((r) => [r.rows, r.sourceNo, r.status, r.channel, r.assignedUnit, r.unitFrom, r.result?.verified ?? null])).toEqual([
      [[3], 'D6200000202405200031', 'new', '12369', '折桥镇', '问题描述', null],
      [[4], 'X6200000202405200047', 'new', '上级交办', '八坊街道', '行政区域', '是']
    ])
    expect(said(preview)).toEqual([
      'warning - 文件“督察信访件第五批.xlsx”工作表“第五批”：表中没有受理日期（交办日期）列，受理日期按导入当日（2024年5月25日）登记'
    ])
    expect((await office.call('complaints:view', {})).rows).toEqual([])
  })

  it('is committed whole: every value in its field, the result recorded so 办结率 counts it', async () => {
    const view = await office.call('complaints:tableCommit', { stageId: preview.stageId })
    expect(view.message).toBe('已从“督察信访件第五批.xlsx”导入交办件 2 件（其中已办结 1 件）。')
    const byNo = new Map(view.rows.map((r) => [r.no, r]))
    expect(byNo.get('举报〔2024〕1号')).toMatchObject({
      sourceNo: 'D6200000202405200031',
      registrar: '领导小组办公室',
      receivedDate: '2024-05-25',
      channel: '12369',
      target: [...ZHEQIAO].slice(0, 60).join(''),
      targetAddress: '',
      content: `${ZHEQIAO}（污染类型：大气、水）`,
      assignedUnit: '折桥镇',
      dueDate: '',
      handling: null,
      state: '待办理'
    })
    expect(byNo.get('举报〔2024〕2号')).toMatchObject({
      sourceNo: 'X6200000202405200047',
      channel: '上级交办',
      target: BAFANG,
      content: `${BAFANG}（污染类型：大气）`,
      assignedUnit: '八坊街道',
      handling: { verified: '是', result: `调查核实：${FOUND}\n处理整改：${DONE}\n问责：无`, doneDate: '2024-05-25', feedbackDate: '' },
      state: '已办结'
    })
    expect(byNo.get('举报〔2024〕2号')?.history.map((h) => [h.event, h.note])).toEqual([
      ['登记', '上级交办受理（导入自“督察信访件第五批.xlsx”第4行）'],
      ['交办', '交八坊街道办理'],
      ['办结', '2024-05-25（交办件表格）']
    ])
    expect([view.stats.total, view.stats.done, view.stats.rate]).toEqual([2, 1, 50])
  })

  it('prints the list\'s 受理编号 after ours on the 举报受理登记表', async () => {
    const file = await office.call('complaints:export', {})
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer)
    const texts: string[] = []
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.text)))))
    expect(texts).toEqual(expect.arrayContaining(['举报〔2024〕1号（D6200000202405200031）', '举报〔2024〕2号（X6200000202405200047）', '上级交办']))
  })

  it('keeps the 受理编号 when the office corrects the registration in its form (which does not show it)', async () => {
    const row = (await office.call('complaints:view', {})).rows.find((r) => r.no === '举报〔2024〕1号')
    if (!row) throw new Error('举报〔2024〕1号')
    const { receivedDate, channel, targetAddress, targetOperator, targetPhone, content, assignedUnit, dueDate } = row
    const view = await office.call('complaints:edit', { no: row.no, input: { receivedDate, channel, target: '大庄村石材加工点', targetAddress, targetOperator, targetPhone, content, assignedUnit, dueDate } })
    expect(view.rows.find((r) => r.no === row.no)).toMatchObject({ target: '大庄村石材加工点', sourceNo: 'D6200000202405200031' })
  })

  it('adds nothing when the same table comes again', async () => {
    const again = await office.call('complaints:tablePreview', await fifth())
    expect(again.counts).toMatchObject({ reports: 2, new: 0, existing: 2, result: 0 })
    expect(again.rows.map((r) => [r.status, r.existingNo])).toEqual([
      ['existing', '举报〔2024〕1号'],
      ['existing', '举报〔2024〕2号']
    ])
    expect(again.ready).toBe(false)
    expect(said(again)).toContain('warning B3 文件“督察信访件第五批.xlsx”工作表“第五批”B3单元格：受理编号“D6200000202405200031”已登记为举报〔2024〕1号，不重复导入')
    await expect(office.call('complaints:tableCommit', { stageId: again.stageId })).rejects.toThrow('“督察信访件第五批.xlsx”未导入：没有需要导入的交办件。')
    expect((await office.call('complaints:view', {})).rows).toHaveLength(2)
  })

  it('fills in a result a later edition of the list gives for a report registered without one', async () => {
    const later = await table([[1, 'D6200000202405200031', ZHEQIAO, '临夏市', '大气、水', '经核查，反映问题部分属实。', '部分属实', '已责令停产整改。', '']])
    const p = await office.call('complaints:tablePreview', later)
    expect(p.rows.map((r) => [r.status, r.existingNo, r.result?.verified])).toEqual([['result', '举报〔2024〕1号', '部分属实']])
    const view = await office.call('complaints:tableCommit', { stageId: p.stageId })
    expect(view.message).toBe('已从“督察信访件第五批.xlsx”导入交办件 0 件（其中已办结 0 件）。补记已登记交办件的办理结果 1 件。')
    expect(view.rows).toHaveLength(2)
    expect(view.stats.done).toBe(2)
  })
})

/** A list in other words (信访编号 / 举报内容 / 所在地区 / 交办日期) whose rows lack a 受理编号, a unit, a real date. */
const rough = (): Promise<{ fileName: string; data: string }> =>
  table(
    [
      [1, '', '城郊镇王坪村一废品收购站焚烧电线', '城郊镇', '2024-05-20'],
      [2, 'D6200000202405210009', '某小区附近夜间有人倾倒建筑垃圾', '临夏市', '2024-05-21'],
      [3, 'D6200000202405210015', '南龙镇一砖厂烟尘大', '南龙镇', '2024年13月1日'],
      [4, 'D6200000202405210015', '砖厂旁堆放原料未苫盖，扬尘严重', '南龙镇', '']
    ],
    ['序号', '信访编号', '举报内容', '所在地区', '交办日期'],
    '信访件交办清单'
  )

describe('a list whose rows lack 受理编号 or a unit', () => {
  it('is previewed with each finding at its cell, and refused until they are settled', async () => {
    const p = await office.call('complaints:tablePreview', await rough())
    expect(p.counts).toEqual({ reports: 2, new: 0, done: 0, existing: 0, result: 0, skipped: 1, withErrors: 1, needUnit: 1 })
    expect(p.rows.map((r) => [r.rows, r.sourceNo, r.status])).toEqual([
      [[3], '', 'skipped'],
      [[4], 'D6200000202405210009', 'needUnit'],
      [[5, 6], 'D6200000202405210015', 'error']
    ])
    const at = '文件“督察信访件第五批.xlsx”工作表“第五批”'
    expect(said(p)).toEqual([
      `warning B3 ${at}B3单元格：没有受理编号，此行未导入；如是一件交办件，请补上受理编号后再导入`,
      `warning B6 ${at}B6单元格：受理编号“D6200000202405210015”与第5行相同，按同一件交办件登记，两行的内容合并`,
      `error D4 ${at}D4单元格：行政区域“临夏市”和交办问题基本情况中没有本次整治工作的镇（街道）或部门名称，请在预览中选择默认分办单位，或在表中写明后重新导入`,
      `error E5 ${at}E5单元格：受理日期“2024年13月1日”不是有效日期（应如2024-5-20或2024年5月20日），请改正后再导入`
    ])
    expect(p.ready).toBe(false)
    await expect(office.call('complaints:tableCommit', { stageId: p.stageId })).rejects.toThrow('未导入：有 1 件有错误。')
  })

  it('takes the default unit the office clerk picks for the rows that name none', async () => {
    const p = await office.call('complaints:tablePreview', { ...(await rough()), defaultUnit: '城郊镇' })
    expect(p.rows.find((r) => r.sourceNo === 'D6200000202405210009')).toMatchObject({ status: 'new', assignedUnit: '城郊镇', unitFrom: '默认分办单位', receivedDate: '2024-05-21' })
    expect(p.counts.needUnit).toBe(0)
    await expect(office.call('complaints:tablePreview', { ...(await rough()), defaultUnit: '某某局' })).rejects.toThrow('“某某局”不是本次整治工作的成员单位')
  })

  it('goes to the importing unit itself at a unit', async () => {
    const p = await bafang.call('complaints:tablePreview', await rough())
    expect(p.rows.find((r) => r.sourceNo === 'D6200000202405210009')).toMatchObject({ status: 'new', assignedUnit: '八坊街道', unitFrom: '本单位' })
  })

  it('takes a 受理编号 merged over two rows as one report of both rows', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('交办')
    ws.addRow(['序号', '受理编号', '交办问题基本情况', '行政区域'])
    ws.addRow([1, 'D6200000202405220003', '红园路一洗车店污水直排', '红园街道'])
    ws.addRow([null, null, '同一店铺夜间噪声扰民', null])
    ws.mergeCells('B2:B3')
    ws.mergeCells('D2:D3')
    const p = await office.call('complaints:tablePreview', { fileName: '合并.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') })
    expect(p.rows.map((r) => [r.rows, r.sourceNo, r.status, r.assignedUnit, r.content])).toEqual([
      [[2, 3], 'D6200000202405220003', 'new', '红园街道', '红园路一洗车店污水直排\n同一店铺夜间噪声扰民']
    ])
  })

  it('is refused, saying so, when the file holds no such table', async () => {
    const p = await office.call('complaints:tablePreview', await table([[1, '城郊镇', '某厂']], ['序号', '乡镇', '企业名称'], '台账'))
    expect([p.refused, p.ready, p.issues.map((i) => i.message)]).toEqual([
      true,
      false,
      ['文件“督察信访件第五批.xlsx”中没有交办件表格：没有哪个工作表的表头行含有「交办问题基本情况」（或举报内容、问题描述）和「受理编号」「行政区域」等列，请确认选择的是督察信访件或交办件清单']
    ])
    const text = await office.call('complaints:tablePreview', { fileName: '清单.xlsx', data: Buffer.from('序号,受理编号').toString('base64') })
    expect(text.issues[0]?.message).toMatch(/^文件“清单\.xlsx”不是有效的 Excel 文件/)
  })
})
