/**
 * The busy-retry policy on the clerk's Windows PC: an antivirus scanner holding freshly written received files,
 * ledger files marked read-only (copied from a CD), a data folder marked read-only, a USB stick pulled.
 *
 * Windows semantics are emulated in fs for this file only, from the files' real mode bits: a rename does not replace
 * a read-only file (EPERM), and a folder without the write bit takes no new file (EACCES), which the kernel already
 * does for non-root users but not for root (as tests run in CI). The policy finds a read-only folder by trying to
 * create a probe file in it, so the emulation covers what it looks at.
 */
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { readSubmission } from '../../../electron/services/merge/readSubmission'
import { OfficeService } from '../../../electron/services/office/officeService'
import { diskProblem, retryBusy } from '../../../electron/services/storage/busyRetry'
import { DataDir, ledgerPath } from '../../../electron/services/storage/ledgerStore'

const disk = vi.hoisted(() => ({ scannedRenames: 0, refused: [] as string[] }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const { dirname: parent } = await import('node:path')
  const readOnly = (p: string): Promise<boolean> => real.stat(p).then((s) => (s.mode & 0o200) === 0, () => false)
  const refuse = (code: string, syscall: string, path: string): Error => {
    disk.refused.push(`${syscall} ${path}`)
    return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path })
  }
  /** Creating a file in a read-only folder. */
  const creates = async (syscall: string, path: string, flags: unknown): Promise<void> => {
    const writes = typeof flags === 'number' ? (flags & 3) !== 0 : /[wa+]/.test(String(flags ?? 'r'))
    if (writes && (await readOnly(parent(path)))) throw refuse('EACCES', syscall, path)
  }
  return {
    ...real,
    rename: async (from: string, to: string) => {
      // 360 scanning a received file the moment it is written.
      if (disk.scannedRenames > 0 && /[\\/]files[\\/][0-9a-f]{64}\.\d+\.tmp$/.test(from)) {
        disk.scannedRenames--
        throw refuse('EBUSY', 'rename', from)
      }
      if ((await readOnly(to)) || (await readOnly(parent(to)))) throw refuse('EPERM', 'rename', from)
      return real.rename(from, to)
    },
    open: async (path: string, flags?: string | number, mode?: number) => {
      await creates('open', path, flags)
      return real.open(path, flags, mode)
    },
    writeFile: async (path: string, data: string | Uint8Array, opt?: { flag?: string }) => {
      await creates('open', path, opt?.flag ?? 'w')
      return real.writeFile(path, data, opt)
    }
  }
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-busy-'))
  disk.scannedRenames = 0
  disk.refused = []
})
afterEach(async () => {
  await chmod(join(dir, 'units', 't005'), 0o755).catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

const upsert = (id: string, name: string) => ({ upserts: [{ id, fields: { name } }], deletes: [] })

describe('the office keeping received files while an antivirus scanner holds them', () => {
  it('retries the rename of a freshly written file, and office:commit succeeds', async () => {
    const mergeSet = resolve(import.meta.dirname, '../../fixtures/annex2/merge-set')
    const name = readdirSync(mergeSet).filter((f) => f.endsWith('.xlsx'))[0] as string
    const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
    try {
      const office = new OfficeService(data, defaultCampaign, (b, n, at) => readSubmission(b, n, at, defaultCampaign), 'test')
      const stage = await office.intake.stage([{ fileName: name, data: readFileSync(join(mergeSet, name)).toString('base64') }])
      disk.scannedRenames = 3
      const view = await office.intake.commit(stage.stageId)
      expect(disk.refused).toHaveLength(3)
      expect(view.submissions).toHaveLength(1)
      const kept = join(dir, 'office', 'files', view.submissions[0]?.sha256 as string)
      expect((await readFile(kept)).equals(readFileSync(join(mergeSet, name)))).toBe(true)
    } finally {
      await data.close()
    }
  })
})

describe('read-only files and folders', () => {
  it('clears the read-only attribute of our own ledger files (a folder copied from a CD) and saves', async () => {
    const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
    const ledger = await data.ledger('t005')
    await ledger.save({ unitId: 't005', baseGeneration: 0, changes: upsert('a', '甲') }, 'test')
    await ledger.save({ unitId: 't005', baseGeneration: 1, changes: upsert('b', '乙') }, 'test')
    const main = ledgerPath(dir, 't005')
    for (const f of [main, `${main}.bak`]) await chmod(f, 0o444)
    await ledger.save({ unitId: 't005', baseGeneration: 2, changes: upsert('c', '丙') }, 'test')
    expect(disk.refused.length).toBeGreaterThan(0) // the read-only .bak was in the way once
    await data.close()
    for (const f of [main, `${main}.bak`]) expect((await stat(f)).mode & 0o200).toBe(0o200)
    const again = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
    expect((await again.ledger('t005')).view().records.map((r) => r.fields.name)).toEqual(['甲', '乙', '丙'])
    await again.close()
  })

  it('fails at once, saying 只读 and naming the folder, when the data folder is read-only', async () => {
    const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
    try {
      const ledger = await data.ledger('t005')
      await ledger.save({ unitId: 't005', baseGeneration: 0, changes: upsert('a', '甲') }, 'test')
      const folder = dirname(ledgerPath(dir, 't005'))
      await chmod(folder, 0o555)
      disk.refused = []
      await expect(ledger.save({ unitId: 't005', baseGeneration: 1, changes: upsert('b', '乙') }, 'test')).rejects.toMatchObject({
        code: 'IO',
        message: `台账文件的修改未能保存，修改仍保留在窗口中：数据目录“${folder}”是只读的（可能在资源管理器中设为只读，或在光盘上），请把它复制到可写的位置或取消只读。`
      })
      // The refused write and one probe of the folder: no retrying for seconds.
      expect(disk.refused).toEqual([expect.stringMatching(/^open .*ledger\.json\.\d+\.[0-9a-f]+\.tmp$/), expect.stringMatching(/^open .*[\\/]\.slw-probe-/)])
      expect(readdirSync(folder).filter((f) => f.startsWith('.slw-probe'))).toEqual([])
      expect(ledger.view().records).toHaveLength(1)
    } finally {
      await data.close()
    }
  })

  it('says the USB stick was pulled when the data folder is gone', async () => {
    const file = join(dir, 'U盘', 'units', 't005', 'ledger.json')
    const e = await retryBusy(() => readFile(file), [file]).catch((x: unknown) => x)
    expect(diskProblem(e, file)).toContain(`数据目录“${dirname(file)}”已不存在：U盘或数据所在的磁盘已拔出`)
  })
})
