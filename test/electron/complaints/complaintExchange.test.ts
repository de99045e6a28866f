/**
 * 举报受理登记 between the office and a unit (issue 21), each on its own data folder and driven through the IPC
 * handlers as the app drives them: the office registers a report on a site 八坊街道 closed and sees it matched as a
 * 死灰复燃 lead, sends it without the reporter, the unit takes it in, turns it into a problem record (来源 群众举报),
 * records its result and sends it back; 办结率 and overdue reports follow; the printed register names no reporter.
 */
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Desk, upload } from '../campaign/desk'
import { onWorkingDate } from '../../helpers/workingDate'
import { captureOutput } from '../../helpers/captureOutput'
import { run } from '../../../electron/cli/commands/export'

const said = captureOutput()

onWorkingDate('2024-05-25')
let office: Desk
let bafang: Desk

const CLOSED = {
  town: '八坊街道',
  name: '马某某废品收购站',
  // 无 where it has no licence: the form is complete, so 八坊街道 can send it (a form 待补充 is only a draft).
  uscc: '无',
  problemTypes: ['污'],
  address: '八坊街道八坊社区王寺街38号',
  operator: '马某某',
  phone: '13909301234',
  category: '关停取缔',
  status: '已销号',
  closeDate: '2024-05-15',
  problems: '无防渗及防雨设施'
}

