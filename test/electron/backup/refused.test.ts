/**
 * A backup that cannot be trusted is refused whole, naming what is wrong, and the folder it would restore into is
 * left exactly as it was: a changed byte, a file missing from the manifest or from the zip, an entry that climbs
 * out of the folder, a newer program's backup, a zip bomb; and a folder a live program is using is not replaced.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { APP_VERSION } from '../../../electron/services/appInfo'
import { createBackup, verifyBackup } from '../../../electron/services/backup/backup'
import type { BackupManifest } from '../../../electron/services/backup/format'
import { BACKUP_LIMITS, compareVersions } from '../../../electron/services/backup/format'
import { restoreBackup } from '../../../electron/services/backup/restore'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { makeDataFolder, snapshot } from './dataFolder'

let work: string
let source: string
let target: string
let good: Buffer
let photo: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'slw-refused-'))
  source = join(work, 'source')
  await makeDataFolder(source)
  await createBackup(source, join(work, 'good.zip'), { appVersion: '0.1.0' })
  good = readFileSync(join(work, 'good.zip'))
  const m = manifestOf(entries())
  photo = m.files.find((f) => f.path.startsWith('units/t005/attachments/files/') && f.size > 1000)?.path as string
})
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

beforeEach(async () => {
  target = join(work, `target-${Math.random().toString(36).slice(2)}`)
  await makeDataFolder(target)
})

const entries = (): Record<string, Uint8Array> => unzipSync(new Uint8Array(good))
const manifestOf = (files: Record<string, Uint8Array>): BackupManifest => JSON.parse(new TextDecoder().decode(files['manifest.json'])) as BackupManifest
const withManifest = (files: Record<string, Uint8Array>, change: (m: BackupManifest) => BackupManifest): Record<string, Uint8Array> => ({
  ...files,
  'manifest.json': strToU8(JSON.stringify(change(manifestOf(files))))
})
const write = (name: string, bytes: Uint8Array): string => {
  const path = join(work, name)
  writeFileSync(path, bytes)
  return path
}

/** Restores `zip` into the target and expects a refusal saying `message`, with every file of the target as it was. */
async function refused(zip: string, message: RegExp | string, code = 'INVALID_INPUT', appVersion = '0.1.0'): Promise<void> {
  const before = snapshot(target)
  const failure = await restoreBackup(zip, target, { appVersion }).then(
    () => null,
    (e: unknown) => e as { code: string; message: string }
  )
  expect(failure?.code).toBe(code)
  if (typeof message === 'string') expect(failure?.message).toBe(message)
  else expect(failure?.message).toMatch(message)
  expect(failure?.message).toMatch(/数据文件夹没有改动。$/)
  expect(snapshot(target)).toEqual(before)
  expect(readdirSync(work).filter((n) => /\.(restoring|restored|replaced)-/.test(n))).toEqual([])
}

