import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { LedgerSaveInput } from '@shared/ipc/contract'
import type { LedgerPayload, RecordFields } from '@shared/ledger/record'
import { applyChanges, LedgerPayloadSchema } from '@shared/ledger/record'
import { DurableJsonFile } from '../../../electron/services/storage/durableJsonFile'
import {
  DataDir,
  LEDGER_FORMAT,
  ledgerEncoder,
  ledgerFile,
  ledgerPath,
  LedgerStore
} from '../../../electron/services/storage/ledgerStore'
import { prng, sampleFields, sampleLedger } from '../../../bench/sampleLedger'

let root: string
let clock: Date
const opt = (): { appVersion: string; campaign: typeof defaultCampaign; now: () => Date } => ({
  appVersion: '0.1.0',
  campaign: defaultCampaign,
  now: () => clock
})
const rand = prng(42)
const fields = (over: RecordFields = {}): RecordFields => ({ ...sampleFields(rand), ...over })
const input = (unitId: string, baseGeneration: number, upserts: { id: string; fields: RecordFields }[], deletes: string[] = []): LedgerSaveInput => ({
  unitId,
  baseGeneration,
  changes: { upserts, deletes }
})

beforeEach(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'slw-store-')), 'nested', 'data')
  clock = new Date('2024-05-09T02:31:00.000Z')
})
afterEach(() => rm(join(root, '..', '..'), { recursive: true, force: true }))

