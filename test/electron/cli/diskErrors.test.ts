/**
 * The CLI on a disk that refuses (read-only, full) and beside a program holding the ledger: commands that only read
 * work without the write lock and change nothing; the others say in Chinese what to do (exit 1), never a stack
 * trace. Tests run as root, whom chmod does not stop: the whole program is run once against sysfs (which refuses
 * even root), and the read-only and full disks are injected into fs for paths under one folder, raising the
 * errors Node raises (code, syscall, path).
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { run as runExport } from '../../../electron/cli/commands/export'
import { run as runImport } from '../../../electron/cli/commands/import'
import { run as runWeekly } from '../../../electron/cli/commands/weekly'
import { reportFailure } from '../../../electron/cli/failure'
import { createAppLog } from '../../../electron/services/appLog'
import { DataDir, ledgerPath } from '../../../electron/services/storage/ledgerStore'
import { captureOutput } from '../../helpers/captureOutput'
import { sampleRecords } from '../export/sampleRecords'
import { recordsIn } from '../../helpers/recordsIn'

/** The disk under `root` refuses the listed writes with `code`; nothing is refused while `root` is empty. */
const disk = vi.hoisted(() => ({ root: '', code: '', calls: new Set<string>() }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const { existsSync: exists } = await import('node:fs')
  const { resolve: abs, sep } = await import('node:path')
  const under = (p: unknown): boolean => disk.root !== '' && `${abs(String(p))}${sep}`.startsWith(`${disk.root}${sep}`)
  const writes: Record<string, (...a: unknown[]) => boolean> = {
    open: (p, flags = 'r') => under(p) && (typeof flags === 'number' ? (flags & 3) !== 0 : /[wa+]/.test(String(flags))),
    writeFile: under,
    copyFile: (_s, d) => under(d),
    rename: (s, d) => under(s) || under(d),
    rm: under,
    mkdir: (p) => under(p) && !exists(String(p))
  }
  const guarded = Object.fromEntries(
    Object.entries(writes).map(([name, refuses]) => {
      const fn = (real as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]
      return [
        name,
        async (...args: unknown[]) => {
          if (disk.calls.has(name) && refuses(...args)) {
            throw Object.assign(new Error(`${disk.code}: ${name} '${String(args[0])}'`), { code: disk.code, syscall: name, path: String(args[0]) })
          }
          return fn(...args)
        }
      ]
    })
  )
  return { ...real, ...guarded, default: { ...real, ...guarded } }
})

const root = resolve(import.meta.dirname, '../../..')
const records = sampleRecords(5)
const EVERY_WRITE = ['open', 'writeFile', 'mkdir', 'rename', 'rm', 'copyFile']
let dir: string
let data: string
let xlsx: string
const { out, err } = captureOutput()

function refuse(folder: string, code: string, calls: string[]): void {
  Object.assign(disk, { root: resolve(folder), code, calls: new Set(calls) })
}
afterEach(() => refuse('', '', []))

/** Every file under `d` with its size and modification time: what "nothing changed" means on disk. */
function listing(d: string): string[] {
  return readdirSync(d, { recursive: true, encoding: 'utf8' })
    .map((f) => `${f} ${statSync(join(d, f)).size} ${statSync(join(d, f)).mtimeMs}`)
    .sort()
}

async function saveAll(store: DataDir, upserts: { id: string; fields: (typeof records)[number]['fields'] }[]): Promise<void> {
  const ledger = await store.ledger('t005')
  await ledger.save({ unitId: 't005', baseGeneration: ledger.generation, changes: { upserts, deletes: [] } }, 'test')
}

/** A command as slw.ts runs it: its exit code, or what its uncaught failure becomes. */
const asSlw = (run: Promise<number>): Promise<number> => run.catch((e: unknown) => reportFailure(e, (bug) => createAppLog(dir).bug('slw', bug)))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-cli-disk-'))
  data = join(dir, 'data')
  xlsx = join(dir, '附件2.xlsx')
  const store = new DataDir(data, { appVersion: 'test', campaign: defaultCampaign })
  await saveAll(store, records.map(({ id, fields }) => ({ id, fields })))
  await (await store.profile()).save({ unitId: 't005', filler: '马XX', phone: '0930-6212345' })
  await store.close()
  expect(await runExport(['--data', data, '--unit', '八坊街道', '--annex', 'annex2', '--out', xlsx])).toBe(0)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const noStack = (text: string): void => {
  expect(text).not.toMatch(/内部错误|\n\s+at /)
}

