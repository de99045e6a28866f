/** The printed 举报受理登记表 (issue 21), read back with exceljs and as the raw zip entries. */
import * as XLSX from 'xlsx'
import { beforeAll, describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { Complaint } from '@shared/complaints/register'
import { ComplaintInputSchema, ComplaintResultSchema, recordResult, registerComplaint } from '@shared/complaints/register'
import { COMPLAINTS_SHEET, writeComplaintsWorkbook } from '../../../electron/services/export/complaintsWorkbook'
import { readExcelJs, zipEntry } from './readBack'

const office = { side: 'office', at: '2024-06-03T01:00:00.000Z', by: '王主任' }
const REPORTER = '王秀兰'
const REPORTER_PHONE = '13909309999'

function report(no: string, over: object): Complaint {
  const base = { channel: '12369', reporter: REPORTER, reporterPhone: REPORTER_PHONE, targetOperator: '马海军', targetPhone: '13909301234' }
  return registerComplaint(ComplaintInputSchema.parse({ ...base, ...over }), no, office)
}

const late = report('举报〔2024〕1号', {
  receivedDate: '2024-06-03',
  target: '兴旺食品加工坊',
  targetAddress: '城郊镇王坪村3社28号',
  content: '去年关停的食品加工坊晚上又开工了，油烟很大，污水直接排进村里的水渠',
  assignedUnit: '城郊镇',
  dueDate: '2024-06-17'
})
const done = recordResult(
  report('举报〔2024〕3号', {
    receivedDate: '2024-06-06',
    channel: '来访',
    target: '马进才石材加工点',
    targetAddress: '折桥镇大庄村4社16号',
    content: '石材切割粉尘大，污水排进排洪渠',
    assignedUnit: '折桥镇',
    dueDate: '2024-06-21'
  }),
  ComplaintResultSchema.parse({ result: '已责令停产，纳入台账按关停取缔类整治', doneDate: '2024-06-10', feedbackDate: '2024-06-11', verified: '部分属实' }),
  { side: '折桥镇', at: '2024-06-10T08:00:00.000Z', by: '马干事' }
)
const pending = report('举报〔2024〕2号', {
  receivedDate: '2024-06-05',
  channel: '12345',
  target: '宏达汽车修理厂',
  targetAddress: '临夏市红园路56号',
  content: '夜间露天喷漆，气味刺鼻',
  assignedUnit: '红园街道',
  dueDate: '2024-06-25'
})

const input = {
  campaign: defaultCampaign,
  // Out of order on purpose: the register prints by 受理日期.
  complaints: [done, pending, late],
  today: '2024-06-20',
  now: new Date('2024-06-20T02:00:00Z'),
  contact: { filler: '王主任', phone: '0930-6212345' }
}

const text = (v: ExcelJS.CellValue): string => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v))

