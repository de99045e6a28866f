import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApp } from './harness'
import { cell, focusCell, launchApp, repoRoot } from './harness'

let app: RunningApp
let page: Page

beforeAll(async () => {
  app = await launchApp()
  page = app.page
})
afterAll(async () => {
  await app?.close()
})

async function typeInto(row: number, col: string, text: string): Promise<void> {
  await focusCell(page, row, col)
  await page.keyboard.press('F2')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await expect.poll(() => cell(page, row, col).textContent()).toBe(text)
}

async function pick(row: number, col: string, option: string): Promise<void> {
  await focusCell(page, row, col)
  // F2 opens the editor (Enter moves down, as in Excel) with its list of options.
  await page.keyboard.press('F2')
  await page.locator('.choice-editor [role="option"]', { hasText: new RegExp(`^\\s*${option}\\s*$`) }).click()
  await expect.poll(() => cell(page, row, col).textContent()).toBe(option)
}

async function pasteAtFocus(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('ControlOrMeta+V')
}

const saved = (): ReturnType<Page['locator']> => page.getByRole('status').filter({ hasText: /^已保存/ })

// Five rows as copied from Excel, columns 企业（场所）名称 … 完成时限; the third has a wrong check digit (…EN2).
const BLOCK = [
  ['临夏市兴旺食品加工坊', '92622901MA7AA7J3TQ', '马兴旺', '13993012345', '临夏市八坊街道王寺街社区前河沿路12号', '工业', '食品加工', '清真糕点', '乱、污', '油烟直排', '有', '无', '无', '无', '无', '升级改造', '安装油烟净化设施', '2024/6/30'],
  ['临夏市顺通汽修部', '91622901846955219C', '韩顺通', '0930-6214567', '临夏市八坊街道大南岔社区东环路18号', '服务业', '汽车修理与维护', '汽车维修', '乱、污', '无喷漆房', '有', '无', '无', '无', '无', '整合搬迁', '搬迁至开发区', '2024年7月31日'],
  ['临夏市恒发石材厂', '91622901MA7FLD4EN2', '杨恒发', '15593012345', '临夏市八坊街道清华社区建设路41号', '工业', '建筑用石加工', '石材切割', '散、乱、污', '粉尘无组织排放', '有', '无', '无', '无', '无', '关停取缔', '依法取缔', '2024-06-20'],
  ['八坊社区马某某废品收购点', '无', '马某某', '18893012345', '临夏市八坊街道八坊社区枹罕路200号', '无证照', '再生物资回收', '废品收购', '散、乱', '露天堆放', '无', '无', '无', '无', '无', '关停取缔', '依法取缔', '2024-06-15'],
  ['临夏市清河洗车行', '92622901MA733BDEXM', '苏清河', '13309301234', '临夏市八坊街道铁家社区滨河路30号', '服务业', '洗车', '洗车服务', '污', '洗车废水直排', '有', '无', '无', '无', '无', '升级改造', '建设沉淀池', '2024-08-31']
]

