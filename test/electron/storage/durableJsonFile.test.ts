import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppFailure } from '@shared/ipc/result'
import type { DurableJsonFileOptions, Migration } from '../../../electron/services/storage/durableJsonFile'
import { DurableJsonFile } from '../../../electron/services/storage/durableJsonFile'

const Doc = z.object({ n: z.number().int(), text: z.string() })
type Doc = z.infer<typeof Doc>

let dir: string
let file: string
let clock: Date

function adapter<T = Doc>(opt: Partial<DurableJsonFileOptions<T>> = {}): DurableJsonFile<T> {
  return new DurableJsonFile<T>(file, {
    format: 'test-ledger',
    schemaVersion: 1,
    appVersion: '9.9.9',
    migrations: [],
    label: '台账文件',
    now: () => clock,
    validate: (p) => Doc.parse(p) as T,
    ...opt
  })
}

const doc = (n: number): Doc => ({ n, text: `第${n}版：临夏市城郊镇王坪村马氏铝合金门窗加工厂` })

/** Writes generations 1..n and returns the adapter. */
async function saved(n: number): Promise<DurableJsonFile<Doc>> {
  const a = adapter()
  await a.read()
  for (let i = 1; i <= n; i++) await a.write(doc(i))
  return a
}

/** Every file under dir with its content, to prove nothing was deleted or changed. */
async function tree(root = dir): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const p = join(e.parentPath, e.name)
      out[p.slice(root.length + 1)] = createHash('sha256').update(await readFile(p)).digest('hex')
    }
  }
  return out
}

