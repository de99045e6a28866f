/** Every form of issue 5 written from one ledger: the rows each lists, its computed columns, and its printed page. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { annex3 } from '@shared/annexes/annex3'
import { annex4 } from '@shared/annexes/annex4'
import { eco } from '@shared/annexes/eco'
import { huikan } from '@shared/annexes/huikan'
import { illegal } from '@shared/annexes/illegal'
import { tlc } from '@shared/annexes/tlc'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'
import { writeAnnexWorkbook } from '../../../electron/services/export/workbook'
import { onPath, pdfPages, toPdf } from './pdf'
import { exportInput, sheetRows } from './readBack'
import { sampleRecords } from './sampleRecords'

/** 30 records of 八坊街道, the first 关停取缔 one completed with its 两断三清, plus one 2023 回头看 item. */
function ledger(): LedgerRecord[] {
  const records = sampleRecords(30)
  const closing = records.find((r) => r.fields['category'] === '关停取缔') as LedgerRecord
  closing.fields = {
    ...closing.fields,
    status: '已完成',
    completeDate: '2024-06-12',
    tlcWaterNa: '无自来水接入',
    ...Object.fromEntries(['Power', 'Materials', 'Products', 'Equipment'].map((i) => [`tlc${i}Date`, '2024-06-10'])),
    tlcInspector: '喇建军',
    tlcInspectDate: '2024-06-12',
    caseFiled: '是',
    penaltyKinds: ['罚款'],
    decisionNo: '临市监罚〔2024〕12号',
    fineAmount: '1.50'
  }
  const item: RecordFields = { track: 'huikan', town: '八坊街道', name: '临夏市马占山皮毛加工点', address: '临夏市八坊街道铁家社区团结路12号', hkCategory2023: '关停取缔', hkClosedDate: '2023-08-15' }
  return [...records, { id: 'hk1', problemNo: '', createdAt: '', updatedAt: '', fields: item }]
}

const count = (records: readonly LedgerRecord[], test: (f: RecordFields) => boolean): number => records.filter((r) => test(r.fields)).length

describe('the lifecycle forms as exported', () => {
  const records = ledger()
  const forms: [AnnexDefinition<RecordFields>, number][] = [
    [annex3, count(records, (f) => f['track'] !== 'huikan')],
    [annex4, count(records, (f) => f['category'] === '升级改造' || f['category'] === '整合搬迁')],
    [tlc, count(records, (f) => f['category'] === '关停取缔' || f['category'] === '整合搬迁')],
    [illegal, count(records, (f) => f['category'] === '关停取缔' || f['caseFiled'] === '是')],
    [eco, count(records, (f) => f['category'] === '升级改造' || f['category'] === '整合搬迁')],
    [huikan, 1]
  ]

  it.each(forms)('%s lists its records and prints its computed columns', async (annex, expected) => {
    const wb = XLSX.read((await writeAnnexWorkbook({ ...exportInput(records), annex })).bytes)
    const rows = sheetRows(wb, annex.sheetName).slice(5).filter((r) => typeof r[0] === 'number')
    expect(rows).toHaveLength(expected)
  })

  it('附件3 shows 两断三清 and 整治进展 from the record, 违法问题查处清单 its 问题编号', async () => {
    const a3 = sheetRows(XLSX.read((await writeAnnexWorkbook({ ...exportInput(records), annex: annex3 })).bytes), annex3.sheetName)
    const col = (key: string): number => annex3.columns.findIndex((c) => c.key === key)
    const done = a3.find((r) => r[col('tlcPowerMark')] === '√')
    expect(done?.[col('tlcWaterMark')]).toBe('不涉及')
    expect(done?.[col('progress')]).toBe('已完成')
    const list = sheetRows(XLSX.read((await writeAnnexWorkbook({ ...exportInput(records), annex: illegal })).bytes), illegal.sheetName)
    expect(list.some((r) => String(r[1]).startsWith('LXS-2024-005-'))).toBe(true)
  })

  it.skipIf(!onPath('soffice'))('each form opens in LibreOffice and prints its title on page 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slw-forms-pdf-'))
    for (const [annex] of forms) {
      await toPdf(dir, annex.id, (await writeAnnexWorkbook({ ...exportInput(records), annex })).bytes)
      const [page1] = await pdfPages(join(dir, `${annex.id}.pdf`))
      expect(page1?.replace(/\s+/g, ''), annex.id).toContain(annex.title.replace(/\s+/g, ''))
    }
  }, 300_000)
})