describe('摸底台账 in Chromium (web mode)', () => {
  it('first start: choose 八坊街道 and fill the profile', async () => {
    await page.getByText('八坊街道').click()
    await page.getByLabel('填报人').fill('马晓明')
    await page.getByLabel('联系电话').fill('0930 6212345')
    await page.getByRole('button', { name: '确定' }).click()
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('八坊街道填报人：马晓明　联系电话：0930-6212345')
  })

  it('adds two rows, types Chinese and picks dropdown values', async () => {
    await page.getByRole('button', { name: '新增一行' }).click()
    await page.getByRole('button', { name: '新增一行' }).click()
    await expect.poll(() => cell(page, 1, 'town').textContent()).toBe('八坊街道')
    await typeInto(0, 'name', '临夏市万通汽车服务有限责任公司')
    await typeInto(1, 'name', '临夏市众诚石材有限责任公司')
    await typeInto(0, 'uscc', '91622901MA7FLD4EN1')
    await typeInto(0, 'address', '临夏市八坊街道大南岔社区东环路8号')
    await pick(0, 'sector', '服务业')
    await pick(0, 'category', '整合搬迁')
    await pick(1, 'sector', '工业')
    await pick(1, 'leadDept', '市工信局')
    await focusCell(page, 0, 'problemTypes')
    await page.keyboard.press('F2')
    await page.getByRole('group', { name: '问题类型（可多选）' }).getByText('乱').click()
    await page.getByRole('group', { name: '问题类型（可多选）' }).getByText('污').click()
    await page.getByRole('button', { name: '确定' }).click()
    await expect.poll(() => cell(page, 0, 'problemTypes').textContent()).toBe('乱、污')
    await focusCell(page, 0, 'deadline')
    await page.keyboard.press('F2')
    await page.locator('.cell-popup-editor input').fill('2024-07-05')
    await page.keyboard.press('Enter')
    await expect.poll(() => cell(page, 0, 'deadline').textContent()).toBe('2024-07-05')
  })

  it('pastes a 5-row block copied from Excel at the focused cell, as one undo step', async () => {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.getByRole('button', { name: '新增一行' }).click()
    await focusCell(page, 2, 'name')
    await pasteAtFocus(BLOCK.map((r) => r.join('\t')).join('\r\n') + '\r\n')
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 7 条')
    await expect.poll(() => cell(page, 6, 'name').textContent()).toBe('临夏市清河洗车行')
    expect(await cell(page, 3, 'deadline').textContent()).toBe('2024-07-31')
    expect(await cell(page, 2, 'problemTypes').textContent()).toBe('乱、污')

    await page.getByRole('button', { name: '撤销' }).click()
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 3 条')
    await page.getByRole('button', { name: '重做' }).click()
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 7 条')
  })

  it('flags the invalid 统一社会信用代码 in the cell and the problem list, and the fix clears it', async () => {
    const bad = cell(page, 4, 'uscc')
    await expect.poll(() => bad.getAttribute('class')).toContain('cell-error')
    const listed = page.locator('.problems li.error', { hasText: '校验位错误' })
    await expect.poll(() => listed.count()).toBe(1)
    expect(await listed.textContent()).toContain('第5行 · 统一社会信用代码（临夏市恒发石材厂）')
    await bad.hover()
    await expect.poll(() => page.locator('.ag-tooltip').textContent()).toContain('按 GB 32100 应为“1”')

    // A click on the listed problem focuses the cell; the clerk types the code from the licence.
    await listed.locator('button').click()
    await page.keyboard.press('F2')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('91622901MA7AYMTJX2')
    await page.keyboard.press('Enter')
    await expect.poll(() => bad.textContent()).toBe('91622901MA7AYMTJX2')
    await expect.poll(() => page.locator('.problems li', { hasText: '第5行 · 统一社会信用代码' }).count()).toBe(0)
    await expect.poll(() => bad.getAttribute('class')).not.toContain('cell-error')
  })

  it('everything is still there after a restart and a reload', async () => {
    await expect.poll(() => saved().count(), { timeout: 10_000 }).toBe(1)
    await app.restart()
    await page.reload()
    await expect.poll(() => page.locator('.summary').textContent()).toContain('共 7 条')
    const names = []
    for (let r = 0; r < 7; r++) names.push(await cell(page, r, 'name').textContent())
    expect(names).toEqual(['临夏市万通汽车服务有限责任公司', '临夏市众诚石材有限责任公司', ...BLOCK.map((b) => b[0])])
    expect(await cell(page, 0, 'sector').textContent()).toBe('服务业')
    expect(await cell(page, 0, 'problemTypes').textContent()).toBe('乱、污')
    expect(await cell(page, 4, 'uscc').textContent()).toBe('91622901MA7AYMTJX2')
    expect(await cell(page, 1, 'leadDept').textContent()).toBe('市工信局')
    expect(await cell(page, 0, 'problemNo').textContent()).toBe('LXS-2024-005-0001')
    expect(await page.locator('.topbar').textContent()).toContain('马晓明')
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true })
    await page.screenshot({ path: join(repoRoot, 'test-results/e2e-ledger.png') })
    // Without a CJK font every character renders as a box while the DOM still reads right: measure a glyph.
    const width = await page.evaluate(() => {
      const c = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D
      c.font = '16px "Noto Sans CJK SC"'
      return [c.measureText('台').width, c.measureText('账').width]
    })
    expect(width[0]).toBeGreaterThan(12)
  })
})