describe('LedgerStore', () => {
  it('starts a new unit empty, creating the data folder lazily', async () => {
    const data = new DataDir(root, opt())
    const store = await data.ledger('t001')
    expect(store.view()).toEqual({ unitId: 't001', records: [], generation: 0, readOnly: false, notices: [] })
    expect(await data.ledger('t001')).toBe(store) // one store (one Low, one lock) per file
    expect(await readdir(join(root, 'units', 't001'))).toEqual(['ledger.json.lock'])
    await data.close()
    expect(await readdir(join(root, 'units', 't001'))).toEqual([])
  })

  it('assigns 问题编号 from the campaign prefix, year and unit code, and persists across restarts', async () => {
    const data = new DataDir(root, opt())
    const store = await data.ledger('t101')
    const receipt = await store.save(input('t101', 0, [{ id: 'a', fields: fields() }, { id: 'b', fields: fields() }]), '马玉兰')
    expect(receipt).toEqual({ generation: 1, savedAt: '2024-05-09T02:31:00.000Z', assigned: { a: 'LXS-2024-101-0001', b: 'LXS-2024-101-0002' } })
    await data.close()
    const again = await new DataDir(root, opt()).ledger('t101')
    expect(again.view().records.map((r) => r.problemNo)).toEqual(['LXS-2024-101-0001', 'LXS-2024-101-0002'])
    expect(again.view().generation).toBe(1)
    await again.close()
  })

  it('numbers the office ledger with unit code 900', async () => {
    const store = await LedgerStore.open(root, 'office', opt())
    const { assigned } = await store.save(input('office', 0, [{ id: 'x', fields: fields() }]), '办公室')
    expect(assigned).toEqual({ x: 'LXS-2024-900-0001' })
    await store.close()
  })

  it('refuses a unit the campaign does not have', async () => {
    await expect(LedgerStore.open(root, 'nobody', opt())).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses a save based on an older generation (STALE) and writes nothing', async () => {
    const store = await LedgerStore.open(root, 't001', opt())
    await store.save(input('t001', 0, [{ id: 'a', fields: fields() }]), '甲')
    const before = await readFile(ledgerPath(root, 't001'))
    await expect(store.save(input('t001', 0, [{ id: 'b', fields: fields() }]), '乙')).rejects.toMatchObject({
      code: 'STALE',
      message: expect.stringContaining('当前为第 1 次保存，您的修改基于第 0 次')
    })
    expect(await readFile(ledgerPath(root, 't001'))).toEqual(before)
    expect(store.view().records).toHaveLength(1)
    await store.close()
  })

  it('refuses the second of two concurrent saves on the same base', async () => {
    const store = await LedgerStore.open(root, 't001', opt())
    const results = await Promise.allSettled([
      store.save(input('t001', 0, [{ id: 'a', fields: fields() }]), '甲'),
      store.save(input('t001', 0, [{ id: 'b', fields: fields() }]), '乙')
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected'])
    expect(store.view().records.map((r) => r.id)).toEqual(['a'])
    await store.close()
  })

  it('writes history field by field, with who and when', async () => {
    const store = await LedgerStore.open(root, 't001', opt())
    const first = fields({ name: '临夏市马氏木器加工厂', measures: '' })
    await store.save(input('t001', 0, [{ id: 'a', fields: first }]), '马玉兰')
    clock = new Date('2024-05-10T01:00:00.000Z')
    await store.save(input('t001', 1, [{ id: 'a', fields: { ...first, name: '临夏市马氏家具厂', measures: '限期补办环评手续' } }]), '韩建国')
    const history = store.history('a')
    expect(history[0]).toMatchObject({ op: 'create', by: '马玉兰', at: '2024-05-09T02:31:00.000Z' })
    expect(history.slice(-2)).toEqual([
      { at: '2024-05-10T01:00:00.000Z', by: '韩建国', recordId: 'a', op: 'update', field: 'name', from: '临夏市马氏木器加工厂', to: '临夏市马氏家具厂' },
      { at: '2024-05-10T01:00:00.000Z', by: '韩建国', recordId: 'a', op: 'update', field: 'measures', from: '', to: '限期补办环评手续' }
    ])
    expect(store.history('other')).toEqual([])
    await store.close()
  })

  it('never reuses a problem number after a delete, also after a restart', async () => {
    let store = await LedgerStore.open(root, 't002', opt())
    await store.save(input('t002', 0, ['a', 'b', 'c'].map((id) => ({ id, fields: fields() }))), '甲')
    await store.save(input('t002', 1, [], ['c']), '甲')
    const { assigned } = await store.save(input('t002', 2, [{ id: 'd', fields: fields() }]), '甲')
    expect(assigned).toEqual({ d: 'LXS-2024-002-0004' })
    expect(store.history('c').at(-1)).toMatchObject({ op: 'delete', snapshot: { id: 'c', problemNo: 'LXS-2024-002-0003' } })
    await store.close()
    store = await LedgerStore.open(root, 't002', opt())
    await store.save(input('t002', 3, [], ['d']), '甲')
    expect((await store.save(input('t002', 4, [{ id: 'e', fields: fields() }]), '甲')).assigned).toEqual({ e: 'LXS-2024-002-0005' })
    await store.close()
  })

  it('does not write a save that changes nothing', async () => {
    const store = await LedgerStore.open(root, 't001', opt())
    const f = fields()
    const saved = await store.save(input('t001', 0, [{ id: 'a', fields: f }]), '甲')
    const { mtimeMs } = await stat(ledgerPath(root, 't001'))
    clock = new Date('2024-05-10T00:00:00.000Z')
    expect(await store.save(input('t001', 1, [{ id: 'a', fields: { ...f } }]), '甲')).toEqual({ ...saved, assigned: {} })
    expect((await stat(ledgerPath(root, 't001'))).mtimeMs).toBe(mtimeMs)
    await store.close()
  })

  it('lets only one program write a unit ledger (LOCKED), until it closes', async () => {
    const a = new DataDir(root, opt())
    const b = new DataDir(root, opt())
    await a.ledger('t003')
    await expect(b.ledger('t003')).rejects.toMatchObject({ code: 'LOCKED' })
    await a.close()
    expect((await b.ledger('t003')).view().generation).toBe(0)
    await b.close()
  })

  it('shows a ledger saved by a newer program read-only and refuses to save it', async () => {
    const newer = new DurableJsonFile<LedgerPayload>(ledgerPath(root, 't001'), {
      format: LEDGER_FORMAT,
      schemaVersion: 2,
      appVersion: '2.0.0',
      migrations: [(p) => p],
      validate: (p) => LedgerPayloadSchema.parse(p)
    })
    await newer.write(sampleLedger('t001', '001', 3))
    const store = await LedgerStore.open(root, 't001', opt())
    expect(store.view()).toMatchObject({ readOnly: true, generation: 1 })
    expect(store.view().records).toHaveLength(3)
    await expect(store.save(input('t001', 1, [{ id: 'z', fields: fields() }]), '甲')).rejects.toMatchObject({ code: 'READ_ONLY' })
    await store.close()
  })

  it('reports a repaired ledger in view().notices', async () => {
    const store = await LedgerStore.open(root, 't001', opt())
    await store.save(input('t001', 0, [{ id: 'a', fields: fields() }]), '甲')
    await store.save(input('t001', 1, [{ id: 'b', fields: fields() }]), '甲')
    await store.close()
    await writeFile(ledgerPath(root, 't001'), Buffer.alloc(1000))
    const again = await LedgerStore.open(root, 't001', opt())
    expect(again.view().records.map((r) => r.id)).toEqual(['a'])
    expect(again.view().notices).toEqual([{ level: 'warning', message: expect.stringMatching(/^台账文件 ledger\.json 已损坏（内容全为零/) }])
    await again.close()
  })

  it('refuses a ledger file that belongs to another unit', async () => {
    await ledgerFile(ledgerPath(root, 't001'), { appVersion: 'x' }).write(sampleLedger('t002', '002', 1))
    await expect(LedgerStore.open(root, 't001', opt())).rejects.toMatchObject({ code: 'UNRECOVERABLE' })
  })
})

describe('ledgerEncoder', () => {
  it('produces the same JSON as JSON.stringify across saves, deletes and a different ledger', () => {
    const encode = ledgerEncoder()
    const text = (l: LedgerPayload): unknown => JSON.parse(Buffer.concat(encode(l)).toString('utf8'))
    let l = sampleLedger('t001', '001', 20)
    expect(text(l)).toEqual(JSON.parse(JSON.stringify(l)))
    for (let i = 0; i < 5; i++) {
      const rec = l.records[i] as LedgerPayload['records'][number]
      l = applyChanges(l, { upserts: [{ id: rec.id, fields: { ...rec.fields, remarks: `改${i}` } }], deletes: i === 3 ? ['r000020'] : [] }, {
        at: `t${i}`,
        by: '甲',
        problemNo: String
      }).ledger
      expect(text(l)).toEqual(JSON.parse(JSON.stringify(l)))
    }
    const other = sampleLedger('t002', '002', 3, 9)
    expect(text(other)).toEqual(JSON.parse(JSON.stringify(other)))
  })

  it('does not reuse the bytes of objects that may still change (not frozen)', () => {
    const encode = ledgerEncoder()
    const l = sampleLedger('t001', '001', 2)
    l.history.push({ at: 't', by: '甲', recordId: 'r000001', op: 'create' })
    encode(l)
    ;(l.records[0] as LedgerPayload['records'][number]).fields['remarks'] = '已改'
    ;(l.history[0] as LedgerPayload['history'][number]).by = '乙'
    expect(JSON.parse(Buffer.concat(encode(l)).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(l)))
  })

  it('keeps stored records frozen, so the cache cannot go stale', async () => {
    const store = await LedgerStore.open(root, 't001', opt())
    await store.save(input('t001', 0, [{ id: 'a', fields: fields() }]), '甲')
    const [rec] = store.view().records
    expect(() => {
      ;(rec as LedgerPayload['records'][number]).fields['remarks'] = 'x'
    }).toThrow(TypeError)
    await store.close()
  })
})

describe('ProfileStore', () => {
  it('has no profile at first, then keeps the saved one across restarts', async () => {
    const data = new DataDir(root, opt())
    const profiles = await data.profile()
    expect(profiles.get()).toBeNull()
    expect(profiles.notices).toEqual([])
    const p = { unitId: 't005', filler: '马玉兰', phone: '0930-6212345' }
    expect(await profiles.save(p)).toEqual(p)
    await data.close()
    const again = new DataDir(root, opt())
    expect((await again.profile()).get()).toEqual(p)
    const stored = JSON.parse(await readFile(join(root, 'profile.json'), 'utf8'))
    expect(stored).toMatchObject({ format: 'slw-profile', generation: 1, payload: { ...p, updatedAt: '2024-05-09T02:31:00.000Z' } })
    await again.close()
  })
})
