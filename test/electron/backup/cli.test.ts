/**
 * `slw backup` and `slw restore` as a user runs them (a process of their own): a round trip gives the folder back
 * byte for byte; a damaged backup, a folder in use and bad arguments are refused with their exit codes.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { slw } from '../../helpers/slwProcess'
import { makeDataFolder, snapshot } from './dataFolder'

let work: string
let source: string
let zip: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'slw-backup-cli-'))
  source = join(work, 'source')
  await makeDataFolder(source)
  zip = join(work, '备份.zip')
})
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

describe('slw backup and slw restore', () => {
  it('round trip: backup, check, restore into a new folder, byte for byte', async () => {
    const made = await slw('backup', '--data', source, '--out', zip)
    expect(made.stderr).toBe('')
    expect(made.code).toBe(0)
    const files = Object.keys(snapshot(source, true)).length
    const sha256 = createHash('sha256').update(readFileSync(zip)).digest('hex')
    expect(made.stdout).toContain(`已备份数据文件夹“${source}”：`)
    expect(made.stdout).toContain(`文件：${files} 个，共 `)
    expect(made.stdout).toContain(`备份文件：${zip}（`)
    expect(made.stdout).toContain(`SHA-256：${sha256}`)

    const target = join(work, 'restored')
    const checked = await slw('restore', zip, '--data', target)
    expect(checked).toMatchObject({ code: 0, stderr: '' })
    expect(checked.stdout).toContain(`备份文件“${zip}”完好：`)
    expect(checked.stdout).toContain(`SHA-256：${sha256}`)
    expect(checked.stdout).toContain('以上为检查结果，数据文件夹未改动。')
    expect(existsSync(target)).toBe(false)

    const restored = await slw('restore', zip, '--data', target, '--yes')
    expect(restored).toMatchObject({ code: 0, stderr: '' })
    expect(restored.stdout).toContain(`已从备份恢复数据文件夹“${target}”：\n  文件：${files} 个`)
    expect(restored.stdout).toContain('恢复前数据文件夹中没有数据，未另存。')
    expect(snapshot(target)).toEqual(snapshot(source, true))
  })

  it('refuses a damaged backup (exit 1) and leaves the folder as it was', async () => {
    const bytes = Buffer.from(readFileSync(zip))
    // One byte of a photo, stored as it is in the zip.
    const photos = join(source, 'units', 't005', 'attachments', 'files')
    const photo = readFileSync(join(photos, readdirSync(photos)[0] as string))
    const at = bytes.indexOf(photo.subarray(100, 164))
    expect(at).toBeGreaterThan(0)
    bytes[at] = (bytes[at] as number) ^ 0x20
    const bad = join(work, '坏.zip')
    writeFileSync(bad, bytes)
    const before = snapshot(source)
    const r = await slw('restore', bad, '--data', source, '--yes')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^备份文件“坏.zip”.*此备份不能用于恢复，请改用另一份备份（例如数据文件夹中“自动备份”里较早的一份）。数据文件夹没有改动。\n$/)
    expect(snapshot(source)).toEqual(before)
  })

  it('refuses a folder a program has open (exit 1)', async () => {
    const data = new DataDir(source, { appVersion: 'test', campaign: defaultCampaign, program: 'electron' })
    await data.profile()
    try {
      const before = snapshot(source)
      const r = await slw('restore', zip, '--data', source, '--yes')
      expect(r.code).toBe(1)
      expect(r.stderr).toContain(`不能恢复：数据正在被散乱污台账程序（进程 ${process.pid}，`)
      expect(snapshot(source)).toEqual(before)
    } finally {
      await data.close()
    }
  })

  it('says how to call them (exit 2), and slw help lists them', async () => {
    expect(await slw('backup', '--data', source)).toMatchObject({ code: 2, stderr: expect.stringContaining('请用 --out 指定要生成的备份文件（.zip）。\n用法：slw backup') })
    expect(await slw('restore', '--data', source)).toMatchObject({ code: 2, stderr: expect.stringContaining('请指定要恢复的备份文件（.zip）。\n用法：slw restore') })
    const help = await slw('help')
    expect(help.stderr).toContain('slw backup --out <备份.zip> [--data <数据文件夹>]')
    expect(help.stderr).toContain('slw restore <备份.zip> [--data <数据文件夹>] [--yes]')
  })
})