beforeAll(async () => {
  office = new Desk('office')
  bafang = new Desk('t005')
  await office.call('profile:save', { unitId: 'office', filler: '王主任', phone: '0930-6210000' })
  await bafang.call('profile:save', { unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
  await bafang.save([{ id: 'closed', fields: CLOSED }])
  // The office knows the site is closed from 八坊街道's 附件3.
  const stage = await office.call('office:stage', { files: [upload(await bafang.form('annex3'))] })
  await office.call('office:commit', { stageId: stage.stageId })
})
afterAll(async () => {
  await office?.close()
  await bafang?.close()
})

const report = {
  receivedDate: '2024-05-20',
  channel: '12345',
  reporter: '李某',
  reporterPhone: '13800000000',
  target: '马某某废品收购站',
  targetAddress: '八坊街道八坊社区王寺街38号',
  content: '夜间又在焚烧废旧电线，黑烟很大',
  assignedUnit: '八坊街道',
  dueDate: '2024-05-27'
} as const

describe('a public report between the office and 八坊街道', () => {
  it('is registered and numbered at the office, and matched to the closed site as a 死灰复燃 lead', async () => {
    await office.call('complaints:register', report)
    const view = await office.call('complaints:register', { ...report, target: '某烧烤摊', targetAddress: '城郊镇王坪村', content: '油烟扰民', assignedUnit: '城郊镇', dueDate: '2024-05-24' })
    expect(view.side).toBe('领导小组办公室')
    expect(view.rows.map((r) => [r.no, r.assignedUnit, r.state, r.matches.map((m) => m.label)])).toEqual([
      ['举报〔2024〕2号', '城郊镇', '逾期', []],
      ['举报〔2024〕1号', '八坊街道', '待办理', ['死灰复燃线索']]
    ])
    expect(view.rows[1]?.matches[0]?.message).toMatch(/^疑似死灰复燃：与已销号（八坊街道）的“马某某废品收购站”/)
    expect(view.rows[1]?.history.map((h) => [h.event, h.note])).toEqual([
      ['登记', '12345受理'],
      ['交办', '交八坊街道办理']
    ])
    expect([view.stats.total, view.stats.done, view.stats.rate, view.stats.overdue]).toEqual([2, 0, 0, 1])
  })

  it('goes to the unit in an exchange file without the reporter, and becomes a problem record there', async () => {
    const file = await office.call('complaints:exchangeExport', { to: '八坊街道', includeReporter: false })
    expect(file.fileName).toBe('举报交办-领导小组办公室至八坊街道-20240525.json')
    const text = Buffer.from(file.data, 'base64').toString('utf8')
    expect(text).toContain('夜间又在焚烧废旧电线')
    expect(text).not.toContain('李某')
    expect(text).not.toContain('13800000000')
    expect(text).not.toContain('某烧烤摊')

    const taken = await bafang.call('complaints:exchangeImport', upload(file))
    expect(taken.message).toBe('已导入领导小组办公室的举报交办文件：新增 1 件，更新 0 件。')
    expect(taken.rows.map((r) => [r.no, r.mayEdit, r.mayHandle, r.matches.map((m) => m.label)])).toEqual([['举报〔2024〕1号', false, true, ['死灰复燃线索']]])

    const made = await bafang.call('complaints:toRecord', { no: '举报〔2024〕1号' })
    expect(made.problemNo).toBe('LXS-2024-005-0002')
    const record = (await bafang.records()).find((r) => r.problemNo === made.problemNo)
    expect(record?.fields).toMatchObject({ town: '八坊街道', name: '马某某废品收购站', source: '群众举报', foundDate: '2024-05-20', problems: '夜间又在焚烧废旧电线，黑烟很大', remarks: '举报〔2024〕1号转入' })
    expect(made.rows[0]?.record).toEqual({ unit: '八坊街道', recordId: record?.id, problemNo: 'LXS-2024-005-0002' })
    expect(made.rows[0]?.matches.map((m) => m.label)).toEqual(['死灰复燃线索', '已转为问题记录'])
    await expect(bafang.call('complaints:toRecord', { no: '举报〔2024〕1号' })).rejects.toThrow('已转为问题记录 LXS-2024-005-0002')
  })

  it('comes back to the office with its result: 办结率 and overdue follow', async () => {
    await bafang.call('complaints:result', { no: '举报〔2024〕1号', result: { result: '现场核查属实，已责令停止焚烧，重新立案整治', doneDate: '2024-05-23', feedbackDate: '2024-05-24', verified: '是' } })
    const back = await bafang.call('complaints:exchangeExport', { to: null, includeReporter: false })
    const view = await office.call('complaints:exchangeImport', upload(back))
    expect(view.message).toBe('已导入八坊街道的举报交办文件：新增 0 件，更新 1 件。')
    const row = view.rows.find((r) => r.no === '举报〔2024〕1号')
    expect([row?.state, row?.handling?.result, row?.record?.problemNo]).toEqual(['已办结', '现场核查属实，已责令停止焚烧，重新立案整治', 'LXS-2024-005-0002'])
    // The office's own copy keeps the reporter it registered.
    expect(row?.reporter).toBe('李某')
    expect([view.stats.total, view.stats.done, view.stats.rate, view.stats.overdue]).toEqual([2, 1, 50, 1])
    expect(view.stats.overdueList.map((o) => [o.complaint.no, o.days])).toEqual([['举报〔2024〕2号', 1]])
  })

  it('refuses a file that is not for this side, and a result from a unit it was not assigned to', async () => {
    const own = await office.call('complaints:exchangeExport', { to: '八坊街道', includeReporter: false })
    await expect(office.call('complaints:exchangeImport', upload(own))).resolves.toMatchObject({ message: expect.stringContaining('这是领导小组办公室自己导出的举报交换文件，无需导入') })
    await expect(bafang.call('complaints:exchangeImport', { fileName: '日程.json', data: Buffer.from('{"format":"slw-calendar"}').toString('base64') })).rejects.toThrow(
      '“日程.json”不是举报交办文件，或内容不完整，请选择领导小组办公室或成员单位在程序中导出的举报交办文件（.json）。'
    )
    await expect(office.call('complaints:result', { no: '举报〔2024〕2号', result: { result: '已处理', doneDate: '2024-05-25', feedbackDate: '', verified: '是' } })).rejects.toThrow('举报〔2024〕2号已交城郊镇办理，办理结果由其填写。')
  })

  it('prints the 举报受理登记表 without the reporter', async () => {
    const file = await office.call('complaints:export', {})
    expect(file.fileName).toBe('举报受理登记表-市散乱污办-20240525.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer)
    const texts: string[] = []
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.text)))))
    const all = texts.join('\n')
    expect(all).toContain('马某某废品收购站')
    expect(all).toContain('共受理举报2件，已办结1件，办结率50.0%，逾期未办结1件')
    expect(all).not.toContain('李某')
    expect(all).not.toContain('13800000000')
  })

  it('is what slw export --annex complaints writes for the office\'s scripts', async () => {
    const out = join(office.dir, '登记表.xlsx')
    expect(await run(['--annex', 'complaints', '--data', office.dir, '--out', out])).toBe(0)
    expect(said.out.join('')).toBe(`已生成举报受理登记表（市散乱污办，2 件，不含举报人信息）：${out}\n`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['举报受理登记'])
    const title = wb.worksheets[0]?.getColumn(1).values.find((v) => String(v).includes('登记表'))
    expect(title).toBe('临夏市“散乱污”问题举报受理登记表')
  })
})
