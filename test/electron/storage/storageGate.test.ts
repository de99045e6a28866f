/**
 * Issue 15, finding 1: what storage cannot hold is refused at preview (and at every write), never acknowledged and
 * then rolled back at the next start. The files are made by the program's own writer, which writes any length.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { LedgerRecord } from '@shared/ledger/record'
import { STORAGE_LIMITS } from '@shared/ledger/record'
import { AppFailure } from '@shared/ipc/result'
import { run as check } from '../../../electron/cli/commands/check'
import { run as importCli } from '../../../electron/cli/commands/import'
import { readSubmission } from '../../../electron/services/merge/readSubmission'
import { OfficeService } from '../../../electron/services/office/officeService'
import { OfficeStore } from '../../../electron/services/storage/officeStore'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { captureOutput } from '../../helpers/captureOutput'
import { asUpload, formFile, unitRecords } from '../office/unitExports'

const { out, err } = captureOutput()
const UNIT = 't005' // 八坊街道
const LONG = 33_000

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slw-gate-'))
})

/** Three 八坊街道 records as its 附件2 export, the second one altered. */
async function exportWith(change: (r: LedgerRecord) => LedgerRecord): Promise<Buffer> {
  const records = unitRecords('八坊街道', 3, 15)
  records[1] = change(records[1] as LedgerRecord)
  return formFile(annex2, '八坊街道', records, '2024-05-10')
}

const longRemarks = (r: LedgerRecord): LedgerRecord => ({ ...r, fields: { ...r.fields, remarks: '长'.repeat(LONG) } })
const longId = (r: LedgerRecord): LedgerRecord => ({ ...r, id: 'x'.repeat(100) })

