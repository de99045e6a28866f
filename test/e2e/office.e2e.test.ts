import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page, Route } from 'playwright-core'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './harness'
import { annex2Fixtures, dataDirFor, failFileReads, launchApp, repoRoot } from './harness'

const mergeSet = resolve(annex2Fixtures, 'merge-set')
const results = join(repoRoot, 'test-results')
let app: RunningApp
let page: Page

beforeAll(async () => {
  mkdirSync(results, { recursive: true })
  app = await launchApp({ dataDir: await dataDirFor({ unitId: 'office', filler: '王主任', phone: '0930-6210000' }) })
  page = app.page
})
afterAll(async () => {
  await app?.close()
})

const stageDialog = (): ReturnType<Page['locator']> => page.getByRole('dialog', { name: '接收预览' })
const tab = (name: RegExp): Promise<void> => page.getByRole('tab', { name }).click()

async function receiveFolder(folder: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: '选择文件夹…' }).click()
  await (await chooser).setFiles(folder)
  await stageDialog().waitFor()
}

async function confirmStage(): Promise<void> {
  await stageDialog().getByRole('button', { name: /确认接收/ }).click()
  await stageDialog().waitFor({ state: 'detached' })
}

/**
 * Holds the app's answers on one IPC channel until release(), so the test can look at the page while the office
 * waits for it, however fast the back end is.
 */
async function holdChannel(channel: string): Promise<{ held: Promise<void>; release: () => Promise<void> }> {
  let release = (): void => {}
  const gate = new Promise<void>((r) => (release = r))
  let reached = (): void => {}
  const held = new Promise<void>((r) => (reached = r))
  let answered = Promise.resolve()
  const handler = async (route: Route): Promise<void> => {
    if ((route.request().postDataJSON() as { channel?: string }).channel !== channel) return route.fallback()
    reached()
    answered = gate.then(() => route.continue())
    await answered
  }
  await page.route('**/api/invoke', handler)
  return {
    held,
    release: async () => {
      release()
      // Only once the held request has gone on: unrouting earlier would answer it a second time.
      await answered
      await page.unroute('**/api/invoke', handler)
    }
  }
}

const working = (): ReturnType<Page['locator']> => page.locator('.toolbar').getByRole('status')

function statusOf(file: string): Promise<string | null> {
  return stageDialog().locator('tr', { has: page.getByRole('cell', { name: file, exact: true }) }).locator('td.status').textContent()
}

