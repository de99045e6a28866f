/**
 * 帮助 in the top bar (the web mode has no menus): 关于 shows the version and the data folder the app was started
 * on, 使用说明 the plan's reporting dates; the window title names the folder. Then the desktop menus' commands, as
 * the preload's onMenu delivers them (a stand-in bridge), reach the same dialogs and the ledger's search box.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyBackup } from '../../electron/services/backup'
import type { RunningApp } from './harness'
import { dataDirFor, launchApp, repoRoot } from './harness'

const results = join(repoRoot, 'test-results')
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version
let app: RunningApp
let page: Page

beforeAll(async () => {
  mkdirSync(results, { recursive: true })
  app = await launchApp({ dataDir: await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' }), viewport: { width: 1366, height: 768 } })
  page = app.page
})
afterAll(async () => {
  await app?.close()
})

/** The value 关于 shows against a label (the label matched whole: 数据目录 is not 数据目录的来源). */
const about = (label: string): ReturnType<Page['locator']> => page.locator(`.about dt:text-is("${label}") + dd`)

describe('帮助', () => {
  it('关于 shows the version and the data folder the app was started on', async () => {
    await expect.poll(() => page.title()).toBe(`散乱污台账 — 数据目录：${app.dataDir}`)
    await page.locator('.topbar').getByRole('button', { name: '帮助' }).click()
    const dialog = page.getByRole('dialog', { name: '帮助' })
    await dialog.getByRole('tab', { name: '关于' }).click()
    expect(await about('数据目录').textContent()).toBe(app.dataDir)
    expect(await about('版本').textContent()).toBe(version)
    expect(await about('日志目录').textContent()).toBe(join(app.dataDir, 'logs'))
    expect(await about('数据目录的来源').textContent()).toContain('默认')
    await page.screenshot({ path: join(results, 'e2e-about.png') })

    await dialog.getByRole('tab', { name: '使用说明' }).click()
    const dates = await dialog.locator('.help-dates li').allTextContents()
    expect(dates).toContain('2024年5月10日前：报送《临夏市“散乱污”问题摸底情况汇总表》（附件2，加盖公章）')
    expect(dates).toContain('2024年6月28日前：报送月度工作总结和《临夏市“散乱污”问题清理整顿情况汇总表》（附件3）')
    expect(dates).toContain('2024年9月30日前：报送《临夏市“散乱污”问题整治提升情况汇总表》（附件4，加盖公章）')
    expect(dates.some((d) => d.includes('每周五中午下班前上报工作进展'))).toBe(true)
    // The web mode has no menus: the guide says how to back up without them.
    expect(await dialog.textContent()).toContain('在“关于”中点“备份数据…”')
    await page.screenshot({ path: join(results, 'e2e-guide.png') })
    // The rest of the guide scrolls inside the dialog; 关闭 stays in view.
    await dialog.locator('.help-body').evaluate((body) => body.scrollTo(0, body.scrollHeight))
    expect(await dialog.textContent()).toContain('散乱污台账数据')
    await page.screenshot({ path: join(results, 'e2e-guide-end.png') })

    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
  })

  it('关于 backs the whole data folder up into one zip whose every file checks against its manifest', async () => {
    await page.locator('.topbar').getByRole('button', { name: '帮助' }).click()
    const dialog = page.getByRole('dialog', { name: '帮助' })
    await dialog.getByRole('tab', { name: '关于' }).click()
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: '备份数据…' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^散乱污台账备份-八坊街道-.+\.zip$/)
    const saved = join(results, 'e2e-backup.zip')
    await file.saveAs(saved)
    const check = await verifyBackup(saved, { appVersion: version })
    expect(check.ok && check.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['profile.json']))
    expect(await dialog.locator('.notice').textContent()).toContain('建议把备份另外拷贝到U盘或其他电脑')
    await page.screenshot({ path: join(results, 'e2e-backup.png') })
    await dialog.getByRole('button', { name: '关闭' }).click()
  })

  it('the desktop menus’ commands reach 关于, 使用说明 and the ledger’s search; unknown ids do nothing', async () => {
    // A stand-in for the preload: invoke over the web mode's /api, and onMenu handing the test the listener.
    await page.context().addInitScript(() => {
      const invoke = async (channel: string, arg: unknown): Promise<unknown> =>
        (await fetch('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, arg }) })).json()
      const onMenu = (listener: (command: string) => void): (() => void) => {
        Object.assign(window, { menu: listener })
        return () => undefined
      }
      Object.assign(window, { slw: { invoke, onMenu } })
    })
    await page.reload()
    await page.locator('.ledger .search').waitFor()
    const menu = (command: string): Promise<void> => page.evaluate((c) => (window as unknown as { menu: (c: string) => void }).menu(c), command)
    const dialog = page.getByRole('dialog', { name: '帮助' })

    await menu('about')
    expect(await dialog.getByRole('tab', { name: '关于' }).getAttribute('aria-selected')).toBe('true')
    expect(await about('数据目录').textContent()).toBe(app.dataDir)
    await dialog.getByRole('button', { name: '关闭' }).click()

    await menu('guide')
    expect(await dialog.getByRole('tab', { name: '使用说明' }).getAttribute('aria-selected')).toBe('true')
    // 关闭, not Escape: the dialog listens for Escape from an effect, which may not be in place the instant it shows.
    await dialog.getByRole('button', { name: '关闭' }).click()
    await expect.poll(() => dialog.count()).toBe(0)

    await menu('find')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('搜索')

    // On another page, 导入 is said to belong to the ledger.
    await page.locator('.topbar').getByRole('button', { name: '每周工作进展' }).click()
    await menu('import')
    await expect.poll(() => page.locator('.notice').last().textContent()).toContain('“导入”用于台账的表格')

    await menu('reload')
    await menu('__proto__')
    expect(await dialog.count()).toBe(0)
  })
})