describe('slw on a read-only or full disk', () => {
  it('export and weekly only read: they work on a read-only data folder and change nothing', async () => {
    const before = listing(data)
    refuse(data, 'EROFS', EVERY_WRITE)
    expect(await asSlw(runExport(['--data', data, '--unit', '八坊街道', '--annex', 'annex2', '--out', join(dir, 'ro.xlsx')])), err.join('')).toBe(0)
    expect(out.join('')).toContain('5 条记录')
    const docx = join(dir, '工作进展.docx')
    expect(await asSlw(runWeekly(['--data', data, '--unit', '八坊街道', '--date', '2024-05-17', '--out', docx])), err.join('')).toBe(0)
    expect(statSync(docx).size).toBeGreaterThan(1000)
    expect(listing(data)).toEqual(before)
  })

  it('import on a read-only data folder says so, naming the path (exit 1), and the ledger is untouched', async () => {
    const other = join(dir, 'other')
    const store = new DataDir(other, { appVersion: 'test', campaign: defaultCampaign })
    await saveAll(store, [{ id: 'x', fields: { name: '甲' } }])
    await store.close()
    refuse(other, 'EROFS', EVERY_WRITE)
    expect(await asSlw(runImport([xlsx, '--unit', '八坊街道', '--data', other, '--yes']))).toBe(1)
    noStack(err.join(''))
    expect(err.join('')).toContain(`数据目录“${join(other, 'units', 't005')}”是只读的`)
    refuse('', '', [])
    expect(await recordsIn(other)).toBe(1)
  })

  it('import on a full disk says so (exit 1) and the ledger keeps what it had', async () => {
    const full = join(dir, 'full')
    // The lock and the folders still fit; the ledger's new version does not.
    refuse(full, 'ENOSPC', ['open'])
    expect(await asSlw(runImport([xlsx, '--unit', '八坊街道', '--data', full, '--yes']))).toBe(1)
    noStack(err.join(''))
    expect(err.join('')).toContain('磁盘空间已满')
    expect(err.join('')).toContain(`无法访问“${join(full, 'units', 't005')}”`)
    refuse('', '', [])
    expect(await recordsIn(full)).toBe(0)
  })

  it('the program itself answers a folder the system refuses (sysfs, even to root) in words, exit 1', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const args = [join(root, 'electron/cli/slw.ts'), 'import', xlsx, '--unit', '八坊街道', '--data', '/sys/slw-test-data', '--yes']
      execFile(join(root, 'node_modules/.bin/tsx'), args, { cwd: root }, (e, _stdout, stderr) =>
        done({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stderr })
      )
    })
    noStack(r.stderr)
    expect(r.stderr).toContain('无法访问“/sys/slw-test-data')
    expect(r.code).toBe(1)
  })
})

describe('slw export beside the app', () => {
  it('works while another program holds the ledger open for writing', async () => {
    const app = new DataDir(data, { appVersion: 'test', campaign: defaultCampaign })
    try {
      await app.ledger('t005')
      await app.profile()
      expect(existsSync(`${ledgerPath(data, 't005')}.lock`)).toBe(true)
      const file = join(dir, 'beside.xlsx')
      expect(await runExport(['--data', data, '--unit', '八坊街道', '--annex', 'annex2', '--out', file]), err.join('')).toBe(0)
      expect(out.join('')).toContain('5 条记录')
    } finally {
      await app.close()
    }
  })

  it('reads a whole saved version while the app keeps saving (never a half-renamed file, never an error)', async () => {
    const d = join(dir, 'busy')
    const app = new DataDir(d, { appVersion: 'test', campaign: defaultCampaign })
    const ledger = await app.ledger('t005')
    let saving = true
    const writer = (async () => {
      for (let i = 0; i < 60; i++) {
        const r = records[i % records.length]
        await ledger.save({ unitId: 't005', baseGeneration: ledger.generation, changes: { upserts: [{ id: `r${i}`, fields: r.fields }], deletes: [] } }, 'test')
      }
    })().finally(() => (saving = false))
    const seen: number[] = []
    try {
      while (saving) {
        const reader = new DataDir(d, { appVersion: 'test', campaign: defaultCampaign, readOnly: true })
        const view = await reader.ledger('t005').then((l) => l.view()).finally(() => reader.close())
        // Generation g holds exactly g records: each save added one.
        expect(view.records).toHaveLength(view.generation)
        seen.push(view.generation)
      }
    } finally {
      await writer.finally(() => app.close())
    }
    expect(seen.length).toBeGreaterThan(3)
  })

  it('reads a damaged ledger as the app would recover it, without repairing anything (that is the writer\'s job)', async () => {
    const d = join(dir, 'damaged')
    const store = new DataDir(d, { appVersion: 'test', campaign: defaultCampaign })
    await saveAll(store, records.slice(0, 2).map(({ id, fields }) => ({ id, fields })))
    await saveAll(store, records.slice(2).map(({ id, fields }) => ({ id, fields })))
    await store.close()
    const main = ledgerPath(d, 't005')
    await writeFile(main, (await readFile(main)).subarray(0, 200))
    const before = listing(d)
    expect(await runExport(['--data', d, '--unit', '八坊街道', '--annex', 'annex2', '--out', join(dir, 'damaged.xlsx')]), err.join('')).toBe(0)
    expect(out.join('')).toContain('2 条记录')
    expect(listing(d)).toEqual(before)
  })

  it('an output place the system refuses gets a sentence, not a stack trace', async () => {
    for (const file of ['/proc/slw-test.xlsx', '/sys/slw-test.xlsx']) {
      expect(await runExport(['--data', data, '--unit', '八坊街道', '--annex', 'annex2', '--out', file]), file).toBe(1)
    }
    expect(err.join('')).toContain('无法写入“/proc/slw-test.xlsx”')
    expect(err.join('')).toContain('无法写入“/sys/slw-test.xlsx”')
  })
})
