import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { APP_VERSION } from '../../electron/services/appInfo'
import { DataDir, ledgerPath } from '../../electron/services/storage/ledgerStore'
import type { RunningApp } from './harness'
import { cell, launchApp } from './harness'

let app: RunningApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** A 八坊街道 data folder saved twice, so the previous version (.bak) holds 甲厂 and 乙厂 and the current one adds 丙厂. */
async function seededDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'slw-e2e-recovery-'))
  const data = new DataDir(dir, { appVersion: APP_VERSION, campaign: defaultCampaign })
  await (await data.profile()).save({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
  const store = await data.ledger('t005')
  const rec = (id: string, name: string) => ({ id, fields: { town: '八坊街道', name } })
  await store.save({ unitId: 't005', baseGeneration: store.view().generation, changes: { upserts: [rec('a', '临夏市甲厂'), rec('b', '临夏市乙厂')], deletes: [] } }, '马晓明')
  await store.save({ unitId: 't005', baseGeneration: store.view().generation, changes: { upserts: [rec('c', '临夏市丙厂')], deletes: [] } }, '马晓明')
  await data.close()
  return dir
}

describe('damaged and newer ledger files in the app', () => {
  it('a zero-filled ledger: the app opens the newest valid copy, says so in Chinese and keeps the bad file', async () => {
    const dir = await seededDataDir()
    const file = ledgerPath(dir, 't005')
    writeFileSync(file, Buffer.alloc(readFileSync(file).length))
    app = await launchApp({ dataDir: dir })
    const notice = app.page.locator('.notice.warning', { hasText: '已损坏' })
    await expect.poll(() => notice.count()).toBe(1)
    expect(await notice.textContent()).toMatch(/台账文件 ledger\.json 已损坏（.+），已自动恢复为 .+；损坏的文件已另存为 ledger\.json\.corrupt-\S+，未删除。/)
    await expect.poll(() => app!.page.locator('.summary').textContent()).toContain('共 2 条')
    expect(await cell(app.page, 0, 'name').textContent()).toBe('临夏市甲厂')
    expect(readdirSync(dirname(file)).some((f) => f.startsWith('ledger.json.corrupt-'))).toBe(true)
    expect(existsSync(file)).toBe(true)
  })

  it('a ledger saved by a newer version opens read-only', async () => {
    const dir = await seededDataDir()
    const file = ledgerPath(dir, 't005')
    writeFileSync(file, readFileSync(file, 'utf8').replace('"schemaVersion":1', '"schemaVersion":2').replace(`"appVersion":"${APP_VERSION}"`, '"appVersion":"9.0.0"'))
    const before = readFileSync(file)
    app = await launchApp({ dataDir: dir })
    await expect.poll(() => app!.page.locator('.notice', { hasText: '只能查看，不能修改' }).count()).toBeGreaterThan(0)
    await expect.poll(() => app!.page.locator('.summary').textContent()).toContain('共 3 条')
    expect(await app.page.getByRole('button', { name: '新增一行' }).isDisabled()).toBe(true)
    expect(await app.page.getByRole('status').filter({ hasText: '只读' }).count()).toBe(1)
    await cell(app.page, 0, 'name').dblclick()
    expect(await app.page.locator('.ag-cell-inline-editing').count()).toBe(0)
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})
