/**
 * The ledger's layout and keys as a clerk used to Excel expects them, at the office's 1366×768 screen: the name
 * stays in sight, eight columns or more show, the side panel folds away, the column layout survives a reload, and
 * Enter, Tab, Delete, Ctrl+F and Ctrl+Z do what they do in Excel. Then nothing wraps at 1024×768.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { APP_VERSION } from '../../electron/services/appInfo'
import { DataDir } from '../../electron/services/storage/ledgerStore'
import { sampleLedger } from '../../bench/sampleLedger'
import type { RunningApp } from './harness'
import { cell, dataDirFor, launchApp } from './harness'

let app: RunningApp
let page: Page

beforeAll(async () => {
  const dir = await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
  const data = new DataDir(dir, { appVersion: APP_VERSION, campaign: defaultCampaign })
  const store = await data.ledger('t005')
  await store.save({ unitId: 't005', baseGeneration: store.view().generation, changes: { upserts: sampleLedger('t005', '005', 40, 7).records, deletes: [] } }, '马晓明')
  await data.close()
  app = await launchApp({ dataDir: dir, viewport: { width: 1366, height: 768 } })
  page = app.page
  await cell(page, 0, 'name').waitFor()
})
afterAll(async () => {
  await app?.close()
})

const header = (colId: string): ReturnType<Page['locator']> => page.locator(`.ag-header-cell[col-id="${colId}"]`)

/** Column ids whose header is wholly inside the grid (the row checkboxes not counted). */
const headersInSight = (): Promise<string[]> =>
  page.evaluate(() => {
    const grid = document.querySelector('.ag-root-wrapper')?.getBoundingClientRect()
    if (!grid) return []
    return [...document.querySelectorAll<HTMLElement>('.ag-header-cell[col-id]')]
      .filter((h) => {
        const r = h.getBoundingClientRect()
        return r.width > 0 && r.left >= grid.left - 1 && r.right <= grid.right + 1 && !h.getAttribute('col-id')?.startsWith('ag-Grid-')
      })
      .map((h) => h.getAttribute('col-id') as string)
  })

const gridWidth = (): Promise<number> => page.locator('.ag-root-wrapper').evaluate((e) => e.getBoundingClientRect().width)

/** Where the keyboard focus is in the grid: row index and column id. */
const focusedCell = (): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement?.closest('[role="gridcell"]')
    return `${el?.closest('[role="row"]')?.getAttribute('row-index')}:${el?.getAttribute('col-id')}`
  })

const width = (colId: string): Promise<number> => header(colId).evaluate((e) => Math.round(e.getBoundingClientRect().width))
const place = (colId: string): Promise<number> => header(colId).evaluate((e) => Number(e.getAttribute('aria-colindex')))

async function reload(): Promise<void> {
  await page.reload({ waitUntil: 'commit' })
  await cell(page, 0, 'name').waitFor()
}

