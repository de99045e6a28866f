/**
 * A 督察信访件 list into the 举报受理登记 register in Chromium at 1366×768 (issue 22), on 2024-05-25: the office picks
 * the table with 导入交办件表格…, sees in the preview what each row becomes (one row names no town and waits for a
 * default unit, which the clerk picks there), commits, and the register lists the reports with the list's 受理编号.
 */
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './harness'
import { dataDirFor, launchApp, repoRoot } from './harness'
import { onWorkingDate } from '../helpers/workingDate'

onWorkingDate('2024-05-25')
let office: RunningApp

beforeAll(async () => {
  office = await launchApp({ dataDir: await dataDirFor({ unitId: 'office', filler: '王主任', phone: '0930-6210000' }), viewport: { width: 1366, height: 768 } })
})
afterAll(async () => {
  await office?.close()
})

async function fifthBatch(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('第五批')
  const headers = ['序号', '受理编号', '交办问题基本情况', '行政区域', '污染类型', '调查核实情况', '是否属实', '处理和整改情况', '问责情况']
  ws.addRow(['中央第三生态环境保护督察组交办群众信访举报件办理情况（第五批）'])
  ws.mergeCells(1, 1, 1, headers.length)
  ws.addRow(headers)
  ws.addRow([1, 'D6200000202405200031', '群众通过12369反映，折桥镇大庄村一石材加工点夜间生产，切割粉尘大，污水直接排入排洪渠。', '临夏市', '大气、水'])
  ws.addRow([
    2,
    'X6200000202405200047',
    '反映王寺街一汽车修理店长期在店外露天喷漆，油漆味刺鼻。',
    '临夏市八坊街道',
    '大气',
    '经现场核查，该修理店确在店外露天喷漆，反映问题属实。',
    '是',
    '已责令停止露天喷漆，拆除店外喷漆设施，立案处罚5000元。',
    '无'
  ])
  ws.addRow([3, 'D6200000202405200052', '反映某小区附近夜间有人倾倒建筑垃圾。', '临夏市', '固废'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const dialog = (app: RunningApp): ReturnType<RunningApp['page']['locator']> => app.page.getByRole('dialog', { name: '导入交办件预览' })

describe('a 督察信访件 list at the office (working date 2024-05-25)', () => {
  it('is previewed, given a default unit for the row that names none, committed, and listed in the register', async () => {
    const page = office.page
    await page.getByRole('tab', { name: '举报受理' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '导入交办件表格…' }).click()
    await (await chooser).setFiles({ name: '督察信访件第五批.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await fifthBatch() })

    const preview = dialog(office)
    await preview.waitFor()
    expect(await preview.locator('.chips').textContent()).toBe('交办件 3新登记 2（其中已办结 1）待选分办单位 1')
    const rows = preview.locator('.preview-table tbody tr')
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['3', '新登记', 'D6200000202405200031', '2024年5月25日', '12369', expect.stringMatching(/^群众通过12369反映，折桥镇/), '折桥镇（问题描述）', ''])
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual(['4', '新登记', 'X6200000202405200047', '2024年5月25日', '上级交办', expect.stringMatching(/^反映王寺街/), '八坊街道（行政区域）', '属实，2024年5月25日办结'])
    expect(await rows.nth(2).locator('td').nth(1).textContent()).toBe('待选分办单位')
    expect(await preview.locator('.issue-list li.error').allTextContents()).toEqual([
      expect.stringContaining('D5单元格：行政区域“临夏市”和交办问题基本情况中没有本次整治工作的镇（街道）或部门名称')
    ])
    expect(await preview.getByRole('button', { name: '请先处理错误' }).isDisabled()).toBe(true)
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-complaint-table-preview.png') })

    await preview.getByLabel('默认分办单位').selectOption('城郊镇')
    await expect.poll(() => rows.nth(2).locator('td').nth(6).textContent()).toBe('城郊镇（默认分办单位）')
    await preview.getByRole('button', { name: '确认导入（新登记 3 件）' }).click()
    await preview.waitFor({ state: 'detached' })

    await expect.poll(() => page.locator('.notice').first().textContent()).toContain('已从“督察信访件第五批.xlsx”导入交办件 3 件（其中已办结 1 件）。')
    const register = page.locator('.complaints .register tbody tr')
    const listed = await register.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 7).map((td) => td.textContent)))
    expect(listed).toEqual([
      ['举报〔2024〕3号D6200000202405200052', '2024年5月25日', '上级交办', '反映某小区附近夜间有人倾倒建筑垃圾。', '城郊镇', '', '待办理'],
      ['举报〔2024〕2号X6200000202405200047', '2024年5月25日', '上级交办', '反映王寺街一汽车修理店长期在店外露天喷漆，油漆味刺鼻。', '八坊街道', '', '已办结'],
      ['举报〔2024〕1号D6200000202405200031', '2024年5月25日', '12369', expect.stringMatching(/^群众通过12369反映，折桥镇大庄村/), '折桥镇', '', '待办理']
    ])
    expect(await page.locator('.complaint-stats').textContent()).toBe('共受理举报 3 件，已办结 1 件，办结率 33.3%。')
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-complaint-table-register.png') })
  })

  it('adds nothing when the same list is picked again', async () => {
    const page = office.page
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '导入交办件表格…' }).click()
    await (await chooser).setFiles({ name: '督察信访件第五批.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await fifthBatch() })
    const preview = dialog(office)
    await preview.waitFor()
    expect(await preview.locator('.chips').textContent()).toBe('交办件 3新登记 0（其中已办结 0）已在登记簿 3')
    // The row that named no town is registered already: it needs no unit again.
    expect(await preview.locator('.issue-list li.error').count()).toBe(0)
    expect(await preview.getByRole('button', { name: '没有需要导入的交办件' }).isDisabled()).toBe(true)
    await preview.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => page.locator('.complaints .register tbody tr').count()).toBe(3)
  })
})