describe('office mode in Chromium', () => {
  it('takes in part of the merge set and shows who has not reported 附件2', async () => {
    const partial = mkdtempSync(join(tmpdir(), 'slw-e2e-partial-'))
    const files = readdirSync(mergeSet).filter((f) => f.endsWith('.xlsx') && !/枹罕镇|折桥镇/.test(f))
    for (const f of files) copyFileSync(join(mergeSet, f), join(partial, f))
    // An earlier CSV of 八坊街道 without a 填报日期: the dated workbook replaces it.
    copyFileSync(join(annex2Fixtures, 'bafang-utf8.csv'), join(partial, 'bafang-utf8.csv'))
    files.push('bafang-utf8.csv')
    // A unit's Word report beside them, and a subfolder of old files (枹罕镇's among them): named, not read.
    writeFileSync(join(partial, '工作进展-城南街道-20240510.docx'), 'PK')
    mkdirSync(join(partial, '旧版'))
    copyFileSync(join(mergeSet, '附件2-枹罕镇.xlsx'), join(partial, '旧版', '附件2-枹罕镇.xlsx'))
    // While the files are read the clerk sees so, and cannot start a second import.
    const reading = await holdChannel('office:stage')
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '选择文件夹…' }).click()
    await (await chooser).setFiles(partial)
    await reading.held
    expect(await working().textContent()).toBe(`正在读取 ${files.length} 个文件，请稍候……`)
    expect(await page.getByRole('button', { name: '接收报送文件…' }).isDisabled()).toBe(true)
    const more = await page.evaluateHandle(() => {
      const dt = new DataTransfer()
      dt.items.add(new File(['x'], '附件2-折桥镇.xlsx'))
      return dt
    })
    await page.locator('.office-page').dispatchEvent('drop', { dataTransfer: more })
    expect(await page.locator('.notice').first().textContent()).toContain('正在处理上一批文件，请稍候再拖入。')
    await reading.release()
    await stageDialog().waitFor()
    expect(await working().count()).toBe(0)
    expect(await stageDialog().locator('.left-out').allTextContents()).toEqual([
      '另有 1 个文件不是表格，未读取：工作进展-城南街道-20240510.docx。',
      '子文件夹“旧版”中的文件未读取；如需汇总，请单独选择该文件夹。'
    ])
    expect(await statusOf('附件2-南龙镇-v1.xlsx')).toBe('已被新版本替代')
    expect(await statusOf('附件2-南龙镇-v2.xlsx')).toBe('采用')
    const diffTitle = (unit: string): Promise<string | null> =>
      stageDialog().locator('.version-diff', { hasText: `${unit}：` }).locator('h3').textContent()
    expect(await diffTitle('南龙镇')).toBe('南龙镇：附件2-南龙镇-v2.xlsx（2024年5月10日）替代 附件2-南龙镇-v1.xlsx（2024年5月8日）')
    expect(await statusOf('bafang-utf8.csv')).toBe('已被新版本替代')
    expect(await diffTitle('八坊街道')).toBe('八坊街道：附件2-八坊街道.xlsx（2024年5月9日）替代 bafang-utf8.csv（未填日期）')
    await stageDialog().screenshot({ path: join(results, 'e2e-office-stage.png') })
    await confirmStage()
    await tab(/报送情况/)
    const annex2 = page.locator('.deadline', { hasText: '附件2' })
    expect(await annex2.locator('h3').textContent()).toContain('未报送 2 个单位')
    expect(await annex2.locator('li.missing').allTextContents()).toEqual(['枹罕镇未报送', '折桥镇未报送'])
  })

  it('the whole folder again: files already received change nothing, the rest complete the set', async () => {
    await receiveFolder(mergeSet)
    expect(await statusOf('附件2-城郊镇.xlsx')).toBe('重复文件（已收过）')
    expect(await statusOf('附件2-枹罕镇.xlsx')).toBe('采用')
    await confirmStage()
    await expect.poll(() => page.locator('.summary').textContent()).toContain('汇总 365 条，不重复问题 361 个')
    expect(await page.locator('.deadline', { hasText: '附件2' }).locator('h3').textContent()).toContain('全部报送')
  })

  it('takes files dropped on the page and names what it does not read', async () => {
    const xlsx = readFileSync(join(mergeSet, '附件2-城郊镇.xlsx')).toString('base64')
    const dataTransfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer()
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], '附件2-城郊镇.xlsx'))
      dt.items.add(new File(['PK'], '月度工作总结-城郊镇.docx'))
      return dt
    }, xlsx)
    await page.locator('.office-page').dispatchEvent('drop', { dataTransfer })
    await stageDialog().waitFor()
    expect(await statusOf('附件2-城郊镇.xlsx')).toBe('重复文件（已收过）')
    expect(await stageDialog().locator('.left-out').allTextContents()).toEqual(['另有 1 个文件不是表格，未读取：月度工作总结-城郊镇.docx。'])
    await stageDialog().getByRole('button', { name: '取消' }).click()
    await stageDialog().waitFor({ state: 'detached' })
  })

  it('shows the four conflicts side by side and records a decision', async () => {
    await tab(/重复与冲突/)
    expect(await page.getByRole('tab', { name: /重复与冲突/ }).textContent()).toBe('重复与冲突（4 待处理）')
    const card = page.locator('article.conflict', { hasText: '91622901MA7B8HHWGC' })
    expect(await card.locator('thead').textContent()).toMatch(/城郊镇.*枹罕镇|枹罕镇.*城郊镇/)
    expect(await card.locator('tr.differs', { hasText: '企业（场所）名称' }).count()).toBe(1)
    await card.getByPlaceholder('处理说明').fill('两镇交界，经核实属城郊镇')
    await card.getByRole('button', { name: '归属城郊镇', exact: true }).click()
    await expect.poll(() => card.locator('header').textContent()).toContain('归属城郊镇（王主任')
    expect(await page.getByRole('tab', { name: /重复与冲突/ }).textContent()).toBe('重复与冲突（3 待处理）')
    await page.screenshot({ path: join(results, 'e2e-office-conflicts.png'), fullPage: false })
  })

  it('heads the 汇总 and weekly tables as the printed forms: each group over its own columns', async () => {
    await tab(/^汇总$/)
    const [groups, leaves] = [0, 1].map((i) => page.locator('table.stats thead tr').nth(i).locator('th'))
    expect(await groups?.allTextContents()).toEqual(['单位', '排查问题总数', '按问题类型', '按领域', '按拟整治类别'])
    expect(await page.locator('table.stats thead th', { hasText: '按问题类型' }).getAttribute('colspan')).toBe('3')
    expect((await leaves?.allTextContents())?.slice(0, 3)).toEqual(['散', '乱', '污'])
    const total = page.locator('table.stats tr.total td')
    expect(await total.first().textContent()).toBe('合计')
    // 365 rows less the one the conflict decision above attributed away, as the toolbar says.
    expect(await total.nth(1).textContent()).toBe('364')
    expect(await page.locator('.summary').textContent()).toContain('汇总 364 条')
    await page.screenshot({ path: join(results, 'e2e-office-summary.png') })
    // The weekly 附表 is headed the same way: 本周完成 over its three categories.
    await tab(/每周进展/)
    const weekly = page.locator('table.form-rows thead tr')
    expect(await weekly.first().locator('th', { hasText: '本周完成' }).getAttribute('colspan')).toBe('3')
    expect((await weekly.nth(1).locator('th').allTextContents()).slice(0, 3)).toEqual(['关停取缔', '整合搬迁', '升级改造'])
  })

  it('every reconciliation line is 差异 = 0 and the consolidated workbook exports', async () => {
    await tab(/核对/)
    const lines = page.locator('table.equations tr')
    expect(await lines.count()).toBeGreaterThan(10)
    expect(await page.locator('table.equations tr.bad').count()).toBe(0)
    const download = page.waitForEvent('download')
    const writing = await holdChannel('office:export')
    const exportButton = page.getByRole('button', { name: '导出汇总表' })
    await exportButton.click()
    await writing.held
    expect(await working().textContent()).toBe('正在生成汇总表，请稍候……')
    expect(await exportButton.isDisabled()).toBe(true)
    await page.locator('.toolbar').screenshot({ path: join(results, 'e2e-office-exporting.png') })
    await writing.release()
    const file = join(results, 'e2e-office-汇总.xlsx')
    await (await download).saveAs(file)
    const wb = XLSX.read(readFileSync(file), { type: 'buffer' })
    expect(wb.SheetNames.slice(0, 2)).toEqual(['汇总', '明细'])
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['重复与冲突', '未报送单位', '合并报告', '城郊镇', '枹罕镇']))
    // The office's clerk from its profile, as on its other forms.
    const line = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['汇总'] as XLSX.WorkSheet, { header: 1 })[2]?.join('')
    expect(line).toMatch(/填报人：王主任　+联系电话：0930-6210000/)
    // The 汇总 page as a clerk prints it (LibreOffice is installed by CI).
    if (existsSync('/usr/bin/soffice')) {
      const out = mkdtempSync(join(tmpdir(), 'slw-e2e-pdf-'))
      execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { timeout: 120_000, stdio: 'ignore' })
      const pdf = join(out, 'e2e-office-汇总.pdf')
      expect(existsSync(pdf)).toBe(true)
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, join(results, 'e2e-office-汇总-page')])
      expect(readdirSync(results).some((f) => f.startsWith('e2e-office-汇总-page'))).toBe(true)
    }
  })

  it('says which picked file cannot be read (held by WPS, USB stick pulled), receives none, and frees the page', async () => {
    await failFileReads(page)
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '接收报送文件…' }).click()
    await (await chooser).setFiles(join(mergeSet, '附件2-枹罕镇.xlsx'))
    await page.locator('.notice', { hasText: '本次没有接收任何文件。文件“附件2-枹罕镇.xlsx”无法读取' }).waitFor()
    expect(await page.getByRole('button', { name: '接收报送文件…' }).isEnabled()).toBe(true)
    expect(await stageDialog().count()).toBe(0)
    await page.reload()
  })
})