describe('the ledger grid at 1366×768', () => {
  it('shows eight columns or more, and 序号 and 企业（场所）名称 stay in sight when scrolled right', async () => {
    expect((await headersInSight()).length).toBeGreaterThanOrEqual(8)
    await page.locator('.ag-body-horizontal-scroll-viewport').evaluate((e) => (e.scrollLeft = e.scrollWidth))
    await expect.poll(headersInSight).not.toContain('town')
    const inSight = await headersInSight()
    expect(inSight).toEqual(expect.arrayContaining(['seq', 'name', 'remarks']))
    expect(await cell(page, 0, 'name').isVisible()).toBe(true)
    await page.locator('.ag-body-horizontal-scroll-viewport').evaluate((e) => (e.scrollLeft = 0))
  })

  it('folds the side panel to a strip and gives the grid its width', async () => {
    const open = await gridWidth()
    await page.getByRole('button', { name: '收起侧栏' }).click()
    await expect.poll(gridWidth).toBeGreaterThan(open + 300)
    expect(await page.locator('.side').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThan(40)
    await page.getByRole('tab', { name: /问题清单/ }).click()
    await expect.poll(gridWidth).toBe(open)
    await expect.poll(() => page.locator('.problems').isVisible()).toBe(true)
  })

  it('remembers a column width, order and sort after a reload, and 恢复默认列宽 brings the default back', async () => {
    const defaults = { width: await width('town'), townPlace: await place('town'), operatorPlace: await place('operator') }
    expect(defaults.operatorPlace).toBeGreaterThan(defaults.townPlace)
    // Widen 乡镇（街道） by its resize handle.
    const handle = (await header('town').locator('.ag-header-cell-resize').boundingBox())!
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
    await page.mouse.down()
    await page.mouse.move(handle.x + 60, handle.y + handle.height / 2, { steps: 8 })
    await page.mouse.up()
    // Drag 经营者 in front of 乡镇（街道）.
    const from = (await header('operator').locator('.ag-header-cell-label').boundingBox())!
    const to = (await header('town').boundingBox())!
    await page.mouse.move(from.x + 10, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(to.x + 5, to.y + to.height / 2, { steps: 15 })
    await page.mouse.up()
    // Sort by 村（社区）.
    await header('village').locator('.ag-header-cell-text').click()
    await expect.poll(() => header('village').getAttribute('aria-sort')).toBe('ascending')
    const wide = await width('town')
    expect(wide).toBeGreaterThan(defaults.width + 40)
    expect(await place('operator')).toBeLessThan(await place('town'))

    await reload()
    expect(await width('town')).toBe(wide)
    expect(await place('operator')).toBeLessThan(await place('town'))
    expect(await header('village').getAttribute('aria-sort')).toBe('ascending')

    await page.getByRole('button', { name: '恢复默认列宽' }).click()
    await expect.poll(() => width('town')).toBe(defaults.width)
    expect(await place('operator')).toBe(defaults.operatorPlace)
    expect(await header('village').getAttribute('aria-sort')).not.toBe('ascending')
  })

  it('opens with what still fits of a saved layout that names columns the form no longer has', async () => {
    // (A corrupt entry is covered by test/renderer/columnLayout.test.ts.)
    await page.evaluate(() =>
      localStorage.setItem(
        'slw.columnLayout.v1.annex2',
        JSON.stringify({
          columnSizing: { columnSizingModel: [{ colId: 'gone', width: 300 }, { colId: 'village', width: 222 }] },
          columnOrder: { orderedColIds: ['gone', 'village', 'seq'] },
          sort: { sortModel: [{ colId: 'gone', sort: 'asc' }] },
          filter: { filterModel: { gone: { filterType: 'text', type: 'contains', filter: 'x' } } },
          filterKinds: { gone: 'agTextColumnFilter' }
        })
      )
    )
    await reload()
    expect(await width('village')).toBe(222)
    expect(await page.locator('[role="row"][row-index]').count()).toBeGreaterThan(5)
    await page.getByRole('button', { name: '恢复默认列宽' }).click()
  })

  it('moves down on Enter and up on Shift+Enter, after an edit too', async () => {
    // Typing starts an edit (keys, as an IME's Chinese is not a key press until an editor is open).
    await cell(page, 2, 'village').click()
    await page.keyboard.type('Xinhua 3')
    await page.keyboard.press('Enter')
    await expect.poll(() => cell(page, 2, 'village').textContent()).toBe('Xinhua 3')
    expect(await focusedCell()).toBe('3:village')
    await page.keyboard.press('Enter')
    expect(await focusedCell()).toBe('4:village')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.press('Shift+Enter')
    expect(await focusedCell()).toBe('2:village')
  })

  it('keeps every character typed at once after Tab', async () => {
    for (let k = 0; k < 8; k++) {
      await cell(page, 5 + k, 'industry').click()
      await page.keyboard.type(`hy${k}`)
      await page.keyboard.press('Tab')
      await page.keyboard.type(`cp${k}x`)
      await page.keyboard.press('Enter')
      await expect.poll(() => cell(page, 5 + k, 'products').textContent()).toBe(`cp${k}x`)
      expect(await cell(page, 5 + k, 'industry').textContent()).toBe(`hy${k}`)
    }
  })

  it('clears a cell on Delete, through undo and autosave', async () => {
    const before = await cell(page, 1, 'operator').textContent()
    expect(before).not.toBe('')
    await cell(page, 1, 'operator').click()
    await page.keyboard.press('Delete')
    await expect.poll(() => cell(page, 1, 'operator').textContent()).toBe('')
    await page.keyboard.press('ControlOrMeta+Z')
    await expect.poll(() => cell(page, 1, 'operator').textContent()).toBe(before)
    await page.keyboard.press('ControlOrMeta+Y')
    await expect.poll(() => cell(page, 1, 'operator').textContent()).toBe('')
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^已保存/ }).count()).toBe(1)
  })

  it('takes Ctrl+F to the search box, where Ctrl+Z undoes the typing and not the ledger', async () => {
    await cell(page, 3, 'town').click()
    await page.keyboard.press('ControlOrMeta+F')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('搜索')
    await page.keyboard.type('祁')
    await page.keyboard.press('ControlOrMeta+Z')
    // Until the search box has undone the typing, the grid still shows the rows matching 祁.
    await expect.poll(() => page.getByLabel('搜索').inputValue()).toBe('')
    expect(await cell(page, 1, 'operator').textContent()).toBe('')
    await page.getByLabel('搜索').fill('')
  })
})

describe('at 1024×768', () => {
  /**
   * For each bar, how far its items overlap vertically (negative once one wraps below another), and the height of
   * the tallest button or label (two lines of text would be about 40 px).
   */
  const lines = (): Promise<{ bars: Record<string, number>; tallest: number }> =>
    page.evaluate(() => {
      const bars: Record<string, number> = {}
      for (const sel of ['.topbar', '.ledger .tabs', '.toolbar']) {
        const items = [...(document.querySelector(sel)?.children ?? [])].filter((c) => (c as HTMLElement).offsetWidth > 0)
        const rects = items.map((c) => c.getBoundingClientRect())
        bars[sel] = Math.round(Math.min(...rects.map((r) => r.bottom)) - Math.max(...rects.map((r) => r.top)))
      }
      const texts = [...document.querySelectorAll<HTMLElement>('.topbar button, .topbar span, .ledger .tabs button, .toolbar button, .toolbar .summary')]
      return { bars, tallest: Math.max(...texts.filter((t) => t.offsetWidth > 0).map((t) => t.getBoundingClientRect().height)) }
    })

  it('keeps the header, the tabs and the toolbar on one line each, panel open or folded', async () => {
    await page.setViewportSize({ width: 1024, height: 768 })
    for (const fold of [false, true]) {
      if (fold) await page.getByRole('button', { name: '收起侧栏' }).click()
      const { bars, tallest } = await lines()
      for (const [bar, overlap] of Object.entries(bars)) expect(overlap, bar).toBeGreaterThan(0)
      expect(tallest).toBeLessThan(40)
    }
  })
})
