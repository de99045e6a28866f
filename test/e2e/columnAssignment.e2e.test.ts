/**
 * 列的对应 in Chromium at 1366×768 (issue 22): 八坊街道's clerk imports a list whose headers the program does not know
 * (经营场所, 整改要求), assigns the two columns in the preview and imports; next week's list from the same sender,
 * with the same headers, maps itself.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { DRAFT_MARK } from '../../electron/services/export/formBlock'
import { readSheetJs, sheetRows } from '../electron/export/readBack'
import type { Plain } from '../helpers/handMadeForms'
import { handMadeXlsx } from '../helpers/handMadeForms'
import type { RunningApp } from './harness'
import { cell, dataDirFor, launchApp, repoRoot } from './harness'
import { onWorkingDate } from '../helpers/workingDate'

onWorkingDate('2024-05-16')
let app: RunningApp
let page: Page

beforeAll(async () => {
  app = await launchApp({ dataDir: await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' }), viewport: { width: 1366, height: 768 } })
  page = app.page
})
afterAll(async () => {
  await app?.close()
})

const dialog = (): ReturnType<Page['locator']> => page.getByRole('dialog', { name: '导入预览' })
const assignment = (): ReturnType<Page['locator']> => dialog().locator('.column-assignment')
const COLS = ['序号', '企业名称', '经营场所', '整改要求', '存在的主要问题']

async function importList(name: string, rows: Plain[][]): Promise<void> {
  const buffer = await handMadeXlsx({ title: '八坊街道“散乱污”排查清单', unitLine: null, cols: COLS, rows })
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '导入表格…' }).click()
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer })
  await dialog().waitFor()
}

describe('columns the program does not know (working date 2024-05-16)', () => {
  it('are assigned by the clerk in the preview, and the file comes in with them', async () => {
    await importList('排查清单-第1周.xlsx', [
      [1, '临夏市祥和石材加工厂', '八坊街道王寺街38号', '安装喷淋降尘设施', '无喷淋降尘设施'],
      [2, '临夏市马进才汽修部', '八坊街道团结路12号', '建成密闭喷漆房', '无喷漆房']
    ])
    expect(await assignment().locator('summary').textContent()).toBe('列的对应（5 列，2 列未对应）')
    expect(await assignment().locator('tbody tr').nth(2).locator('td').allTextContents()).toEqual(['C', '经营场所', '八坊街道王寺街38号、八坊街道团结路12号', expect.any(String)])
    await assignment().getByLabel('“经营场所”导入到').selectOption({ label: '详细地址' })
    await assignment().getByLabel('“整改要求”导入到').selectOption({ label: '整治措施' })
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-column-assignment.png') })
    await assignment().getByRole('button', { name: '按此对应重新预览' }).click()
    await expect.poll(() => assignment().locator('summary').textContent()).toBe('列的对应（5 列）')
    await dialog().getByRole('button', { name: /确认导入（新增 2/ }).click()
    await dialog().waitFor({ state: 'detached' })
    await page.getByLabel('搜索').fill('祥和石材')
    await expect.poll(() => cell(page, 0, 'address').textContent()).toBe('八坊街道王寺街38号')
    expect(await cell(page, 0, 'measures').textContent()).toBe('安装喷淋降尘设施')
  })

  it('maps next week’s file with the same headers by itself', async () => {
    await page.getByLabel('搜索').fill('')
    await importList('排查清单-第2周.xlsx', [[1, '临夏市兴旺食品加工坊', '八坊街道大南岔社区5号', '改用电能', '燃煤炉灶无治理设施']])
    expect(await assignment().locator('summary').textContent()).toBe('列的对应（5 列）：已按上次对同样表头的指定对应')
    expect(await assignment().getByLabel('“经营场所”导入到').inputValue()).toBe('address')
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-column-assignment-remembered.png') })
    // Only a name, an address, measures and problems: every row lacks the other required fields (待补充), not wrong values.
    expect(await dialog().locator('tbody tr').first().locator('td').last().textContent()).toMatch(/^待补充 \d+/)
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-import-drafts.png') })
    await dialog().getByRole('button', { name: /确认导入（新增 1/ }).click()
    await dialog().waitFor({ state: 'detached' })
    await page.getByLabel('搜索').fill('兴旺食品')
    await expect.poll(() => cell(page, 0, 'address').textContent()).toBe('八坊街道大南岔社区5号')
    expect(await cell(page, 0, 'measures').textContent()).toBe('改用电能')
  })

  it('are never exported as the form to seal and send while 待补充: only as a draft, marked so', async () => {
    let asked = ''
    page.once('dialog', (d) => {
      asked = d.message()
      void d.accept()
    })
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出附件2' }).click()
    expect(asked).toContain('附件2中有 3 条记录未填完（待补充），不能导出正式报送的表格')
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^附件2-八坊街道-\d{8}-草稿\.xlsx$/)
    await file.saveAs(join(repoRoot, 'test-results', 'e2e-draft-export.xlsx'))
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-draft-export.png') })
    const book = readSheetJs(readFileSync((await file.path()) as string))
    expect(sheetRows(book, '摸底台账')[1]?.[0]).toBe(`${annex2.title}${DRAFT_MARK}`)
    expect(await page.locator('.notice', { hasText: '这是草稿，补全未填完的记录后请重新导出再报送' }).count()).toBe(1)
  })
})
