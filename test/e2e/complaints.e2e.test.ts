/**
 * 举报受理 in Chromium at 1366×768 (issue 21), on 2024-05-25: the office registers a 12345 report on a site 八坊街道
 * closed and sends it in an exchange file; 八坊街道's clerk takes the file in, sees it matched to the closed site as a
 * 死灰复燃 lead, turns it into a problem record (来源 群众举报) that the ledger then shows, and records the result.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './harness'
import { cell, cleanBafang, dataDirFor, launchApp, repoRoot } from './harness'
import { onWorkingDate } from '../helpers/workingDate'

onWorkingDate('2024-05-25')
let office: RunningApp
let unit: RunningApp
let closed: { name: string; address: string }

beforeAll(async () => {
  const { dir, data } = await cleanBafang()
  // One of 八坊街道's enterprises closed (已销号) on 5/15.
  const ledger = await data.ledger('t005')
  const record = ledger.view().records.find((r) => r.fields['category'] === '关停取缔')
  if (!record) throw new Error('a 关停取缔 record')
  closed = { name: String(record.fields['name']), address: String(record.fields['address']) }
  await ledger.save({ unitId: 't005', baseGeneration: ledger.generation, changes: { upserts: [{ id: record.id, fields: { ...record.fields, status: '已销号', closeDate: '2024-05-15' } }], deletes: [] } }, '马晓明')
  await data.close()
  office = await launchApp({ dataDir: await dataDirFor({ unitId: 'office', filler: '王主任', phone: '0930-6210000' }), viewport: { width: 1366, height: 768 } })
  unit = await launchApp({ dataDir: dir, viewport: { width: 1366, height: 768 } })
})
afterAll(async () => {
  await office?.close()
  await unit?.close()
})

const form = (page: Page): ReturnType<Page['locator']> => page.getByRole('form', { name: '登记举报' })
const detail = (page: Page): ReturnType<Page['locator']> => page.getByRole('complementary', { name: '举报详情' })

describe('a public report (working date 2024-05-25)', () => {
  let exchange: Buffer

  it('is registered at the office and sent to 八坊街道 without the reporter', async () => {
    const page = office.page
    await page.getByRole('tab', { name: '举报受理' }).click()
    await page.getByRole('button', { name: '登记举报…' }).click()
    await form(page).getByLabel('受理渠道').selectOption('12345')
    await form(page).getByLabel('举报人（可不填）').fill('李某')
    await form(page).getByLabel('被举报对象').fill(closed.name)
    await form(page).getByLabel('被举报地址').fill(closed.address)
    await form(page).getByLabel('举报内容').fill('夜间又在生产，噪声和黑烟很大')
    await form(page).getByLabel('分办单位').selectOption('八坊街道')
    await form(page).getByLabel('办理时限').fill('2024年5月31日')
    await form(page).getByRole('button', { name: '保存' }).click()
    await form(page).waitFor({ state: 'detached' })
    const row = page.locator('.complaints .register tbody tr').first()
    expect(await row.locator('td').allTextContents()).toEqual(['举报〔2024〕1号', '2024年5月25日', '12345', closed.name, '八坊街道', '2024年5月31日', '待办理', ''])
    expect(await page.locator('.complaint-stats').textContent()).toBe('共受理举报 1 件，已办结 0 件，办结率 0.0%。')

    await page.getByLabel('发给').selectOption('八坊街道')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出交办文件' }).click()
    exchange = await readFile(await (await download).path())
    expect(exchange.toString('utf8')).not.toContain('李某')
  })

  it('is taken in by 八坊街道, matched to its closed site, turned into a record and 办结', async () => {
    const page = unit.page
    await page.getByRole('button', { name: '举报受理' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '导入举报交办文件…' }).click()
    await (await chooser).setFiles({ name: '举报交办.json', mimeType: 'application/json', buffer: exchange })
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain('已导入领导小组办公室的举报交办文件：新增 1 件，更新 0 件。')
    await page.getByRole('button', { name: '举报〔2024〕1号' }).click()
    expect(await detail(page).locator('.matches li').first().textContent()).toMatch(new RegExp(`^疑似死灰复燃：与已销号的“${closed.name}”`))
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-complaint-lead.png') })

    await detail(page).getByRole('button', { name: '转为问题记录（来源：群众举报）' }).click()
    await expect.poll(() => detail(page).textContent()).toContain('已转为问题记录：八坊街道 LXS-2024-005-0031')
    await detail(page).getByLabel('是否属实').selectOption('是')
    await detail(page).getByLabel('办理结果').fill('现场核查属实，已断电停产，重新立案整治')
    await detail(page).getByLabel('办结日期').fill('2024-05-25')
    await detail(page).getByRole('button', { name: '办结' }).click()
    await expect.poll(() => page.locator('.complaint-stats').textContent()).toBe('共受理举报 1 件，已办结 1 件，办结率 100.0%。')
    expect(await detail(page).locator('.complaint-history li').allTextContents()).toEqual([
      '2024年5月25日 王主任 登记：12345受理',
      '2024年5月25日 王主任 交办：交八坊街道办理',
      '2024年5月25日 马晓明 转为问题记录：八坊街道LXS-2024-005-0031',
      '2024年5月25日 马晓明 办结：2024-05-25'
    ])
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-complaint-done.png') })

    // The ledger shows the new record, 来源 群众举报, next to the closed one it looks like.
    await page.getByRole('button', { name: '台账' }).click()
    await page.getByLabel('搜索').fill('举报〔2024〕1号转入')
    await expect.poll(() => cell(page, 0, 'problemNo').textContent()).toBe('LXS-2024-005-0031')
    expect([await cell(page, 0, 'name').textContent(), await cell(page, 0, 'source').textContent()]).toEqual([closed.name, '群众举报'])
    await page.screenshot({ path: join(repoRoot, 'test-results', 'e2e-complaint-record.png') })
  })
})
