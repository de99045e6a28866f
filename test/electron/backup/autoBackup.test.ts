/**
 * 自动备份: one backup per China date, the last 7 days kept; scheduled by the desktop app and the web mode in the
 * background (and not at all when a caller says so); a restore cut off midway is completed at the next start.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_VERSION } from '../../../electron/services/appInfo'
import { autoBackup } from '../../../electron/services/backup/autoBackup'
import { createBackup, verifyBackup } from '../../../electron/services/backup/backup'
import { finishInterruptedRestore } from '../../../electron/services/backup/restore'
import { dispatch } from '../../../electron/services/dispatch'
import { createServices } from '../../../electron/services/services'
import { contents, makeDataFolder, snapshot } from './dataFolder'

let work: string
let source: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'slw-auto-'))
  source = join(work, 'source')
  await makeDataFolder(source)
})
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

/** A copy of the source folder: all of it, or (`backedUp`) what a backup holds, as a restored folder is. */
const fresh = (name: string, backedUp = false): string => {
  const dir = join(work, name)
  for (const [rel, bytes] of contents(source, backedUp)) {
    mkdirSync(join(dir, ...rel.split('/').slice(0, -1)), { recursive: true })
    writeFileSync(join(dir, ...rel.split('/')), bytes)
  }
  return dir
}
/** 08:00 in 临夏 on 2024-05-`day`. */
const morning = (day: number): Date => new Date(Date.UTC(2024, 4, day, 0, 0, 0))

describe('autoBackup', () => {
  it('makes one backup per China date and keeps the last 7 days; other files stay', async () => {
    const dir = fresh('daily')
    const auto = join(dir, '自动备份')
    mkdirSync(auto)
    writeFileSync(join(auto, '恢复前-20240501-080000.zip'), 'kept before a restore')
    writeFileSync(join(auto, '我的备份.zip'), 'the clerk put this here')
    for (let day = 1; day <= 12; day++) {
      const r = await autoBackup(dir, { appVersion: APP_VERSION, now: () => morning(day) })
      expect(r.created?.file).toBe(join(auto, `2024-05-${String(day).padStart(2, '0')}.zip`))
      expect(r.removed).toEqual(day > 7 ? [`2024-05-${String(day - 7).padStart(2, '0')}.zip`] : [])
      // Later the same day (23:59 in 临夏): there is one already.
      expect(await autoBackup(dir, { appVersion: APP_VERSION, now: () => new Date(morning(day).getTime() + 15.9 * 3_600_000) })).toEqual({ created: null, removed: [] })
    }
    expect(readdirSync(auto).sort()).toEqual([
      '2024-05-06.zip', '2024-05-07.zip', '2024-05-08.zip', '2024-05-09.zip', '2024-05-10.zip', '2024-05-11.zip', '2024-05-12.zip',
      '我的备份.zip', '恢复前-20240501-080000.zip'
    ].sort())
    // Each is a whole backup of the data, and never of the automatic backups themselves.
    const check = await verifyBackup(join(auto, '2024-05-12.zip'))
    expect(check.ok && check.manifest.files.map((f) => f.path).filter((p) => p.startsWith('自动备份'))).toEqual([])
    expect(check.ok && Object.fromEntries(check.manifest.files.map((f) => [f.path, f.sha256]))).toEqual(snapshot(source, true))
  })

  it('makes none of a folder with no data yet', async () => {
    const dir = join(work, 'empty')
    mkdirSync(join(dir, 'logs'), { recursive: true })
    expect(await autoBackup(dir, { appVersion: APP_VERSION, now: () => morning(1) })).toEqual({ created: null, removed: [] })
    expect(existsSync(join(dir, '自动备份', '2024-05-01.zip'))).toBe(false)
  })
})

describe('the services', () => {
  it('make the day’s backup in the background, and close leaves only whole backups', async () => {
    const dir = fresh('services')
    const services = createServices(dir, 'web', { autoBackup: { delayMs: 0 } })
    expect(await dispatch(services.handlers, 'app:today', {}, services.log)).toMatchObject({ ok: true })
    // The zip gets its name only once it is whole (written as a temporary file, then renamed).
    const zips = (): string[] => (existsSync(join(dir, '自动备份')) ? readdirSync(join(dir, '自动备份')).filter((n) => n.endsWith('.zip')) : [])
    for (let i = 0; i < 400 && zips().length === 0; i++) await new Promise((r) => setTimeout(r, 25))
    await services.close()
    const made = readdirSync(join(dir, '自动备份'))
    expect(made).toHaveLength(1)
    expect(made[0]).toMatch(/^\d{4}-\d{2}-\d{2}\.zip$/)
    expect((await verifyBackup(join(dir, '自动备份', made[0] as string))).ok).toBe(true)
  })

  it('make none before their first minute, nor when told not to', async () => {
    for (const options of [{}, { autoBackup: false as const }]) {
      const dir = fresh(`quiet-${Object.keys(options).length}`)
      const services = createServices(dir, 'web', options)
      expect(await dispatch(services.handlers, 'app:today', {}, services.log)).toMatchObject({ ok: true })
      await new Promise((r) => setTimeout(r, 100))
      await services.close()
      expect(existsSync(join(dir, '自动备份'))).toBe(false)
    }
  })

  it('hand a backup over as an export (backup:create)', async () => {
    const dir = fresh('export')
    const services = createServices(dir, 'web', { autoBackup: false })
    try {
      const r = await dispatch(services.handlers, 'backup:create', {}, services.log)
      expect(r.ok).toBe(true)
      const file = r.ok ? (r.value as { fileName: string; data: string }) : { fileName: '', data: '' }
      expect(file.fileName).toMatch(/^散乱污台账备份-八坊街道-\d{8}-\d{6}\.zip$/)
      const zip = join(work, file.fileName)
      writeFileSync(zip, Buffer.from(file.data, 'base64'))
      const check = await verifyBackup(zip)
      expect(check.ok && check.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['profile.json', 'units/t005/ledger.json']))
    } finally {
      await services.close()
    }
  })
})

