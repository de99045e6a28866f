import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closed2023Xlsx } from '../fixtures/huikan/closed2023'
import type { RunningApp } from './harness'
import { cell, cleanBafang, launchApp, repoRoot } from './harness'

const TODAY = '2024-06-20'
let app: RunningApp
let page: Page
const savedToday = process.env['SLW_TODAY']

/** 八坊街道 with the 30 records of clean-bafang.xlsx, working as on 2024-06-20. */
beforeAll(async () => {
  process.env['SLW_TODAY'] = TODAY
  const { dir, data } = await cleanBafang()
  await data.close()
  app = await launchApp({ dataDir: dir })
  page = app.page
})
afterAll(async () => {
  await app?.close()
  if (savedToday === undefined) delete process.env['SLW_TODAY']
  else process.env['SLW_TODAY'] = savedToday
})

const tab = (name: RegExp): Promise<void> => page.getByRole('tab', { name }).click()
const panel = (): ReturnType<Page['locator']> => page.getByRole('complementary', { name: '办理' })
const status = (): Promise<string | null> => panel().locator('.status-badge').textContent()
const action = (label: string): ReturnType<Page['locator']> => panel().locator('.action', { has: page.getByRole('button', { name: new RegExp(`^${label}`) }) })
const saved = async (): Promise<void> => {
  await expect.poll(() => page.getByRole('status').filter({ hasText: /^已保存/ }).count(), { timeout: 10_000 }).toBe(1)
}

async function openRecord(name: string): Promise<void> {
  await tab(/摸底台账/)
  await page.getByLabel('搜索').fill(name)
  await cell(page, 0, 'name').click()
  await page.getByRole('tab', { name: '办理' }).click()
  await expect.poll(() => panel().locator('header').textContent()).toContain(name)
}

/** Fills a field the panel asks for; a date or a choice is saved at once, text when the field is left. */
async function fillNeed(label: string, value: string): Promise<void> {
  const input = panel().getByLabel(label, { exact: true }).first()
  const kind = await input.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : (e as HTMLInputElement).type))
  if (kind === 'select') await input.selectOption(value)
  else if (kind === 'date') await input.fill(value)
  else {
    await input.fill(value)
    await input.press('Enter')
  }
}

