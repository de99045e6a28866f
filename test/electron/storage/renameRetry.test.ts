import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { DurableJsonFile } from '../../../electron/services/storage/durableJsonFile'

// A virus scanner holding the fresh file: the next renames fail with EPERM / EBUSY.
const scanner = vi.hoisted(() => ({ failures: [] as string[], calls: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    rename: async (from: string, to: string) => {
      scanner.calls++
      const code = scanner.failures.shift()
      if (code) throw Object.assign(new Error(`${code}: operation not permitted, rename '${from}' -> '${to}'`), { code })
      return real.rename(from, to)
    }
  }
})

let dir: string
const adapter = (): DurableJsonFile<{ n: number }> =>
  new DurableJsonFile(join(dir, 'ledger.json'), {
    format: 'test',
    schemaVersion: 1,
    appVersion: '1',
    migrations: [],
    validate: (p) => z.object({ n: z.number() }).parse(p)
  })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-retry-'))
  scanner.failures = []
  scanner.calls = 0
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('renames blocked for a moment', () => {
  it('are retried with backoff until they succeed', async () => {
    const a = adapter()
    await a.read()
    await a.write({ n: 1 })
    scanner.failures = ['EPERM', 'EBUSY', 'EACCES', 'EPERM']
    scanner.calls = 0
    await a.write({ n: 2 })
    expect(scanner.calls).toBe(6) // 4 refused + ledger.json → .bak + temp → ledger.json
    expect(await adapter().read()).toEqual({ n: 2 })
    expect((await readdir(dir)).sort()).toEqual(['backups', 'ledger.json', 'ledger.json.bak'])
  })

  it('are not retried for other errors, and the failed save leaves the previous version in place', async () => {
    const a = adapter()
    await a.read()
    await a.write({ n: 1 })
    scanner.failures = ['ENOENT']
    await expect(a.write({ n: 2 })).rejects.toMatchObject({ code: 'ENOENT' })
    expect(a.generation).toBe(1)
    expect((await readdir(dir)).sort()).toEqual(['backups', 'ledger.json'])
    await a.write({ n: 3 })
    const b = adapter()
    expect(await b.read()).toEqual({ n: 3 })
    expect(b.generation).toBe(3) // generation 2 was never acknowledged and is never reused
  })
})
