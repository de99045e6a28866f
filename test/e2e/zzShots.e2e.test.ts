import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { it, vi } from 'vitest'
import { ExportSaver } from '../../electron/services/export/exportSaver'
import { dataDirFor, launchApp } from './harness'

const excel = vi.hoisted(() => ({ holds: null as string | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return { ...real, rename: async (from: string, to: string) => { if (to === excel.holds) throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' }); return real.rename(from, to) } }
})
const vp = { width: 1366, height: 768 }

it('shots', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'shots-'))
  const target = join(folder, '附件2-八坊街道.xlsx')
  writeFileSync(target, 'open in Excel')
  excel.holds = target
  const saver = new ExportSaver(async () => target, folder)
  const app = await launchApp({ dataDir: await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' }), desktop: saver, viewport: vp })
  await app.page.getByRole('button', { name: '导出附件2' }).click()
  await app.page.locator('.notice.error').waitFor({ timeout: 30_000 })
  await app.page.screenshot({ path: '/tmp/shots/export-busy.png' })
  excel.holds = null
  await app.page.locator('.notice.error').getByRole('button', { name: '重试' }).click()
  await app.page.locator('.notice:not(.error)').filter({ hasText: '已生成' }).waitFor()
  await app.page.screenshot({ path: '/tmp/shots/export-saved.png' })
  await app.close()

  const data = await dataDirFor({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
  const other = spawn('sleep', ['600'])
  writeFileSync(join(data, 'profile.json.lock'), JSON.stringify({ pid: other.pid, hostname: hostname(), startedAt: new Date().toISOString(), nonce: 'ab', program: 'cli' }))
  const locked = await launchApp({ dataDir: data, viewport: vp })
  await locked.page.waitForTimeout(4000)
  await locked.page.screenshot({ path: '/tmp/shots/locked.png' })
  await locked.close()
  other.kill()
}, 120_000)
