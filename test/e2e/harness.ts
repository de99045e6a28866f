/**
 * End-to-end harness: the real web mode (same services as Electron) started in-process on 127.0.0.1, driven in
 * Debian Chromium with playwright-core. The renderer must have been built (`electron-vite build`, done by npm test).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { Profile } from '@shared/ipc/contract'
import { APP_VERSION } from '../../electron/services/appInfo'
import type { ExportSaver } from '../../electron/services/export/exportSaver'
import { readAnnexWorkbook } from '../../electron/services/import/readAnnexWorkbook'
import { ImportStager } from '../../electron/services/ledgerImport'
import { createServices } from '../../electron/services/services'
import { DataDir } from '../../electron/services/storage/ledgerStore'
import type { WebServer } from '../../electron/web/server'
import { startWebServer } from '../../electron/web/server'

export const repoRoot = resolve(import.meta.dirname, '../..')
/** The shared reference fixtures, read in place (never copied into the repo). */
export const annex2Fixtures = resolve(repoRoot, 'test/fixtures/annex2')
const rendererDir = join(repoRoot, 'out/renderer')

export interface RunningApp {
  page: Page
  context: BrowserContext
  dataDir: string
  server: WebServer
  /** Stops and starts the server over the same data directory (what a restart of the app does). */
  restart: () => Promise<void>
  close: () => Promise<void>
}

/** A data folder whose first start is already done: the profile of one unit saved. */
export async function dataDirFor(profile: Profile): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'slw-e2e-data-'))
  const data = new DataDir(dir, { appVersion: APP_VERSION, campaign: defaultCampaign })
  await (await data.profile()).save(profile)
  await data.close()
  return dir
}

/**
 * 八坊街道's data folder holding the 30 records of clean-bafang.xlsx, opened for the test's own set-up: close `data`
 * before launching the app on `dir`.
 */
export async function cleanBafang(): Promise<{ dir: string; data: DataDir }> {
  const dir = await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
  const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  const stager = new ImportStager(data, defaultCampaign, (b, name, annex) => readAnnexWorkbook(b, name, { annex }))
  const preview = await stager.preview('t005', 'clean-bafang.xlsx', await readFile(join(annex2Fixtures, 'clean-bafang.xlsx')))
  await stager.commit('t005', preview.stageId, false, '马晓明')
  return { dir, data }
}

/**
 * `desktop`: the page runs as in the desktop app: a `window.slw` bridge (as the preload's) carries its requests, and
 * exports are saved by this ExportSaver, whose chooser stands in for Electron's save dialog.
 */
export async function launchApp(opt: { dataDir?: string; viewport?: { width: number; height: number }; desktop?: ExportSaver } = {}): Promise<RunningApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first')
  const dataDir = opt.dataDir ?? mkdtempSync(join(tmpdir(), 'slw-e2e-data-'))
  const profile = mkdtempSync(join(tmpdir(), 'slw-e2e-chromium-'))
  const token = 'e2e-token-' + Math.random().toString(36).slice(2)
  const serve = (): ReturnType<typeof createServices> => createServices(dataDir, 'web', opt.desktop ? { exportSaver: opt.desktop } : {})
  let services = serve()
  let server = await startWebServer({ handlers: services.handlers, rendererDir, token, log: services.log })
  const port = server.port
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: opt.viewport ?? { width: 1600, height: 900 },
    locale: 'zh-CN'
  })
  if (opt.desktop) {
    await context.addInitScript(() => {
      const invoke = async (channel: string, arg: unknown): Promise<unknown> =>
        (await fetch('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, arg }) })).json()
      Object.assign(window, { slw: { invoke } })
    })
  }
  const page = context.pages()[0] ?? (await context.newPage())
  const app: RunningApp = {
    page,
    context,
    dataDir,
    server,
    restart: async () => {
      await server.close()
      await services.close()
      services = serve()
      server = await startWebServer({ handlers: services.handlers, rendererDir, token, port, log: services.log })
      app.server = server
      // A restarted server knows no session: log in again with its (fresh) link, as a user would.
      await page.goto(server.loginUrl)
    },
    close: async () => {
      await context.close()
      await server.close()
      await services.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
  await page.goto(server.loginUrl)
  return app
}

/** A grid cell by ledger row index (display order) and column id (AG Grid 36 ARIA attributes). */
export function cell(page: Page, rowIndex: number, colId: string): ReturnType<Page['locator']> {
  return page.locator(`[role="row"][row-index="${rowIndex}"] [role="gridcell"][col-id="${colId}"]`)
}

/**
 * Clicks a grid cell until it holds the keyboard focus. A click that lands while the grid re-renders leaves the
 * focus where it was — on 新增一行 after adding rows, where the Enter that ends an edit would add another row.
 */
export async function focusCell(page: Page, rowIndex: number, colId: string): Promise<void> {
  const target = cell(page, rowIndex, colId)
  for (let attempt = 0; attempt < 20; attempt++) {
    await target.click()
    if (await target.evaluate((el) => el.contains(document.activeElement))) return
    await page.waitForTimeout(100)
  }
  throw new Error(`第 ${rowIndex} 行“${colId}”列的单元格拿不到焦点`)
}

/**
 * Makes every file the page reads fail as Chromium fails a file changed or gone since it was picked
 * (NotReadableError): a file held by WPS, or on a USB stick that was pulled.
 */
export async function failFileReads(page: Page): Promise<void> {
  await page.evaluate(() => {
    File.prototype.arrayBuffer = () => Promise.reject(new DOMException('changed since picked', 'NotReadableError'))
  })
}
