/**
 * Who is behind, as the office clerk sees it on 2024-05-20: 总览, 报送情况 and 每周进展 name the same units for the
 * same reports, before any file has come in and after the merge set is received (late, on the working date).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './harness'
import { annex2Fixtures, dataDirFor, launchApp, repoRoot } from './harness'
import { onWorkingDate } from '../helpers/workingDate'

const results = join(repoRoot, 'test-results')
onWorkingDate('2024-05-20')
let app: RunningApp
let page: Page

beforeAll(async () => {
  mkdirSync(results, { recursive: true })
  app = await launchApp({ dataDir: await dataDirFor({ unitId: 'office', filler: '王主任', phone: '0930-6210000' }), viewport: { width: 1366, height: 768 } })
  page = app.page
})
afterAll(async () => {
  await app?.close()
})

const tab = (name: RegExp): Promise<void> => page.getByRole('tab', { name }).click()

/** 总览's list: unit → the reports it owes past due ("城南街道：附件1（4月30日前）、附件2（5月10日前）逾期未报"). */
async function overviewBehind(): Promise<Map<string, string[]>> {
  await tab(/总览/)
  await page.locator('.kpi', { hasText: '落后单位' }).waitFor()
  const lines = await page.locator('ul.behind li').allTextContents()
  const kpi = await page.locator('.kpi', { hasText: '落后单位' }).locator('.value').textContent()
  expect(Number(kpi)).toBe(lines.length)
  return new Map(
    lines.map((l) => {
      const [unit = '', owed = ''] = l.split('：')
      return [unit, owed.replace(/逾期未报$/, '').split('、').map((i) => i.replace(/（.*）$/, ''))]
    })
  )
}

/** The units 报送情况 marks 未报送 for the report headed `heading` (e.g. 2024年5月10日前). */
async function reportingMissing(heading: string): Promise<string[]> {
  await tab(/报送情况/)
  const block = page.locator('.deadline', { has: page.locator('h3', { hasText: heading }) })
  return (await block.locator('li.missing').allTextContents()).map((t) => t.replace(/未报送$/, ''))
}

/** The units 每周进展 lists as 未报送 for the Friday shown (the latest up to today: 5/17). */
async function weeklyMissing(): Promise<string[]> {
  await tab(/每周进展/)
  const line = page.locator('.office-weekly > p').first()
  await line.waitFor()
  const text = (await line.textContent()) ?? ''
  return text.replace(/^未报送 \d+ 个单位：/, '').split(/\s/)[0]?.split('、') ?? []
}

const owing = (behind: Map<string, string[]>, label: string): string[] => [...behind].filter(([, items]) => items.includes(label)).map(([unit]) => unit)

