/**
 * 核对 as the office clerk sees it on 2024-06-28 (issue 20, findings 1 and 5): 城郊镇's 附件3 has a record with an
 * error (completed before it was stopped) and a problem found after its 附件2. The record is counted and listed red with
 * its error; the difference between 附件2 and 附件3 is shown and holds the 附件3 workbook back until the clerk
 * writes why and confirms it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { annex3 } from '@shared/annexes/annex3'
import type { LedgerRecord } from '@shared/ledger/record'
import { formFile, unitRecords } from '../electron/office/unitExports'
import type { RunningApp } from './harness'
import { dataDirFor, launchApp, repoRoot } from './harness'
import { onWorkingDate } from '../helpers/workingDate'

const results = join(repoRoot, 'test-results')
onWorkingDate('2024-06-28')
let app: RunningApp
let page: Page
let files: string[]
let wrong: LedgerRecord

beforeAll(async () => {
  mkdirSync(results, { recursive: true })
  const all = unitRecords('城郊镇', 8, 5)
  wrong = all.find((r) => r.fields['category'] === '关停取缔') as LedgerRecord
  wrong.fields = { ...wrong.fields, completeDate: '2024-05-12' }
  const found = { ...(all[3] as LedgerRecord), id: 'new', fields: { ...(all[3] as LedgerRecord).fields, name: '临夏市城郊镇新发现石料厂', uscc: '无', address: '城郊镇王坪村9号', foundDate: '2024-05-14' } }
  const dir = mkdtempSync(join(tmpdir(), 'slw-e2e-checks-'))
  files = [join(dir, '附件2-城郊镇.xlsx'), join(dir, '附件3-城郊镇.xlsx')]
  writeFileSync(files[0] as string, await formFile(annex2, '城郊镇', all, '2024-05-09'))
  writeFileSync(files[1] as string, await formFile(annex3, '城郊镇', [...all, found], '2024-06-27'))
  app = await launchApp({ dataDir: await dataDirFor({ unitId: 'office', filler: '王主任', phone: '0930-6210000' }), viewport: { width: 1366, height: 768 } })
  page = app.page
})
afterAll(async () => {
  await app?.close()
})

describe('核对 at the office (working date 2024-06-28)', () => {
  it('lists the row with an error red, counted, and holds 附件3 back until the difference is confirmed', async () => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '接收报送文件…' }).click()
    await (await chooser).setFiles(files)
    const stage = page.getByRole('dialog', { name: '接收预览' })
    await stage.getByRole('button', { name: /确认接收/ }).click()
    await stage.waitFor({ state: 'detached' })

    await page.getByLabel('汇总表格').selectOption('annex3')
    await expect.poll(() => page.locator('.summary').textContent()).toBe('汇总 9 条，不重复问题 9 个')
    const checks = page.getByRole('tab', { name: /核对/ })
    await expect.poll(() => checks.textContent()).toBe('核对（1 项不符，1 条有错误）')
    await checks.click()
    const flagged = page.locator('.flagged-rows')
    expect(await flagged.locator('h3').textContent()).toMatch(/^有错误的记录 1 条/)
    expect(await flagged.locator('tbody tr td').allTextContents()).toEqual([
      '城郊镇',
      '附件3-城郊镇.xlsx',
      expect.stringMatching(/^第\d+行$/),
      wrong.fields['name'],
      expect.stringMatching(/^完成日期（[A-Z]+\d+）：/)
    ])
    const difference = page.locator('.cross-checks tr.bad')
    expect(await difference.locator('td').nth(1).textContent()).toBe('附件3有1个问题不在附件2中（摸底后新发现的，应补报附件2）：临夏市城郊镇新发现石料厂')
    const exportButton = page.getByRole('button', { name: '导出汇总表' })
    expect(await exportButton.isDisabled()).toBe(true)
    await page.screenshot({ path: join(results, 'e2e-office-checks.png') })

    await difference.getByLabel('差异原因').fill('5月14日群众举报新发现，已补入台账')
    await difference.getByRole('button', { name: '确认差异' }).click()
    const confirmed = page.locator('.cross-checks tr.confirmed')
    await expect.poll(() => confirmed.locator('td').nth(2).textContent()).toMatch(/^已确认：5月14日群众举报新发现，已补入台账（王主任，/)
    await expect.poll(() => exportButton.isDisabled()).toBe(false)
    await expect.poll(() => checks.textContent()).toBe('核对（1 条有错误）')
    await page.screenshot({ path: join(results, 'e2e-office-checks-confirmed.png') })
  })
})
