import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annex3 } from '@shared/annexes/annex3'
import { defaultCampaign } from '@shared/campaign/campaign'
import { deadlineNote } from '@shared/lifecycle/lifecycleIssues'
import { run as runExport } from '../../../electron/cli/commands/export'
import { run as runTemplate } from '../../../electron/cli/commands/template'
import { META_SHEET, parseExportMeta } from '../../../electron/services/export/meta'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { readSheetJs, sheetRows } from './readBack'
import { sampleRecords } from './sampleRecords'
import { captureOutput } from '../../helpers/captureOutput'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-export-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})
const { out, err } = captureOutput()

async function metaOf(file: string): Promise<ReturnType<typeof parseExportMeta>> {
  return parseExportMeta(sheetRows(readSheetJs(await readFile(file)), META_SHEET))
}

describe('slw template', () => {
  it('writes a blank 附件2 for a unit named any way the plan names it', async () => {
    const file = join(dir, '附件2-模板.xlsx')
    expect(await runTemplate(['annex2', '--unit', '临夏市八坊街道办事处', '--filler', '马XX', '--out', file])).toBe(0)
    expect(await metaOf(file)).toMatchObject({ kind: 'template', annexId: 'annex2', unitName: '八坊街道', recordCount: 0 })
    expect(out.join('')).toContain('空白表')
  })

  it('refuses unknown annexes, units and dates, and a missing --out (exit 2)', async () => {
    const file = join(dir, 'never.xlsx')
    expect(await runTemplate(['annex9', '--out', file])).toBe(2)
    expect(await runTemplate(['annex2', '--unit', '城东街道', '--out', file])).toBe(2)
    expect(await runTemplate(['annex2', '--date', '5月9日', '--out', file])).toBe(2)
    expect(await runTemplate(['annex2'])).toBe(2)
    expect(await runTemplate(['annex2', '--out', file, '--colour', 'red'])).toBe(2)
    expect(existsSync(file)).toBe(false)
    expect(err.join('')).toContain('“城东街道”不是本次整治工作中的单位')
    expect(err.join('')).toContain('不认识的选项：--colour')
  })
})

describe('slw export', () => {
  const records = sampleRecords(12)
  const dataDir = (): string => join(dir, 'data')

  beforeAll(async () => {
    const store = new DataDir(dataDir(), { appVersion: '0.1.0-test', campaign: defaultCampaign })
    const ledger = await store.ledger('t005')
    const upserts = records.map(({ id, fields }) => ({ id, fields }))
    await ledger.save({ unitId: 't005', baseGeneration: ledger.generation, changes: { upserts, deletes: [] } }, 'test')
    await (await store.profile()).save({ unitId: 't005', filler: '马XX', phone: '0930-6212345' })
    await store.close()
  })

  it('exports the unit’s ledger with 填报人 and 联系电话 from the profile', async () => {
    const file = join(dir, '附件2-八坊街道.xlsx')
    const args = ['--data', dataDir(), '--unit', '八坊街道', '--annex', 'annex2', '--date', '2024年5月9日', '--out', file]
    expect(await runExport(args)).toBe(0)
    const meta = await metaOf(file)
    expect(meta).toMatchObject({ kind: 'export', unitName: '八坊街道', filledDate: '2024-05-09' })
    expect(meta?.recordCount).toBe(records.length)
    expect(meta?.records.map((r) => r.recordId)).toEqual(records.map((r) => r.id))
    expect(meta?.records[0]?.problemNo).toBe('LXS-2024-005-0001')
    const rows = sheetRows(readSheetJs(await readFile(file)), '摸底台账')
    expect(rows[2]?.[0]).toBe('填报单位（盖章）：八坊街道　　填报人：马XX　　联系电话：0930-6212345　　填报日期：2024年5月9日')
    expect(out.join('')).toContain(`校验码 ${meta?.checkCode}`)
  })

  it('writes the same form as the app: overdue notes in 备注, 填报日期 the working date', async () => {
    const file = join(dir, '附件3-八坊街道.xlsx')
    const saved = process.env['SLW_TODAY']
    process.env['SLW_TODAY'] = '2024-07-01'
    try {
      expect(await runExport(['--data', dataDir(), '--unit', '八坊街道', '--annex', 'annex3', '--out', file])).toBe(0)
    } finally {
      if (saved === undefined) delete process.env['SLW_TODAY']
      else process.env['SLW_TODAY'] = saved
    }
    const rows = sheetRows(readSheetJs(await readFile(file)), annex3.sheetName)
    expect(rows[2]?.[0]).toContain('填报日期：2024年7月1日')
    const overdue = records.filter((r) => deadlineNote(r.fields, '2024-07-01') !== '')
    expect(overdue.length).toBeGreaterThan(0)
    const noted = rows.filter((row) => row.some((cell) => String(cell ?? '').startsWith('逾期未完成（时限')))
    expect(noted).toHaveLength(overdue.length)
  })

  it('says so, and creates nothing, when the data folder has no ledger for the unit (exit 1)', async () => {
    const empty = join(dir, 'no-such-data')
    const args = ['--data', empty, '--unit', '城郊镇', '--annex', 'annex2', '--out', join(dir, 'x.xlsx')]
    expect(await runExport(args)).toBe(1)
    expect(err.join('')).toContain('没有城郊镇的台账')
    expect(existsSync(empty)).toBe(false)
  })

  it('needs --annex and --unit (exit 2)', async () => {
    expect(await runExport(['--data', dataDir(), '--unit', '八坊街道', '--out', join(dir, 'y.xlsx')])).toBe(2)
    expect(await runExport(['--data', dataDir(), '--annex', 'annex2', '--out', join(dir, 'y.xlsx')])).toBe(2)
  })
})
