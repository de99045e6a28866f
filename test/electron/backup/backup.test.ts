/**
 * 备份与恢复 (issue 23): a data folder backed up, wiped and restored is the same folder byte for byte; a restore over
 * a folder in use keeps that folder as it was first; the backup is made while the app is saving.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { APP_VERSION } from '../../../electron/services/appInfo'
import { createBackup, verifyBackup } from '../../../electron/services/backup/backup'
import type { BackupManifest } from '../../../electron/services/backup/format'
import { restoreBackup } from '../../../electron/services/backup/restore'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { contents, makeDataFolder, snapshot } from './dataFolder'

let work: string
let original: string
let zip: string

beforeAll(async () => {
  original = mkdtempSync(join(tmpdir(), 'slw-backup-src-'))
  await makeDataFolder(original)
})
afterAll(() => {
  rmSync(original, { recursive: true, force: true })
})

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'slw-restore-'))
  zip = join(work, '备份.zip')
})
afterEach(() => {
  rmSync(work, { recursive: true, force: true })
})

const copyOf = (from: string, to: string): string => {
  for (const [rel, bytes] of contents(from, false)) {
    mkdirSync(join(to, ...rel.split('/').slice(0, -1)), { recursive: true })
    writeFileSync(join(to, ...rel.split('/')), bytes)
  }
  return to
}

describe('a backup', () => {
  it('holds every file of the folder with its sha256, and nothing a backup leaves out', async () => {
    const made = await createBackup(original, zip, { appVersion: APP_VERSION, now: () => new Date('2024-05-10T02:03:04Z') })
    const expected = snapshot(original, true)
    const paths = Object.keys(expected)
    // What the set-up made: two ledgers (one with its .bak and daily backup), evidence, the registry and received files.
    expect(paths).toEqual(expect.arrayContaining(['profile.json', 'units/t005/ledger.json', 'units/t005/ledger.json.bak', 'units/t006/ledger.json', 'units/t005/attachments/index.json', 'office/registry.json']))
    expect(paths.filter((p) => p.startsWith('units/t005/backups/ledger.json.20240510-'))).toHaveLength(1)
    expect(paths.filter((p) => p.startsWith('units/t005/attachments/files/'))).toHaveLength(3)
    expect(paths.filter((p) => p.startsWith('office/files/')).length).toBeGreaterThanOrEqual(2)
    expect(made).toMatchObject({ file: zip, files: paths.length, createdAt: '2024-05-10T10:03:04+08:00', appVersion: APP_VERSION })
    expect(made.sha256).toBe(createHash('sha256').update(readFileSync(zip)).digest('hex'))
    expect(made.zipBytes).toBe(readFileSync(zip).length)

    const entries = unzipSync(new Uint8Array(readFileSync(zip)))
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as BackupManifest
    expect(manifest).toMatchObject({ format: 'slw-backup', formatVersion: 1, appVersion: APP_VERSION, createdAt: '2024-05-10T10:03:04+08:00' })
    expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]))).toEqual(expected)
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', ...paths.map((p) => `data/${p}`)].sort())
    // Left out by design: locks and takeover claims, temp files, the logs.
    expect(Object.keys(entries).filter((n) => /\.lock|\.tmp$|^data\/logs\//.test(n))).toEqual([])
    expect(made.bytes).toBe(manifest.files.reduce((n, f) => n + f.size, 0))

    expect(await verifyBackup(zip)).toMatchObject({ ok: true, files: paths.length, sha256: made.sha256 })
  })

  it('keeps empty files, Chinese names and deep folders as they are', async () => {
    const dir = join(work, 'odd')
    mkdirSync(join(dir, '收到的文件', '第一批', 'a', 'b'), { recursive: true })
    writeFileSync(join(dir, '空.json'), '')
    writeFileSync(join(dir, '收到的文件', '第一批', 'a', 'b', '附件2-八坊街道（修改稿）.xlsx'), Buffer.alloc(70_000, 7))
    writeFileSync(join(dir, 'Profile.JSON.backup'), 'x'.repeat(5000))
    await createBackup(dir, zip, { appVersion: APP_VERSION })
    const target = join(work, 'odd-restored')
    await restoreBackup(zip, target, { appVersion: APP_VERSION })
    expect(contents(target)).toEqual(contents(dir))
    expect(Object.keys(snapshot(target))).toEqual(['Profile.JSON.backup', '收到的文件/第一批/a/b/附件2-八坊街道（修改稿）.xlsx', '空.json'].sort((a, b) => a.localeCompare(b)))
  })

  it('is not saved inside the data folder, where the next backup would take it in', async () => {
    await expect(createBackup(original, join(original, 'x.zip'), { appVersion: APP_VERSION })).rejects.toThrow(/不能保存在数据文件夹/)
    expect(existsSync(join(original, 'x.zip'))).toBe(false)
  })

  it('leaves no file when it cannot be written', async () => {
    await expect(createBackup(original, join(work, 'no-such-folder', 'b.zip'), { appVersion: APP_VERSION })).rejects.toMatchObject({ code: 'ENOENT' })
    expect(readdirSync(work)).toEqual([])
  })

  it('is made while the app saves, each file whole', async () => {
    const live = copyOf(original, join(work, 'live'))
    const data = new DataDir(live, { appVersion: APP_VERSION, campaign: defaultCampaign })
    try {
      const ledger = await data.ledger('t006')
      let saving = true
      const saves = (async () => {
        for (let i = 0; saving; i++) {
          const record = { id: `live${i % 5}`, fields: { name: `第${i}次保存的企业` } }
          await ledger.save({ unitId: 't006', baseGeneration: ledger.generation, changes: { upserts: [record], deletes: [] } }, '马晓明')
        }
      })()
      try {
        for (let i = 0; i < 5; i++) {
          const made = await createBackup(live, join(work, `live-${i}.zip`), { appVersion: APP_VERSION })
          expect((await verifyBackup(made.file)).ok).toBe(true)
          // The ledger as one of its saves left it: whole, the hash in its head matching its payload.
          const text = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(made.file)))['data/units/t006/ledger.json'])
          const saved = JSON.parse(text) as { format: string; sha256: string; payload: unknown }
          expect(saved.format).toBe('slw-ledger')
          const payload = text.slice(text.indexOf(',"payload":') + ',"payload":'.length, -1)
          expect(createHash('sha256').update(payload).digest('hex')).toBe(saved.sha256)
        }
      } finally {
        saving = false
        await saves
      }
      expect(ledger.generation).toBeGreaterThan(5)
    } finally {
      await data.close()
    }
  })
})

describe('a restore', () => {
  it('of a wiped folder gives back every file byte for byte, and the stores open it', async () => {
    await createBackup(original, zip, { appVersion: APP_VERSION })
    const target = join(work, 'data')
    copyOf(original, target)
    rmSync(target, { recursive: true, force: true })
    const done = await restoreBackup(zip, target, { appVersion: APP_VERSION })
    expect(done).toMatchObject({ files: Object.keys(snapshot(original, true)).length, safetyCopy: null, leftover: null })
    expect(contents(target)).toEqual(contents(original))
    // Nothing else: no staging folder beside it, no lock left behind.
    expect(snapshot(target)).toEqual(snapshot(original, true))
    expect(readdirSync(work).sort()).toEqual(['data', '备份.zip'])

    const data = new DataDir(target, { appVersion: APP_VERSION, campaign: defaultCampaign })
    try {
      expect((await data.ledger('t005')).view().records.map((r) => r.id).sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r9'])
      expect((await data.ledger('t005')).notices).toEqual([])
      expect((await data.attachments('t005')).all).toHaveLength(3)
      expect((await data.office()).submissions.length).toBeGreaterThanOrEqual(2)
    } finally {
      await data.close()
    }
  })

  it('over a folder in use keeps that folder first, and carries its automatic backups and logs over', async () => {
    await createBackup(original, zip, { appVersion: APP_VERSION })
    const target = copyOf(original, join(work, 'data'))
    // Changes made since the backup, which the restore undoes; the copy kept before the restore still has them.
    const data = new DataDir(target, { appVersion: APP_VERSION, campaign: defaultCampaign })
    const ledger = await data.ledger('t006')
    await ledger.save({ unitId: 't006', baseGeneration: ledger.generation, changes: { upserts: [{ id: 'new', fields: { name: '恢复前新增' } }], deletes: [] } }, '马晓明')
    await data.close()
    mkdirSync(join(target, '自动备份'))
    writeFileSync(join(target, '自动备份', '2024-05-08.zip'), 'an older automatic backup')
    const before = snapshot(target, true)
    const logs = readFileSync(join(target, 'logs', '2024-05-09.log'))

    const done = await restoreBackup(zip, target, { appVersion: APP_VERSION, now: () => new Date('2024-05-11T03:00:00Z') })
    expect(contents(target)).toEqual(contents(original))
    expect(done.safetyCopy?.file).toBe(join(target, '自动备份', '恢复前-20240511-110000.zip'))
    expect(readdirSync(join(target, '自动备份')).sort()).toEqual(['2024-05-08.zip', '恢复前-20240511-110000.zip'])
    expect(readFileSync(join(target, 'logs', '2024-05-09.log'))).toEqual(logs)
    expect(done.leftover).toBeNull()
    expect(readdirSync(work).sort()).toEqual(['data', '备份.zip'])

    // The copy kept is the folder as it was: restoring it undoes the restore.
    const kept = join(work, 'kept.zip')
    writeFileSync(kept, readFileSync(done.safetyCopy?.file as string))
    const check = await verifyBackup(kept)
    expect(check.ok && Object.fromEntries(check.manifest.files.map((f) => [f.path, f.sha256]))).toEqual(before)
    await restoreBackup(kept, target, { appVersion: APP_VERSION })
    expect(snapshot(target, true)).toEqual(before)
  })
})
