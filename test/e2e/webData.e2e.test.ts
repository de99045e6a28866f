/**
 * `npm run web -- --data DIR` as a clerk starts it (the web mode's equivalent of the portable folder choice): the real
 * command in its own process, Chromium on the address it prints; the title and 帮助 → 关于 name DIR and say it was
 * given on the command line. SLW_DATA_DIR likewise, and --data wins over it.
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataSourceText } from '@shared/ipc/dataFolder'
import { dataDirFor, repoRoot } from './harness'

let context: BrowserContext
const profile = mkdtempSync(join(tmpdir(), 'slw-e2e-chromium-'))
const running: ChildProcess[] = []

beforeAll(async () => {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
})
afterAll(async () => {
  await context?.close()
  for (const p of running) p.kill('SIGTERM')
  rmSync(profile, { recursive: true, force: true })
})

/** Starts `tsx electron/web/cli.ts` with the arguments and environment given; resolves with the address it prints. */
function startWeb(args: string[], env: Record<string, string> = {}): Promise<{ url: string; said: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'electron/web/cli.ts'), '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, SLW_DATA_DIR: '', ...env }
  })
  running.push(child)
  let said = ''
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      said += chunk.toString()
      const url = /请在浏览器中打开：(\S+)/.exec(said)?.[1]
      if (url) resolve({ url, said })
    })
    child.on('exit', (code) => reject(new Error(`web mode exited (${String(code)}): ${said}`)))
  })
}

async function aboutOf(url: string): Promise<{ title: string; dataDir: string | null; source: string | null }> {
  const page = await context.newPage()
  await page.goto(url)
  await page.locator('.topbar').getByRole('button', { name: '帮助' }).click()
  const dialog = page.getByRole('dialog', { name: '帮助' })
  await dialog.getByRole('tab', { name: '关于' }).click()
  const value = (label: string): Promise<string | null> => page.locator(`.about dt:text-is("${label}") + dd`).textContent()
  const seen = { title: await page.title(), dataDir: await value('数据目录'), source: await value('数据目录的来源') }
  await page.close()
  return seen
}

describe('the web mode on a data folder named when it is started', () => {
  it('--data DIR: the folder the title and 关于 name, said to come from the command line', async () => {
    const dir = await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
    const { url, said } = await startWeb(['--data', dir])
    expect(said).toContain(`数据目录：${dir}`)
    expect(await aboutOf(url)).toEqual({ title: `散乱污台账 — 数据目录：${dir}`, dataDir: dir, source: dataSourceText('argument') })
  })

  it('SLW_DATA_DIR likewise, and --data wins over it', async () => {
    const fromEnv = await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
    const other = await dataDirFor({ unitId: 't006', filler: '李华', phone: '0930-6212346' })
    const byEnv = await startWeb([], { SLW_DATA_DIR: fromEnv })
    expect(await aboutOf(byEnv.url)).toMatchObject({ dataDir: fromEnv, source: dataSourceText('env') })
    const both = await startWeb(['--data', other], { SLW_DATA_DIR: fromEnv })
    expect(await aboutOf(both.url)).toMatchObject({ dataDir: other, source: dataSourceText('argument') })
  })
})