describe('a backup changed after it was made', () => {
  it('one byte of a photo changed inside the zip: the zip itself says so', async () => {
    const bytes = Buffer.from(good)
    const original = readFileSync(join(source, ...photo.split('/')))
    const at = bytes.indexOf(original.subarray(2000, 2064))
    expect(at).toBeGreaterThan(0)
    bytes[at + 10] = (bytes[at + 10] as number) ^ 0x01
    const zip = write('flipped.zip', bytes)
    const check = await verifyBackup(zip)
    expect(check).toMatchObject({ ok: false, entry: `data/${photo}` })
    expect(check.ok ? '' : check.message).toBe(`备份文件“flipped.zip”中的条目“data/${photo}”校验失败（数据已损坏）。此备份不能用于恢复，请改用另一份备份（例如数据文件夹中“自动备份”里较早的一份）。`)
    await refused(zip, /^备份文件“flipped.zip”中的条目“data\/units\/t005\/attachments\/files\/[0-9a-f]{64}”校验失败（数据已损坏）。此备份不能用于恢复/)
    // Nor is a folder that was not there made.
    await expect(restoreBackup(zip, join(work, 'never'), { appVersion: '0.1.0' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(existsSync(join(work, 'never'))).toBe(false)
  })

  it('a photo replaced in a zip rebuilt around it: its sha256 does not match the manifest', async () => {
    const files = entries()
    const changed = new Uint8Array(files[`data/${photo}`] as Uint8Array)
    changed[3000] = (changed[3000] as number) ^ 0xff
    const zip = write('rebuilt.zip', zipSync({ ...files, [`data/${photo}`]: changed }))
    await refused(zip, `备份文件“rebuilt.zip”中的文件“${photo}”与清单记载的校验值（SHA-256）不符，备份生成后被改动过或已损坏。此备份不能用于恢复，请改用另一份备份（例如数据文件夹中“自动备份”里较早的一份）。数据文件夹没有改动。`)
  })

  it('a file taken out of the manifest', async () => {
    const zip = write('unlisted.zip', zipSync(withManifest(entries(), (m) => ({ ...m, files: m.files.filter((f) => f.path !== photo) }))))
    await refused(zip, new RegExp(`^备份文件“unlisted.zip”中的文件“${photo}”不在清单（manifest.json）中，备份生成后被改动过。`))
  })

  it('a file of the manifest missing from the zip', async () => {
    const files = entries()
    delete files['data/units/t006/ledger.json']
    await refused(write('missing.zip', zipSync(files)), /^备份文件“missing.zip”中缺少清单所列的文件“units\/t006\/ledger.json”，备份不完整或被改动过。/)
  })

  it('a file of the manifest with another size', async () => {
    const zip = write('size.zip', zipSync(withManifest(entries(), (m) => ({ ...m, files: m.files.map((f) => (f.path === photo ? { ...f, size: f.size + 1 } : f)) }))))
    await refused(zip, new RegExp(`^备份文件“size.zip”中的文件“${photo}”的大小与清单记载的不符`))
  })

  it.each([
    ['../evil', '中的条目“../evil”指向备份以外的位置（含有 .. 或 .），疑似伪造'],
    ['data/../../evil', '中的条目“data/../../evil”指向备份以外的位置（含有 .. 或 .），疑似伪造'],
    ['/etc/evil', '中的条目“/etc/evil”是绝对路径，疑似伪造'],
    ['C:/Windows/evil', '中的条目“C:/Windows/evil”带有盘符，疑似伪造'],
    ['data\\units\\evil', '中的条目“data\\units\\evil”含有反斜杠（\\），疑似伪造'],
    ['data/units/CON', '中的条目“data/units/CON”是 Windows 不允许的文件名，疑似伪造'],
    ['data/extra.json', '中的文件“extra.json”不在清单（manifest.json）中，备份生成后被改动过'],
    ['readme.txt', '中的条目“readme.txt”不是备份的组成部分，备份生成后被改动过'],
    ['DATA/units/t006/ledger.json', '中的条目“DATA/units/t006/ledger.json”与“data/units/t006/ledger.json”在 Windows 上是同一个文件名，疑似伪造或已损坏']
  ])('an extra entry %s', async (name, said) => {
    const zip = write('extra.zip', zipSync({ ...entries(), [name]: strToU8('evil') }))
    await refused(zip, `备份文件“extra.zip”${said}。此备份不能用于恢复，请改用另一份备份（例如数据文件夹中“自动备份”里较早的一份）。数据文件夹没有改动。`)
  })

  it('a manifest naming what a backup never holds (a lock, the logs), even when the zip has it', async () => {
    const files = { ...entries(), 'data/logs/x.log': strToU8('x') }
    const zip = write('logs.zip', zipSync(withManifest(files, (m) => ({ ...m, files: [...m.files, { path: 'logs/x.log', size: 1, sha256: '0'.repeat(64) }] }))))
    await refused(zip, /^备份文件“logs.zip”的清单中列有不应备份的文件“logs\/x.log”，疑似伪造/)
  })

  it('not a backup at all: no manifest, not a zip, cut short', async () => {
    const files = entries()
    delete files['manifest.json']
    await refused(write('bare.zip', zipSync(files)), /^备份文件“bare.zip”中没有清单（manifest.json），不是本程序生成的备份/)
    await refused(write('text.zip', strToU8('这不是压缩文件'.repeat(10))), /^备份文件“text.zip”中找不到压缩文件的目录/)
    await refused(write('cut.zip', good.subarray(0, good.length - 100)), /^备份文件“cut.zip”/)
    await refused(join(work, 'nowhere.zip'), /^找不到备份文件“.*nowhere.zip”/)
  })
})

describe('a backup of a newer program', () => {
  it('is refused with the versions named', async () => {
    const zip = write('newer.zip', zipSync(withManifest(entries(), (m) => ({ ...m, appVersion: '0.2.0' }))))
    await refused(zip, '此备份由较新版本（0.2.0）的程序生成，本程序为 0.1.0，请先升级程序后再恢复。数据文件夹没有改动。')
    // The same backup restores in the program it names.
    await restoreBackup(zip, target, { appVersion: '0.2.0' })
  })

  it('versions compare as semver', () => {
    expect(compareVersions('0.10.0', '0.9.1')).toBe(1)
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1)
    expect(compareVersions('1.0.0-rc.2', '1.0.0-rc.10')).toBe(-1)
    expect(compareVersions('1.0.0+build.5', '1.0.0')).toBe(0)
    expect(compareVersions(APP_VERSION, APP_VERSION)).toBe(0)
  })
})

describe('a zip bomb', () => {
  it('is refused by what its directory declares, before anything is inflated', async () => {
    const small = { ...BACKUP_LIMITS, maxTotalBytes: 64 * 1024 }
    expect(await verifyBackup(join(work, 'good.zip'), { limits: small })).toMatchObject({ ok: false, message: expect.stringMatching(/^备份文件“good.zip”解压后超过 64.0 KB 的上限，疑似异常文件。/) })
    expect(await verifyBackup(join(work, 'good.zip'), { limits: { ...BACKUP_LIMITS, maxEntries: 3 } })).toMatchObject({ ok: false, message: expect.stringMatching(/个条目，超过上限 3/) })
  })

  it('whose data inflates beyond what its directory declares is stopped there', async () => {
    // A deflated entry whose directory, header and manifest say 10 bytes, and which inflates to 10 MB.
    const ledger = 'data/units/t006/ledger.json'
    const files = withManifest({ ...entries(), [ledger]: new Uint8Array(10 * 1024 * 1024) }, (m) => ({
      ...m,
      files: m.files.map((f) => (f.path === 'units/t006/ledger.json' ? { ...f, size: 10 } : f))
    }))
    const bytes = Buffer.from(zipSync(files, { level: 9 }))
    const name = Buffer.from(ledger)
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      const central = at >= 46 && bytes.readUInt32LE(at - 46) === 0x02014b50
      bytes.writeUInt32LE(10, central ? at - 46 + 24 : at - 30 + 22)
    }
    const check = await verifyBackup(write('bomb.zip', bytes))
    expect(check.ok ? '' : check.message).toMatch(/^备份文件“bomb.zip”中的条目“data\/units\/t006\/ledger.json”解压后大于记录的 10 字节，疑似伪造。/)
  })
})

describe('a folder in use', () => {
  it('is not replaced while a program has it open; once it is closed, the restore goes ahead', async () => {
    const data = new DataDir(target, { appVersion: '0.1.0', campaign: defaultCampaign, program: 'electron' })
    await data.ledger('t005')
    try {
      await refused(join(work, 'good.zip'), /^不能恢复：数据正在被散乱污台账程序（进程 \d+，自 .* 起）使用（锁文件“.*ledger\.json\.lock”），请先关闭它再试。.*恢复会替换整个数据文件夹，必须先关闭所有使用它的程序（散乱污台账、网页模式、slw 命令）。数据文件夹没有改动。$/, 'LOCKED')
    } finally {
      await data.close()
    }
    await restoreBackup(join(work, 'good.zip'), target, { appVersion: '0.1.0' })
    expect(snapshot(target, true)).toEqual(snapshot(source, true))
  })

  it('is not replaced while another live process holds its calendar', async () => {
    const lock = join(target, 'calendar.json.lock')
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString(), nonce: 'x', program: 'web' }))
    await refused(join(work, 'good.zip'), /^不能恢复：数据正在被散乱污台账（网页模式）（进程 \d+/, 'LOCKED')
    rmSync(lock)
  })

  it('left by a program that ended is taken over', async () => {
    mkdirSync(join(target, 'units', 't005'), { recursive: true })
    writeFileSync(join(target, 'units', 't005', 'ledger.json.lock'), JSON.stringify({ pid: 999_999_999, hostname: hostname(), startedAt: new Date().toISOString() }))
    await restoreBackup(join(work, 'good.zip'), target, { appVersion: '0.1.0' })
    expect(snapshot(target, true)).toEqual(snapshot(source, true))
    expect(Object.keys(snapshot(target)).filter((p) => p.includes('.lock'))).toEqual([])
  })
})
