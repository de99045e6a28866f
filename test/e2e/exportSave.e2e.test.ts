/**
 * Exports in the desktop app, driven through the page: the services save them where the (stand-in) save dialog
 * says, and the page says 已生成 only for bytes on disk. Electron's dialog is replaced by a chooser the test answers.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ExportSaver } from '../../electron/services/export/exportSaver'
import type { RunningApp } from './harness'
import { dataDirFor, launchApp } from './harness'

// Excel or WPS holding a file: renames onto it fail with EBUSY until it is closed.
const excel = vi.hoisted(() => ({ holds: null as string | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (to === excel.holds) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}' -> '${to}'`), { code: 'EBUSY' })
      return real.rename(from, to)
    }
  }
})

const folder = mkdtempSync(join(tmpdir(), 'slw-e2e-saved-'))
const target = join(folder, '附件2-报送.xlsx')
/** What the clerk picks in the next save dialogs (null: 取消), and how many dialogs were shown. */
const dialog = { answers: [] as (string | null)[], shown: 0 }
let app: RunningApp
let page: Page

beforeAll(async () => {
  const saver = new ExportSaver(async () => {
    dialog.shown++
    return dialog.answers.shift() ?? null
  }, folder)
  app = await launchApp({ dataDir: await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' }), desktop: saver })
  page = app.page
})
afterAll(async () => {
  await app?.close()
  rmSync(folder, { recursive: true, force: true })
})

/** Clicks 导出附件2 and waits for the page to have the answer of file:save. */
async function exportAnnex2(): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/invoke') && (r.request().postData() ?? '').includes('"file:save"'))
  await page.getByRole('button', { name: '导出附件2' }).click()
  await saved
}

describe('exports in the desktop app', () => {
  it('a cancelled save dialog writes nothing and says nothing', async () => {
    dialog.answers = [null]
    await exportAnnex2()
    expect(dialog.shown).toBe(1)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)))
    expect(await page.locator('.notice').count()).toBe(0)
    expect(readdirSync(folder)).toEqual([])
    expect(await page.getByRole('button', { name: '导出附件2' }).isEnabled()).toBe(true)
  })

  it('says 已生成 with the place once the file is on disk', async () => {
    dialog.answers = [target]
    await exportAnnex2()
    await expect.poll(() => page.locator('.notice span').textContent()).toBe(`已生成并保存到“${target}”。请打印、盖章后报送。`)
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK')
  })

  it('onto a copy open in Excel/WPS: says to close it, keeps the old copy, and 重试 saves there without asking again', async () => {
    writeFileSync(target, 'the copy open in Excel')
    excel.holds = target
    dialog.answers = [target]
    dialog.shown = 0
    await exportAnnex2() // the busy-retry waits its 10 s before giving up
    const notice = page.locator('.notice.error')
    expect(await notice.locator('span').textContent()).toBe('“附件2-报送.xlsx”正在被 Excel/WPS 打开，请先在 Excel/WPS 中关闭该文件，然后点“重试”。')
    expect(readFileSync(target, 'utf8')).toBe('the copy open in Excel')
    expect(readdirSync(folder)).toEqual(['附件2-报送.xlsx'])

    excel.holds = null
    await notice.getByRole('button', { name: '重试' }).click()
    await expect.poll(() => page.locator('.notice span').textContent()).toBe(`已生成并保存到“${target}”。请打印、盖章后报送。`)
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK')
    expect(dialog.shown).toBe(1)
    expect(readdirSync(folder)).toEqual(['附件2-报送.xlsx'])
  })
})