function save(name: string, bytes: Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** What a fresh program finds in the data folder: the ledger's records and the notices of its opening. */
async function reopened(): Promise<{ records: LedgerRecord[]; notices: string[] }> {
  const data = new DataDir(join(dir, 'data'), { appVersion: 'test', campaign: defaultCampaign })
  try {
    const view = (await data.ledger(UNIT)).view()
    return { records: view.records, notices: view.notices.map((n) => n.message) }
  } finally {
    await data.close()
  }
}

describe('a value storage cannot hold, through the CLI', () => {
  it('a 33,000-character 备注 is refused by check and import, naming file, sheet, cell and limit; the ledger stays', async () => {
    const clean = save('clean.xlsx', await exportWith((r) => r))
    const bad = save('long.xlsx', await exportWith(longRemarks))
    expect(await importCli([clean, '--unit', '八坊街道', '--data', join(dir, 'data'), '--yes'])).toBe(0)
    const before = await reopened()

    out.length = 0
    expect(await check([bad])).toBe(2)
    const said = `文件“long.xlsx”工作表“摸底台账”第7行 Z列（备注）单元格有 33,000 字，超过 32,767 字的上限，请删减后再导入`
    expect(out.join('')).toContain('结论：文件无法导入')
    expect(out.join('')).toContain(said)

    out.length = 0
    expect(await importCli([bad, '--unit', '八坊街道', '--data', join(dir, 'data'), '--yes'])).toBe(1)
    expect(out.join('') + err.join('')).toContain(said)
    expect(await reopened()).toEqual(before)
    expect(before.notices).toEqual([])
  })

  it('a _meta record id of 100 characters is re-issued with a warning, and the import reopens as acknowledged', async () => {
    const file = save('own.xlsx', await exportWith(longId))
    expect(await importCli([file, '--unit', '八坊街道', '--data', join(dir, 'data'), '--yes'])).toBe(0)
    const { records, notices } = await reopened()
    expect(notices).toEqual([])
    expect(records).toHaveLength(3)
    expect(records.every((r) => r.id.length <= STORAGE_LIMITS.recordId)).toBe(true)
    out.length = 0
    expect(await check([file])).toBe(0)
    expect(out.join('')).toContain('第7行在隐藏的校验表中的记录编号长 100 字（上限 64 字），本程序不能使用')
  })
})

describe('a value storage cannot hold, at the office', () => {
  let data: DataDir
  const open = (): OfficeService => {
    data = new DataDir(join(dir, 'data'), { appVersion: 'test', campaign: defaultCampaign })
    return new OfficeService(data, defaultCampaign, (b, name, at) => readSubmission(b, name, at, defaultCampaign), 'test')
  }
  afterEach(async () => {
    await data.close()
  })

  it('stages a file with a 33,000-character cell as refused; the commit and a restart keep the registry', async () => {
    const office = open()
    const stage = await office.intake.stage([asUpload('long.xlsx', await exportWith(longRemarks))])
    const [file] = stage.files
    expect(file?.status).toBe('rejected')
    expect(file?.issues.map((i) => i.message)).toContain(
      '文件“long.xlsx”工作表“摸底台账”第7行 Z列（备注）单元格有 33,000 字，超过 32,767 字的上限，请删减后再导入'
    )
    await office.intake.commit(stage.stageId)
    await data.close()
    const again = open()
    const store = await data.office()
    expect(store.notices).toEqual([])
    expect(store.submissions.map((s) => [s.file, s.refused, s.rows.length])).toEqual([['long.xlsx', true, 0]])
    expect((await again.received.view()).exportBlockers).toEqual([])
  })
})

describe('the write gate', () => {
  it('a ledger save storage cannot hold is refused with a Chinese message; memory and disk stay as acknowledged', async () => {
    const data = new DataDir(join(dir, 'data'), { appVersion: 'test', campaign: defaultCampaign })
    const store = await data.ledger(UNIT)
    const fields = { name: '甲', remarks: '好' }
    await store.save({ unitId: UNIT, baseGeneration: 0, changes: { upserts: [{ id: 'a', fields }], deletes: [] } }, '甲')
    const acknowledged = store.view().records
    const tooLong = { upserts: [{ id: 'a', fields: { ...fields, remarks: '长'.repeat(LONG) } }], deletes: [] }
    const refused = store.save({ unitId: UNIT, baseGeneration: 1, changes: tooLong }, '甲')
    await expect(refused).rejects.toThrow(AppFailure)
    await expect(refused).rejects.toThrow(/问题编号 LXS-2024-005-0001 的记录「备注」有 33,000 字，超过 32,767 字的上限/)
    const badId = { upserts: [{ id: 'y'.repeat(100), fields }], deletes: [] }
    await expect(store.save({ unitId: UNIT, baseGeneration: 1, changes: badId }, '甲')).rejects.toThrow(/内部编号长 100 字/)
    expect(store.view()).toMatchObject({ generation: 1, records: acknowledged })
    await data.close()
    expect(await reopened()).toEqual({ records: acknowledged, notices: [] })
  })

  it('a field named after an Object.prototype member is stored and reopened as written, Object.prototype untouched', async () => {
    const data = new DataDir(join(dir, 'data'), { appVersion: 'test', campaign: defaultCampaign })
    const store = await data.ledger(UNIT)
    await store.save({ unitId: UNIT, baseGeneration: 0, changes: { upserts: [{ id: 'a', fields: { name: '甲' } }], deletes: [] } }, '甲')
    const odd = Object.fromEntries([['name', '甲'], ['constructor', '乙'], ['toString', '丙']])
    await store.save({ unitId: UNIT, baseGeneration: 1, changes: { upserts: [{ id: 'a', fields: odd }], deletes: [] } }, '甲')
    expect(Object.isFrozen(Object.prototype) || Object.isFrozen(Object)).toBe(false)
    expect(store.history('a').map((h) => [h.field, h.from])).toEqual([[undefined, undefined], ['constructor', ''], ['toString', '']])
    const acknowledged = store.view().records
    await data.close()
    expect(await reopened()).toEqual({ records: acknowledged, notices: [] })
  })

  it('an office registry write the loader would refuse is refused, the registry unchanged', async () => {
    const store = await OfficeStore.open(join(dir, 'data'), { appVersion: 'test' })
    const submission = await readSubmission(await exportWith((r) => r), 'ok.xlsx', '2024-05-11T00:00:00.000Z', defaultCampaign)
    const row = submission.rows[0] as (typeof submission.rows)[number]
    const bad = { ...submission, sha256: 'f'.repeat(64), rows: [{ ...row, fields: { ...row.fields, remarks: '长'.repeat(LONG) } }] }
    await store.add([{ submission, bytes: Buffer.from('ok') }])
    await expect(store.add([{ submission: bad, bytes: Buffer.from('bad') }])).rejects.toThrow(/汇总登记文件不能保存的值.*32767/)
    expect(store.submissions).toHaveLength(1)
    await store.close()
    const again = await OfficeStore.open(join(dir, 'data'), { appVersion: 'test' })
    expect([again.notices, again.submissions.length]).toEqual([[], 1])
    await again.close()
  })
})
