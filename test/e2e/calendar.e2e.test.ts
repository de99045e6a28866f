/**
 * The office extends a deadline (附件2: 5/10 → 5/15, with reason and approval) and sends the calendar file; a unit
 * takes it in, and its reminder moves — working date 2024-05-08.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './harness'
import { dataDirFor, launchApp, repoRoot } from './harness'
import { onWorkingDate } from '../helpers/workingDate'

const results = join(repoRoot, 'test-results')
onWorkingDate('2024-05-08')
let officeApp: RunningApp
let unitApp: RunningApp

beforeAll(async () => {
  mkdirSync(results, { recursive: true })
  officeApp = await launchApp({ dataDir: await dataDirFor({ unitId: 'office', filler: '王主任', phone: '0930-6210000' }), viewport: { width: 1366, height: 768 } })
  unitApp = await launchApp({ dataDir: await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' }), viewport: { width: 1366, height: 768 } })
})
afterAll(async () => {
  await officeApp?.close()
  await unitApp?.close()
})

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download')
  await click()
  const d = await download
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) }
}

describe('an extended deadline reaches a unit (working date 2024-05-08)', () => {
  it('the office moves 附件2 to 5/15, the unit takes the file, and its reminder says 5/15', async () => {
    const unit = unitApp.page
    const due = unit.locator('.ledger .due')
    await expect.poll(() => due.textContent()).toBe('下一报送：2024年5月10日前 报送《临夏市“散乱污”问题摸底情况汇总表》（附件2，加盖公章）（还有 2 天）')

    const office = officeApp.page
    await office.getByRole('tab', { name: '工作方案' }).click()
    const row = office.locator('.office-calendar tbody tr', { hasText: '附件2' })
    await row.getByRole('button', { name: '调整' }).click()
    await row.getByLabel(/新的时间/).fill('2024-05-15')
    await row.getByLabel('调整原因').fill('实施方案5月印发，摸底时间顺延')
    await row.getByLabel('批准人或批准文件').fill('市领导小组第2次会议')
    await row.getByRole('button', { name: '确认调整' }).click()
    await expect.poll(() => row.locator('td.changed').textContent()).toBe('2024年5月15日')
    expect(await office.getByRole('list', { name: '调整记录' }).textContent()).toContain('王主任：报送《临夏市“散乱污”问题摸底情况汇总表》（附件2，加盖公章）改为2024年5月15日（原因：实施方案5月印发，摸底时间顺延；批准：市领导小组第2次会议）')
    await office.screenshot({ path: join(results, 'e2e-office-calendar.png') })
    const file = await downloaded(office, () => office.getByRole('button', { name: '导出日程文件（发各单位）' }).click())
    expect(file.name).toBe('工作日程-临夏市-第1版.json')
    const path = join(mkdtempSync(join(tmpdir(), 'slw-e2e-calendar-')), file.name)
    writeFileSync(path, file.bytes)

    // The office's own 报送情况 follows: 附件2 is due 5/15, still days to go.
    await office.getByRole('tab', { name: '报送情况' }).click()
    await expect.poll(() => office.locator('.deadline', { hasText: '附件2' }).locator('h3').textContent()).toContain('2024年5月15日前')

    await unit.getByRole('button', { name: '统计图表' }).click()
    const chooser = unit.waitForEvent('filechooser')
    await unit.getByRole('button', { name: '导入日程调整文件…' }).click()
    await (await chooser).setFiles(path)
    await expect.poll(() => unit.locator('.dashboard .notice').first().textContent()).toContain('已采用第1版工作日程：报送《临夏市“散乱污”问题摸底情况汇总表》（附件2，加盖公章）改为2024年5月15日。')
    // The campaign is read again after the import: the list follows once it has come.
    await expect.poll(() => unit.locator('.upcoming li').first().textContent()).toBe('5月15日前：报送《临夏市“散乱污”问题摸底情况汇总表》（附件2，加盖公章）（还有 7 天）')
    await unit.screenshot({ path: join(results, 'e2e-unit-calendar.png') })
    await unit.getByRole('button', { name: '台账' }).click()
    await expect.poll(() => due.textContent()).toBe('下一报送：2024年5月15日前 报送《临夏市“散乱污”问题摸底情况汇总表》（附件2，加盖公章）（还有 7 天）')
  })
})