const envelope = async (p: string): Promise<{ generation: number; schemaVersion: number; payload: unknown }> =>
  JSON.parse(await readFile(p, 'utf8'))

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-durable-'))
  file = join(dir, 'ledger.json')
  clock = new Date(2024, 4, 9, 10, 31, 0)
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('DurableJsonFile write protocol', () => {
  it('round-trips, one generation per write, previous version kept as .bak, no temp file left', async () => {
    await saved(3)
    const b = adapter()
    expect(await b.read()).toEqual(doc(3))
    expect(b.generation).toBe(3)
    expect(b.notices).toEqual([])
    expect((await envelope(`${file}.bak`)).generation).toBe(2)
    expect((await readdir(dir)).sort()).toEqual(['backups', 'ledger.json', 'ledger.json.bak'])
  })

  it('writes meta first and the payload last, with the sha256 of the payload text', async () => {
    await saved(1)
    const text = await readFile(file, 'utf8')
    const payload = JSON.stringify(doc(1))
    expect(text).toMatch(/^\{"format":"test-ledger","schemaVersion":1,"generation":1,"savedAt":"[^"]+","appVersion":"9\.9\.9","sha256":"[0-9a-f]{64}","payload":/)
    expect(text.endsWith(`"payload":${payload}}`)).toBe(true)
    expect(JSON.parse(text).sha256).toBe(createHash('sha256').update(payload).digest('hex'))
  })

  it('returns null and generation 0 when no file exists', async () => {
    const a = adapter()
    expect(await a.read()).toBeNull()
    expect(a.generation).toBe(0)
  })

  it('serialises writes that were not awaited', async () => {
    const a = adapter()
    await a.read()
    await Promise.all(Array.from({ length: 10 }, (_, i) => a.write(doc(i + 1))))
    expect(a.generation).toBe(10)
    expect(await adapter().read()).toEqual(doc(10))
  })

  it('keeps a backup on the first save of each day and snapshots on request', async () => {
    const a = await saved(3) // gen 1 had no previous version; gen 2 kept gen 1; gen 3 is the same day
    clock = new Date(2024, 4, 10, 8, 0, 0)
    await a.write(doc(4))
    await a.write(doc(5))
    expect(await a.snapshot('pre-import')).toMatch(/ledger\.json\.pre-import-20240510-080000\.json$/)
    const backups = (await readdir(join(dir, 'backups'))).sort()
    expect(backups).toEqual([
      'ledger.json.20240509-103100.g1.json',
      'ledger.json.20240510-080000.g3.json',
      'ledger.json.pre-import-20240510-080000.json'
    ])
    const payloads = await Promise.all(backups.map(async (f) => (await envelope(join(dir, 'backups', f))).payload))
    expect(payloads).toEqual([doc(1), doc(3), doc(5)])
  })

  it('keeps the 20 most recent backups plus the first of each day', async () => {
    const a = await saved(2)
    for (let i = 0; i < 30; i++) {
      clock = new Date(2024, 4, 9, 11, 0, i)
      await a.snapshot('pre-merge')
    }
    const left = (await readdir(join(dir, 'backups'))).sort()
    expect(left).toHaveLength(21)
    expect(left[0]).toBe('ledger.json.20240509-103100.g1.json') // first of the day
    expect(left[1]).toBe('ledger.json.pre-merge-20240509-110010.json')
  })
})

describe('DurableJsonFile recovery', () => {
  const damages: [string, (b: Buffer) => Buffer, string][] = [
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2)), '内容不完整'],
    ['zero-filled', (b) => Buffer.alloc(b.length), '内容全为零'],
    ['not JSON', () => Buffer.from('<html>该页无法显示</html>'), '内容无法识别'],
    ['sha mismatch', (b) => Buffer.from(b.toString('utf8').replace('第2版', '第9版')), '校验不符'],
    ['empty', () => Buffer.alloc(0), '文件为空']
  ]
  it.each(damages)('a %s ledger.json is set aside and the newest valid copy (.bak) loaded', async (_, damage, reason) => {
    await saved(2)
    const original = await readFile(file)
    await writeFile(file, damage(original))
    const damaged = await readFile(file)
    const a = adapter()
    expect(await a.read()).toEqual(doc(1))
    expect(a.generation).toBe(1)
    expect(a.notices).toHaveLength(1)
    const notice = a.notices[0]
    expect(notice?.level).toBe('warning')
    expect(notice?.message).toContain('台账文件 ledger.json 已损坏（')
    expect(notice?.message).toContain(reason)
    expect(notice?.message).toMatch(/已自动恢复为 2024年5月9日 10:31 保存的版本（第 1 次保存）；损坏的文件已另存为 ledger\.json\.corrupt-20240509-103100，未删除。$/)
    expect(await readFile(join(dir, 'ledger.json.corrupt-20240509-103100'))).toEqual(damaged)
    // The restored version is installed as ledger.json: the next start is clean.
    const b = adapter()
    expect(await b.read()).toEqual(doc(1))
    expect(b.notices).toEqual([])
    await b.write(doc(5))
    expect(b.generation).toBe(2)
  })

  it('completes a save killed between its two renames (only .bak and a complete temp file)', async () => {
    await saved(3)
    await rename(file, join(dir, 'ledger.json.3.0a1b2c3d.tmp')) // gen 3 in flight, gen 2 already moved to .bak
    const a = adapter()
    expect(await a.read()).toEqual(doc(3))
    expect(a.generation).toBe(3)
    expect(a.notices).toEqual([{ level: 'info', message: expect.stringContaining('上次保存时程序意外中断，台账文件 ledger.json 已自动恢复为') }])
    expect((await readdir(dir)).sort()).toEqual(['backups', 'ledger.json', 'ledger.json.bak'])
    expect((await envelope(`${file}.bak`)).generation).toBe(2)
  })

  it('takes a complete temp file of a higher generation over ledger.json', async () => {
    await saved(3)
    await copyFile(file, join(dir, 'keep'))
    await copyFile(`${file}.bak`, file) // ledger.json = gen 2, temp = gen 3, .bak = gen 2
    await rename(join(dir, 'keep'), join(dir, 'ledger.json.3.00ff00ff.tmp'))
    const a = adapter()
    expect(await a.read()).toEqual(doc(3))
    expect((await envelope(file)).generation).toBe(3)
    expect((await envelope(`${file}.bak`)).generation).toBe(2)
  })

  it('sets aside an unfinished temp file and removes complete ones of lower generation', async () => {
    await saved(2)
    await writeFile(join(dir, 'ledger.json.3.11111111.tmp'), (await readFile(file)).subarray(0, 100))
    await copyFile(`${file}.bak`, join(dir, 'ledger.json.1.22222222.tmp'))
    const a = adapter()
    expect(await a.read()).toEqual(doc(2))
    expect(a.notices).toEqual([{ level: 'info', message: expect.stringContaining('未完成的临时文件已另存为 ledger.json.3.11111111.tmp.corrupt-') }])
    expect((await readdir(dir)).sort()).toEqual(['backups', 'ledger.json', 'ledger.json.3.11111111.tmp.corrupt-20240509-103100', 'ledger.json.bak'])
  })

  it('falls back to backups/ when ledger.json and .bak are both damaged', async () => {
    const a = await saved(2)
    clock = new Date(2024, 4, 10, 9, 0, 0)
    await a.write(doc(3)) // keeps gen 2 in backups/
    await a.write(doc(4))
    await writeFile(file, Buffer.alloc(500))
    await writeFile(`${file}.bak`, '{"format":"test-ledger"')
    const b = adapter()
    expect(await b.read()).toEqual(doc(2))
    expect(b.generation).toBe(2)
    const messages = b.notices.map((n) => n.message).join('\n')
    expect(messages).toContain('台账文件 ledger.json 已损坏（内容全为零')
    expect(messages).toContain('已自动恢复为 2024年5月9日 10:31 保存的版本（第 2 次保存）')
    expect(messages).toContain('台账文件的上一版本 ledger.json.bak 已损坏')
    expect((await readdir(dir)).filter((f) => f.includes('.corrupt-'))).toHaveLength(2)
  })

  it('refuses to start (UNRECOVERABLE) when files exist but none is valid, and changes nothing', async () => {
    await saved(2)
    await writeFile(file, Buffer.alloc(300))
    await writeFile(`${file}.bak`, 'not json')
    await writeFile(join(dir, 'ledger.json.3.abcdef01.tmp'), '')
    const [backup] = await readdir(join(dir, 'backups'))
    await writeFile(join(dir, 'backups', backup as string), (await readFile(file)).subarray(0, 40))
    const before = await tree()
    const err = await adapter()
      .read()
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppFailure)
    expect((err as AppFailure).code).toBe('UNRECOVERABLE')
    expect((err as AppFailure).message).toContain('ledger.json（内容全为零')
    expect((err as AppFailure).message).toContain('ledger.json.bak（内容无法识别）')
    expect((err as AppFailure).message).toContain('ledger.json.3.abcdef01.tmp（文件为空）')
    expect((err as AppFailure).message).toContain(`backups/${backup}（内容全为零`)
    expect((err as AppFailure).message).toContain('没有删除或改动任何文件')
    expect(await tree()).toEqual(before)
  })

  it('treats a folder holding only an unfinished first save as new', async () => {
    await writeFile(join(dir, 'ledger.json.1.abcdef01.tmp'), '{"format":"test-led')
    const a = adapter()
    expect(await a.read()).toBeNull()
    expect(await readdir(dir)).toEqual(['ledger.json.1.abcdef01.tmp.corrupt-20240509-103100'])
  })

  it('never loads a file of another format', async () => {
    await saved(1)
    const err = await adapter({ format: 'profile' })
      .read()
      .catch((e: unknown) => e)
    expect((err as AppFailure).code).toBe('UNRECOVERABLE')
    expect((err as AppFailure).message).toContain('不是本程序保存的此类文件')
  })
})