describe('lifecycle in Chromium (working date 2024-06-20)', () => {
  it('shows the next report due for the unit', async () => {
    expect(await page.locator('.due').textContent()).toContain('下一报送：2024年6月21日前 每周五中午下班前上报工作进展')
  })

  it('takes a 关停取缔 record from 摸底 through 两断三清 to 销号, refusing each step until it is met', async () => {
    await openRecord('八坊街道八坊社区张某某私屠滥宰点')
    expect(await status()).toBe('已登记')
    expect(await action('停产').locator(':scope > button').isDisabled()).toBe(true)
    expect(await action('停产').textContent()).toContain('还需：填写停产日期')
    await fillNeed('停产日期', '2024-05-20')
    await action('停产').locator(':scope > button').click()
    await expect.poll(status).toBe('已停产')
    await action('开始整治').locator(':scope > button').click()
    await expect.poll(status).toBe('整治中')

    const complete = action('整治完成')
    expect(await complete.locator(':scope > button').isDisabled()).toBe(true)
    expect(await complete.textContent()).toContain('两断三清未完成：断水、断电、清除原料、清除产品、清除设备')
    const checklist = panel().getByRole('region', { name: '两断三清核查' })
    for (const item of ['断电', '清除原料', '清除产品', '清除设备']) await checklist.getByLabel(`${item}·完成日期`).fill('2024-06-10')
    await checklist.getByLabel('断水·不涉及原因').fill('该点位无自来水接入')
    await checklist.getByLabel('断水·不涉及原因').press('Enter')
    await checklist.getByLabel('核查人（签字）').fill('喇建军')
    await checklist.getByLabel('核查人（签字）').press('Enter')
    await checklist.getByLabel('核查日期').fill('2024-06-12')
    await expect.poll(() => complete.textContent()).not.toContain('两断三清未完成')
    await fillNeed('完成日期', '2024-06-12')
    await complete.locator(':scope > button').click()
    await expect.poll(status).toBe('已完成')

    expect(await action('验收通过').textContent()).toContain('验收结论须为“合格”')
    await fillNeed('验收日期', '2024-06-15')
    await fillNeed('验收部门', '市市场监管局')
    await fillNeed('验收结论', '合格')
    await action('验收通过').locator(':scope > button').click()
    await expect.poll(status).toBe('已验收')
    await fillNeed('佐证材料编号', 'BF-2024-002')
    await fillNeed('销号日期', '2024-06-18')
    // 销号 also needs a photo of each 两断三清 item done (断水 was 不涉及) and its 审核人 (issue 21).
    const close = action('销号')
    expect(await close.locator(':scope > button').isDisabled()).toBe(true)
    expect(await close.textContent()).toContain('佐证材料未上传：两断三清-断电、两断三清-清除原料、两断三清-清除产品、两断三清-清除设备')
    const evidence = panel().getByRole('region', { name: '佐证材料' })
    for (const item of ['断电', '清除原料', '清除产品', '清除设备']) {
      await evidence.getByLabel('材料用途').selectOption(`两断三清-${item}`)
      await evidence.locator('input[type=file]').setInputFiles(join(repoRoot, 'test/fixtures/evidence/断电.jpg'))
      await expect.poll(() => evidence.locator('.evidence-list .caption').allTextContents()).toContainEqual(expect.stringContaining(`两断三清-${item}`))
    }
    await expect.poll(() => close.textContent()).not.toContain('佐证材料未上传')
    await fillNeed('销号审核人', '马主任')
    await fillNeed('审核人职务', '八坊街道办事处副主任')
    await close.locator(':scope > button').click()
    await expect.poll(status).toBe('已销号')
    await saved()

    await tab(/清理整顿/)
    await page.getByLabel('搜索').fill('私屠滥宰点')
    await expect.poll(() => cell(page, 0, 'progress').textContent()).toBe('已销号')
    expect(await cell(page, 0, 'tlcWaterMark').textContent()).toBe('不涉及')
    expect(await cell(page, 0, 'tlcPowerMark').textContent()).toBe('√')
    await panel().getByRole('button', { name: '查看修改记录' }).click()
    await expect.poll(() => panel().locator('.history').textContent()).toContain('状态 已验收 → 已销号')
    const history = (await panel().locator('.history').textContent()) ?? ''
    for (const step of ['状态 （空） → 已停产', '状态 已停产 → 整治中', '状态 整治中 → 已完成', '状态 已完成 → 已验收']) expect(history).toContain(step)
  })

  it('takes an 升级改造 record through 验收 to 复产, and flags a restart before acceptance', async () => {
    await openRecord('临夏市博远环保科技有限责任公司')
    await action('开始整治').locator(':scope > button').click()
    await expect.poll(status).toBe('整治中')
    await tab(/整治提升/)
    await page.getByLabel('搜索').fill('博远环保')
    await cell(page, 0, 'restarted').click()
    await page.keyboard.press('F2')
    await page.locator('.choice-editor [role="option"]', { hasText: /^\s*是\s*$/ }).click()
    await page.getByRole('tab', { name: /问题清单/ }).click()
    await expect.poll(() => page.locator('.problems li.error', { hasText: '未经验收合格不得复产' }).count()).toBe(1)

    await page.getByRole('tab', { name: '办理' }).click()
    await fillNeed('完成日期', '2024-06-25')
    await action('整治完成').locator(':scope > button').click()
    await expect.poll(status).toBe('已完成')
    await fillNeed('验收日期', '2024-07-05')
    await fillNeed('验收部门', '州生态环境局临夏市分局')
    await fillNeed('验收结论', '合格')
    await action('验收通过').locator(':scope > button').click()
    await expect.poll(status).toBe('已验收')
    await cell(page, 0, 'restartDate').click()
    await page.keyboard.press('F2')
    await page.locator('.cell-popup-editor input').fill('2024-07-08')
    await page.keyboard.press('Enter')
    await page.getByRole('tab', { name: /问题清单/ }).click()
    await expect.poll(() => page.locator('.problems li', { hasText: '复产' }).count()).toBe(0)
    expect(await cell(page, 0, 'restartDate').textContent()).toBe('2024-07-08')
    await saved()
  })

  it('imports the 2023 closed ledger into 回头看, and reopens an item found back in production', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slw-e2e-2023-')), '八坊街道2023年销号台账.xlsx')
    writeFileSync(file, await closed2023Xlsx())
    await tab(/回头看台账/)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '导入表格…' }).click()
    await (await chooser).setFiles(file)
    const dialog = page.getByRole('dialog', { name: '导入预览' })
    expect(await dialog.locator('.chips').textContent()).toContain('新增 4')
    await dialog.getByRole('button', { name: /确认导入/ }).click()
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 4 条')

    // A 2024 record with the code of an enterprise closed in 2023 is flagged on 摸底.
    await tab(/摸底台账/)
    await page.getByLabel('搜索').fill('')
    await page.getByRole('tab', { name: /问题清单/ }).click()
    const flagged = page.locator('.problems li.warning', { hasText: '疑似死灰复燃' })
    await expect.poll(() => flagged.count()).toBe(1)
    expect(await flagged.textContent()).toContain('临夏市众诚石材有限责任公司')
    expect(await flagged.textContent()).toContain('2023年已销号的“临夏市金城砖厂”')

    await tab(/回头看台账/)
    await page.getByLabel('搜索').fill('马占山')
    for (const [col, option] of [['hkFinding', '关停取缔不彻底'], ['hkResurgent', '是']] as const) {
      await cell(page, 0, col).click()
      await page.keyboard.press('F2')
      await page.locator('.choice-editor [role="option"]', { hasText: new RegExp(`^\\s*${option}\\s*$`) }).click()
    }
    await page.getByRole('tab', { name: '办理' }).click()
    await panel().getByRole('button', { name: '重新立案整治（关停取缔）' }).click()
    await expect.poll(() => panel().textContent()).toMatch(/已重新立案整治，问题编号 LXS-2024-005-\d{4}/)
    await tab(/摸底台账/)
    await page.getByLabel('搜索').fill('马占山皮毛')
    expect(await cell(page, 0, 'source').textContent()).toBe('回头看发现')
    expect(await cell(page, 0, 'category').textContent()).toBe('关停取缔')
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true })
    await cell(page, 0, 'name').click()
    await page.getByRole('tab', { name: '办理' }).click()
    await page.screenshot({ path: join(repoRoot, 'test-results/e2e-lifecycle.png') })
    expect(await status()).toBe('整治中')
  })

  it('a PC left on overnight: when the window regains focus it counts from the new day', async () => {
    expect(await page.locator('.due').textContent()).toContain('还有 1 天')
    process.env['SLW_TODAY'] = '2024-06-22'
    await page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect.poll(() => page.locator('.due').textContent()).toContain('下一报送：2024年6月28日前')
    expect(await page.locator('.due').textContent()).toContain('还有 6 天')
  })
})