describe('a restore cut off', () => {
  /** A restore's folders beside the data folder, named as restore.ts names them, of a process that has ended. */
  const tag = (kind: string): string => `data.${kind}-20240511-110000-999999999-abcdef`

  it('between its two renames is completed: the restored folder takes the missing folder’s place', async () => {
    const parent = join(work, 'cut1')
    mkdirSync(parent)
    const restored = fresh('cut1/' + tag('restored'), true)
    const old = fresh('cut1/' + tag('replaced'))
    mkdirSync(join(old, '自动备份'))
    writeFileSync(join(old, '自动备份', '恢复前-20240511-110000.zip'), 'kept')
    const said = await finishInterruptedRestore(join(parent, 'data'))
    expect(said).toMatch(/已完成恢复/)
    expect(readdirSync(parent)).toEqual(['data'])
    expect(snapshot(join(parent, 'data'), true)).toEqual(snapshot(source, true))
    expect(readFileSync(join(parent, 'data', '自动备份', '恢复前-20240511-110000.zip'), 'utf8')).toBe('kept')
    expect(existsSync(restored)).toBe(false)
  })

  it('between its renames, then a start that logged into a new folder: the restore is still completed, the log kept', async () => {
    const parent = join(work, 'cut5')
    mkdirSync(join(parent, 'data', 'logs'), { recursive: true })
    writeFileSync(join(parent, 'data', 'logs', '2024-05-12.log'), 'started')
    fresh('cut5/' + tag('restored'), true)
    fresh('cut5/' + tag('replaced'))
    expect(await finishInterruptedRestore(join(parent, 'data'))).toMatch(/已完成恢复/)
    expect(readdirSync(parent)).toEqual(['data'])
    expect(snapshot(join(parent, 'data'), true)).toEqual(snapshot(source, true))
    // The start's log line and the logs of the folder replaced, merged.
    expect(readdirSync(join(parent, 'data', 'logs')).sort()).toEqual(['2024-05-09.log', '2024-05-12.log'])
    expect(readFileSync(join(parent, 'data', 'logs', '2024-05-12.log'), 'utf8')).toBe('started')
  })

  it('before its swap leaves the folder as it was and removes the staging folders', async () => {
    const parent = join(work, 'cut2')
    mkdirSync(parent)
    fresh('cut2/data')
    writeFileSync(join(parent, 'data', 'profile.json'), 'the folder as it is')
    fresh('cut2/' + tag('restoring'), true)
    fresh('cut2/' + tag('restored'), true)
    expect(await finishInterruptedRestore(join(parent, 'data'))).toMatch(/已删除上次恢复留下的临时文件夹/)
    expect(readdirSync(parent)).toEqual(['data'])
    expect(readFileSync(join(parent, 'data', 'profile.json'), 'utf8')).toBe('the folder as it is')
    expect(await finishInterruptedRestore(join(parent, 'data'))).toBeNull()
  })

  it('after its first rename with no complete folder puts the old folder back', async () => {
    const parent = join(work, 'cut3')
    mkdirSync(parent)
    const before = join(work, 'cut3-before.zip')
    fresh('cut3/data')
    await createBackup(join(parent, 'data'), before, { appVersion: APP_VERSION })
    renameSync(join(parent, 'data'), join(parent, tag('replaced')))
    fresh('cut3/' + tag('restoring'), true)
    expect(await finishInterruptedRestore(join(parent, 'data'))).toMatch(/已放回原来的数据文件夹/)
    expect(readdirSync(parent)).toEqual(['data'])
    expect(snapshot(join(parent, 'data'), true)).toEqual(snapshot(source, true))
  })

  it('of a restore still running in another process is left alone', async () => {
    const parent = join(work, 'cut4')
    mkdirSync(parent)
    fresh('cut4/data')
    const running = join(parent, `data.restoring-20240511-110000-${process.ppid}-abcdef`)
    mkdirSync(running)
    expect(await finishInterruptedRestore(join(parent, 'data'))).toBeNull()
    expect(existsSync(running)).toBe(true)
  })
})