describe('the 举报受理登记表', () => {
  let bytes: Buffer
  let ws: ExcelJS.Worksheet
  const row = (r: number): string[] => Array.from({ length: 13 }, (_, i) => text(ws.getCell(r, i + 1).value))

  beforeAll(async () => {
    bytes = await writeComplaintsWorkbook(input)
    const wb = await readExcelJs(bytes)
    ws = wb.getWorksheet(COMPLAINTS_SHEET) as ExcelJS.Worksheet
  })

  it('has the title block of the annex forms: title, 填报单位 and date', () => {
    expect(ws.getCell('A2').value).toBe('临夏市“散乱污”问题举报受理登记表')
    expect(ws.getCell('A2').font).toMatchObject({ name: '宋体', size: 18, bold: true })
    expect(ws.getCell('A3').value).toBe(
      '填报单位（盖章）：临夏市“散乱污”问题清理整治领导小组办公室　　填报人：王主任　　联系电话：0930-6212345　　填报日期：2024年6月20日'
    )
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A2:M2', 'A3:M3']))
  })

  it('prints the 13 columns, each header over rows 4–5, with no 举报人 or phone column', () => {
    expect(row(4).map((h) => h.replace(/\n/g, ''))).toEqual([
      '序号', '受理编号', '受理日期', '渠道', '被举报对象', '地址', '举报内容', '分办单位', '办理时限', '办理结果', '办结日期', '反馈日期', '状态'
    ])
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A4:A5', 'M4:M5']))
    expect(ws.getCell('D4').font).toMatchObject({ name: '黑体' })
    expect(ws.getCell('D4').border?.top?.style).toBe('thin')
  })

  it('writes a row per report in register order, dates as dates, 状态 judged on the day', () => {
    expect(row(6)).toEqual([
      '1', '举报〔2024〕1号', '2024-06-03', '12369', '兴旺食品加工坊', '城郊镇王坪村3社28号',
      '去年关停的食品加工坊晚上又开工了，油烟很大，污水直接排进村里的水渠', '城郊镇', '2024-06-17', '', '', '', '逾期3天'
    ])
    expect(row(7)).toEqual([
      '2', '举报〔2024〕2号', '2024-06-05', '12345', '宏达汽车修理厂', '临夏市红园路56号', '夜间露天喷漆，气味刺鼻', '红园街道', '2024-06-25', '', '', '', '待办理'
    ])
    expect(row(8)).toEqual([
      '3', '举报〔2024〕3号', '2024-06-06', '来访', '马进才石材加工点', '折桥镇大庄村4社16号', '石材切割粉尘大，污水排进排洪渠', '折桥镇', '2024-06-21',
      '（经核查部分属实）已责令停产，纳入台账按关停取缔类整治', '2024-06-10', '2024-06-11', '已办结'
    ])
    expect(ws.getCell('C6').numFmt).toBe('yyyy"年"m"月"d"日"')
    expect(ws.getCell('G6').alignment).toMatchObject({ horizontal: 'left', wrapText: true })
    // Three lines of 举报内容 in its width: the row is made tall enough, as Excel will not grow it on open.
    expect(ws.getRow(6).height).toBeGreaterThan(ws.getRow(7).height)
  })

  it('shades the overdue report, and only it', () => {
    const fill = (ref: string): unknown => (ws.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb
    expect(['A6', 'G6', 'M6'].map(fill)).toEqual(['FFD9D9D9', 'FFD9D9D9', 'FFD9D9D9'])
    expect(['A7', 'M7', 'A8'].map(fill)).toEqual([undefined, undefined, undefined])
  })

  it('ends with the figures, the signature line and the note on the reporter', () => {
    expect(ws.getCell('A9').value).toBe('共受理举报3件，已办结1件，办结率33.3%，逾期未办结1件（底纹标出）。')
    expect(ws.getCell('A10').value).toBe('分管领导（签字）：＿＿＿＿　　审核人：＿＿＿＿　　填报人：王主任')
    expect(String(ws.getCell('A11').value)).toContain('举报人姓名及联系方式依法保密')
  })

  it('carries no reporter’s name or phone anywhere in the file, though every report has one', () => {
    expect(input.complaints.every((c) => c.reporter === REPORTER && c.reporterPhone === REPORTER_PHONE)).toBe(true)
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' })
    const parts = zip.FullPaths.filter((p: string) => /\.(xml|rels)$/.test(p)).map((p: string) => p.replace(/^Root Entry\//, ''))
    expect(parts).toContain('xl/sharedStrings.xml')
    for (const part of parts) {
      const xml = zipEntry(bytes, part)
      expect(xml, part).not.toContain(REPORTER)
      expect(xml, part).not.toContain(REPORTER_PHONE)
      // Nor the reported party's phone: the form has no phone column at all.
      expect(xml, part).not.toContain('13909301234')
    }
    expect(zipEntry(bytes, 'xl/sharedStrings.xml')).toContain('兴旺食品加工坊')
  })

  it('prints A4 landscape one page wide, the header rows repeated, page numbers and a 校验码', async () => {
    const { pageSetup, headerFooter } = ws
    expect(pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:5' })
    expect(headerFooter.oddFooter).toMatch(/第 &P 页 共 &N 页.*校验码：[0-9A-F]{8}$/)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 })
    // The same register prints the same 校验码; another one another.
    const again = (await readExcelJs(await writeComplaintsWorkbook({ ...input, now: new Date('2024-06-20T09:00:00Z') }))).getWorksheet(COMPLAINTS_SHEET)
    expect(again?.headerFooter.oddFooter).toBe(headerFooter.oddFooter)
    const other = (await readExcelJs(await writeComplaintsWorkbook({ ...input, complaints: [late] }))).getWorksheet(COMPLAINTS_SHEET)
    expect(other?.headerFooter.oddFooter).not.toBe(headerFooter.oddFooter)
  })

  it('says so when there is no report, under a unit’s own name', async () => {
    const wb = await readExcelJs(await writeComplaintsWorkbook({ ...input, complaints: [], unitName: '八坊街道', contact: { filler: '', phone: '' } }))
    const empty = wb.getWorksheet(COMPLAINTS_SHEET) as ExcelJS.Worksheet
    expect(String(empty.getCell('A3').value)).toMatch(/^填报单位（盖章）：八坊街道/)
    expect(empty.getCell('A6').value).toBe('暂无举报受理登记。')
    expect(empty.model.merges).toContain('A6:M6')
    expect(empty.getCell('A7').value).toBe('共受理举报0件，已办结0件，逾期未办结0件。')
  })
})