describe('who is behind (working date 2024-05-20)', () => {
  it('with nothing received, 总览 names every unit that owes a report past due', async () => {
    const behind = await overviewBehind()
    expect(behind.size).toBe(24)
    expect(owing(behind, '附件1')).toHaveLength(24)
    expect(owing(behind, '附件2')).toEqual(['城南街道', '城北街道', '东关街道', '西关街道', '八坊街道', '红园街道', '东区街道', '城郊镇', '枹罕镇', '南龙镇', '折桥镇'])
    expect(owing(behind, '第1期工作进展')).toHaveLength(18)
    expect(await reportingMissing('2024年5月10日前')).toEqual(owing(behind, '附件2'))
    expect(await reportingMissing('2024年4月30日前')).toEqual(owing(behind, '附件1'))
    expect(await weeklyMissing()).toEqual(owing(behind, '第1期工作进展'))
  })

  it('after the merge set is received on 5/20, every view names the same units, 附件2 received late', async () => {
    const chooser = page.waitForEvent('filechooser')
    await tab(/总览/)
    await page.getByRole('button', { name: '选择文件夹…' }).click()
    await (await chooser).setFiles(resolve(annex2Fixtures, 'merge-set'))
    const stage = page.getByRole('dialog', { name: '接收预览' })
    await stage.getByRole('button', { name: /确认接收/ }).click()
    await stage.waitFor({ state: 'detached' })
    // 总览 reads the office's data again after the intake: wait for the new list before comparing.
    await expect.poll(async () => (await page.locator('ul.behind li').allTextContents()).some((l) => l.includes('附件2'))).toBe(false)

    const behind = await overviewBehind()
    expect(owing(behind, '附件2')).toEqual([])
    // Still owed: the contact list (all 24) and the 5/17 report (towns and task-group leads).
    expect(behind.size).toBe(24)
    expect(await reportingMissing('2024年5月10日前')).toEqual([])
    expect(await reportingMissing('2024年4月30日前')).toEqual(owing(behind, '附件1'))
    expect(await reportingMissing('2024年5月17日前')).toEqual(owing(behind, '第1期工作进展'))
    expect(await weeklyMissing()).toEqual(owing(behind, '第1期工作进展'))
    // Received on 5/20, after the 5/10 deadline, whatever 填报日期 the towns wrote.
    await tab(/报送情况/)
    const annex2 = page.locator('.deadline', { has: page.locator('h3', { hasText: '2024年5月10日前' }) })
    expect(await annex2.locator('li.late').count()).toBe(11)
    expect(await annex2.locator('li.late small').first().textContent()).toBe('2024年5月20日收到 逾期')
    expect(await annex2.locator('li.late').first().getAttribute('title')).toMatch(/^附件2-.+\.xlsx（填报日期：2024年5月\d+日）$/)
    await page.screenshot({ path: join(results, 'e2e-office-behind-reporting.png') })
    await tab(/总览/)
    await page.screenshot({ path: join(results, 'e2e-office-behind-overview.png') })
    // The task groups at work, from the same consolidation.
    const groups = page.getByRole('table', { name: '专责组进展' })
    expect(await groups.locator('tbody tr').count()).toBe(5)
    const industry = groups.locator('tbody tr', { hasText: '工业' })
    expect(Number(await industry.locator('td').nth(2).textContent())).toBeGreaterThan(0)
    expect(await page.getByRole('table', { name: '牵头单位进展' }).locator('tbody tr').count()).toBeGreaterThan(3)
    await groups.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(results, 'e2e-office-task-groups.png') })
  })
  it('the office issues a 通报 naming the units behind, and records a 约谈 linked to what 城南街道 owes', async () => {
    await tab(/督查问责/)
    await page.locator('[aria-label="印发通报"] .unit-checklist summary').click()
    await page.locator('[aria-label="印发通报"] .copy-to label', { hasText: '市工信局' }).getByRole('checkbox').check()
    await page.getByRole('button', { name: '起草并印发通报' }).click()
    const bulletin = page.locator('.register tr', { hasText: '临市散办通〔2024〕1号' })
    await expect.poll(() => bulletin.textContent()).toContain('关于全市“散乱污”问题清理整治工作进展情况的通报：24个单位被点名')
    const download = page.waitForEvent('download')
    await bulletin.getByRole('button', { name: '导出 Word' }).click()
    writeFileSync(join(results, 'e2e-bulletin.docx'), await readFile(await (await download).path()))

    const form = page.locator('[aria-label="登记督查问责"]')
    await form.getByLabel('类别').selectOption('约谈')
    await form.locator('.unit-checklist summary').click()
    await form.locator('.copy-to label', { hasText: '城南街道' }).getByRole('checkbox').check()
    await form.getByLabel('对象').fill('李某某（城南街道分管副主任）')
    await form.getByLabel('内容').fill('联络员名单和第1期工作进展逾期未报送')
    await form.locator('.links label', { hasText: '城南街道：附件1（4月30日前）逾期未报' }).getByRole('checkbox').check()
    await form.getByRole('button', { name: '登记' }).click()
    const talk = page.locator('.register tr', { hasText: '李某某' })
    await expect.poll(() => talk.textContent()).toContain('城南街道附件1逾期')
    expect(await talk.locator('td').nth(1).textContent()).toBe('约谈')
    await page.screenshot({ path: join(results, 'e2e-office-accountability.png') })
  })
})