describe('DurableJsonFile schema versions', () => {
  const identity: Migration = (p) => p

  it('opens a file from a newer program read-only and refuses to write it', async () => {
    const newer = adapter({ schemaVersion: 3, migrations: [identity, identity] })
    await newer.read()
    await newer.write(doc(1))
    const before = await tree()
    const a = adapter()
    expect(await a.read()).toEqual(doc(1))
    expect(a.readOnly).toBe(true)
    expect(a.notices[0]?.message).toContain('由更新版本的程序（9.9.9）保存，本程序只能查看，不能修改')
    await expect(a.write(doc(2))).rejects.toMatchObject({
      code: 'READ_ONLY',
      message: '此台账由更新版本的程序保存，为防止数据丢失，本程序只能查看，不能修改。请升级程序。'
    })
    expect(await tree()).toEqual(before)
  })

  it('migrates an older file step by step after a pre-migrate snapshot', async () => {
    await saved(2)
    const V3 = z.object({ n: z.number(), title: z.string(), tags: z.array(z.string()) })
    const toV2: Migration = (p) => ({ ...(p as Doc), tags: [] })
    const toV3: Migration = (p) => {
      const { text, ...rest } = p as Doc & { tags: string[] }
      return { ...rest, title: text }
    }
    const a = adapter<z.infer<typeof V3>>({ schemaVersion: 3, migrations: [toV2, toV3], validate: (p) => V3.parse(p) })
    expect(await a.read()).toEqual({ n: 2, title: doc(2).text, tags: [] })
    expect(a.generation).toBe(3)
    expect(await envelope(file)).toMatchObject({ schemaVersion: 3, generation: 3, payload: { n: 2, title: doc(2).text, tags: [] } })
    const snap = (await readdir(join(dir, 'backups'))).find((f) => f.startsWith('ledger.json.pre-migrate-v1-'))
    expect(snap).toBeDefined()
    expect(await envelope(join(dir, 'backups', snap as string))).toMatchObject({ schemaVersion: 1, generation: 2, payload: doc(2) })
    expect(a.notices[0]?.message).toContain('数据格式已由第 1 版升级为第 3 版')
  })

  it('requires one migration per older version', () => {
    expect(() => adapter({ schemaVersion: 2, migrations: [] })).toThrow()
  })
})

describe('DurableJsonFile folder handling', () => {
  it('creates missing folders on the first write', async () => {
    file = join(dir, 'units', 't001', 'ledger.json')
    const a = adapter()
    expect(await a.read()).toBeNull()
    await a.write(doc(1))
    expect(await adapter().read()).toEqual(doc(1))
  })

  it('ignores files that only look similar', async () => {
    await mkdir(join(dir, 'backups'), { recursive: true })
    await writeFile(join(dir, 'ledger.json.corrupt-20240101-000000'), 'x')
    await writeFile(join(dir, 'other.json'), 'x')
    expect(await adapter().read()).toBeNull()
  })
})
