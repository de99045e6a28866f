/** A form listing records still 待补充 is never written to be sealed and sent: refused, or a draft marked as one. */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { AppFailure } from '@shared/ipc/result'
import { run as runExport } from '../../../electron/cli/commands/export'
import { writeUnitForm } from '../../../electron/services/annexExport'
import { DRAFT_MARK } from '../../../electron/services/export/formBlock'
import { META_SHEET, parseExportMeta } from '../../../electron/services/export/meta'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { captureOutput } from '../../helpers/captureOutput'
import { readSheetJs, sheetRows } from './readBack'
import { sampleRecords } from './sampleRecords'

let dir: string
const records = sampleRecords(4)
// The third record came in from a table without addresses: 详细地址 still blank.
const third = records[2] as (typeof records)[number]
const incomplete = records.map((r) => (r === third ? { ...r, fields: { ...r.fields, address: '' } } : r))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-draft-'))
  const store = new DataDir(join(dir, 'data'), { appVersion: '0.1.0-test', campaign: defaultCampaign })
  const ledger = await store.ledger('t005')
  await ledger.save({ unitId: 't005', baseGeneration: ledger.generation, changes: { upserts: incomplete.map(({ id, fields }) => ({ id, fields })), deletes: [] } }, 'test')
  await store.close()
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})
const { err } = captureOutput()

const form = { annex: annex2, campaign: defaultCampaign, unitId: 't005', template: false, appVersion: '0.1.0-test', now: new Date('2024-05-09T02:00:00Z'), today: '2024-05-09' }

describe('export of a form with 待补充 records', () => {
  it('is refused, naming the record and its blank column', async () => {
    const store = new DataDir(join(dir, 'data'), { appVersion: '0.1.0-test', campaign: defaultCampaign, readOnly: true })
    try {
      const refused = await writeUnitForm(store, form).then(() => null, (e: unknown) => e)
      expect(refused).toBeInstanceOf(AppFailure)
      const message = (refused as AppFailure).message
      expect(message).toContain('附件2中有 1 条记录未填完（待补充），不能导出为正式报送的表格')
      expect(message).toContain(`${third.problemNo} ${String(third.fields['name'])}缺「详细地址」`)
    } finally {
      await store.close()
    }
  })

  it('as a draft: the title says not to send it, _meta says draft, and reading it back says so', async () => {
    const store = new DataDir(join(dir, 'data'), { appVersion: '0.1.0-test', campaign: defaultCampaign, readOnly: true })
    const { bytes, fileName } = await writeUnitForm(store, { ...form, draft: true }).finally(() => store.close())
    expect(fileName).toBe('附件2-八坊街道-20240509-草稿.xlsx')
    const book = readSheetJs(bytes)
    expect(sheetRows(book, '摸底台账')[1]?.[0]).toBe(`${annex2.title}${DRAFT_MARK}`)
    expect(parseExportMeta(sheetRows(book, META_SHEET))).toMatchObject({ kind: 'draft', recordCount: 4 })
    const read = await readAnnexWorkbook(bytes, '附件2-八坊街道-草稿.xlsx')
    expect(read.issues.find((i) => i.code === 'DRAFT_FORM')?.message).toContain('是草稿')
    expect(read.rows).toHaveLength(4)
  })

  it('slw export refuses it (exit 1) unless --draft', async () => {
    const file = join(dir, '附件2.xlsx')
    const args = ['--data', join(dir, 'data'), '--unit', '八坊街道', '--annex', 'annex2', '--date', '2024-05-09', '--out', file]
    expect(await runExport(args)).toBe(1)
    expect(err.join('')).toContain('加 --draft 导出草稿')
    expect(await runExport([...args, '--draft'])).toBe(0)
    const meta = parseExportMeta(sheetRows(readSheetJs(await readFile(file)), META_SHEET))
    expect(meta?.kind).toBe('draft')
  })

  it('a complete form is the sealed one, with no mark', async () => {
    const store = new DataDir(join(dir, 'complete'), { appVersion: '0.1.0-test', campaign: defaultCampaign })
    const ledger = await store.ledger('t005')
    await ledger.save({ unitId: 't005', baseGeneration: ledger.generation, changes: { upserts: records.map(({ id, fields }) => ({ id, fields })), deletes: [] } }, 'test')
    const { bytes, fileName } = await writeUnitForm(store, { ...form, draft: true }).finally(() => store.close())
    expect(fileName).toBe('附件2-八坊街道-20240509.xlsx')
    const book = readSheetJs(bytes)
    expect(sheetRows(book, '摸底台账')[1]?.[0]).toBe(annex2.title)
    expect(parseExportMeta(sheetRows(book, META_SHEET))?.kind).toBe('export')
  })
})
