/**
 * Issue 20, finding 1: a 升级改造 record restarted without acceptance (RESTART_WITHOUT_ACCEPTANCE) was "退回" at
 * intake: the office's 附件4 counted 城郊镇 one short, the enterprise was nowhere in the workbook and the 合并报告
 * said "退回 1" with no reason. Now the row is taken in flagged: counted, red with its error in the workbook, listed
 * in the 合并报告 and in 核对; and a registry written before (rows with errors stored as `rejected`) opens so.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { annex4 } from '@shared/annexes/annex4'
import type { LedgerRecord } from '@shared/ledger/record'
import type { OfficeService } from '../../../electron/services/office/officeService'
import type { DataDir } from '../../../electron/services/storage/ledgerStore'
import { officeAt } from './officeFixture'
import { asUpload, formFile, unitRecords } from './unitExports'

let dir: string
let data: DataDir
let office: OfficeService
const open = (): void => {
  ;({ data, office } = officeAt(dir, '2024-09-30T02:00:00Z', '2024-09-30'))
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slw-flagged-'))
  open()
})
afterEach(async () => {
  await data.close()
})

/** 城郊镇's records, the first 升级改造 one restarted before any acceptance. */
function records(): { all: LedgerRecord[]; restarted: LedgerRecord } {
  const all = unitRecords('城郊镇', 12, 7)
  const restarted = all.find((r) => r.fields['category'] === '升级改造') as LedgerRecord
  restarted.fields = { ...restarted.fields, status: '整治中', acceptDate: '', acceptDept: '', acceptResult: '' }
  return { all, restarted }
}

/** A sheet's text, cell by cell. */
function sheetText(ws: ExcelJS.Worksheet): string {
  const lines: string[] = []
  ws.eachRow((row) => lines.push((row.values as unknown[]).filter((v) => v != null).map(String).join('|')))
  return lines.join('\n')
}

describe('a row with an error at the office', () => {
  it('is counted, listed in 核对 and the 合并报告, and printed red with its error', async () => {
    const { all, restarted } = records()
    const upgrading = all.filter((r) => ['升级改造', '整合搬迁'].includes(String(r.fields['category'])))
    const file = await formFile(annex4, '城郊镇', all, '2024-09-29')
    await office.intake.commit((await office.intake.stage([asUpload('附件4-城郊镇.xlsx', file)])).stageId)

    const view = await office.received.view('annex4')
    expect(view.rowCount).toBe(upgrading.length)
    expect(view.submissions[0]).toMatchObject({ status: 'accepted', accepted: upgrading.length, flagged: 1, rejected: 0 })
    expect(view.flaggedRows).toEqual([
      { unit: '城郊镇', file: '附件4-城郊镇.xlsx', row: expect.any(Number), name: restarted.fields['name'], errors: [expect.stringContaining('未经验收合格不得复产')] }
    ])
    expect(view.equations.every((e) => e.ok)).toBe(true)
    // 升级改造's 应完成 counts every 升级改造 record of the ledger, the flagged one included.
    const due = view.stats.headers.findIndex((h) => h.header === '应完成' && h.group === '升级改造')
    const upgrades = all.filter((r) => r.fields['category'] === '升级改造').length
    expect(view.stats.rows.find((r) => r.unit === '城郊镇')?.values[due]).toBe(upgrades)

    const exported = await office.intake.exportWorkbook({ filler: '王主任', phone: '0930-6212345' }, 'annex4')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(exported.data, 'base64') as unknown as ArrayBuffer)
    const detail = wb.getWorksheet('明细') as ExcelJS.Worksheet
    const flaggedRow = detail.getRows(1, detail.rowCount)?.find((r) => r.values.toString().includes(String(restarted.fields['name'])))
    expect(flaggedRow?.values.toString()).toContain('【有错误：')
    expect((flaggedRow?.getCell(2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFF4B8B8')
    expect(sheetText(detail)).toContain('红底、备注栏带【有错误】的行')
    const report = sheetText(wb.getWorksheet('合并报告') as ExcelJS.Worksheet)
    expect(report).toContain('三、有错误的记录（共 1 行')
    expect(report).toMatch(/有错误，已汇总并标红：第\d+行（是否复产（Q\d+）：未经验收合格不得复产/)
    expect(report).toContain(`${restarted.fields['name']}|城郊镇|附件4-城郊镇.xlsx 第`)
  })

  it('opens a registry written before rows with errors were taken in, and takes its rows in', async () => {
    await data.close()
    const row = (rowNumber: number, name: string, rejected: boolean) => ({ rowNumber, fields: { name, address: `${name}路1号` }, rejected })
    const submission = {
      file: '附件2-城郊镇.xlsx',
      sha256: 'a'.repeat(64),
      receivedAt: '2024-05-09T02:00:00.000Z',
      unit: '城郊镇',
      annex: 'annex2',
      filledDate: '2024-05-09',
      sheet: '摸底台账',
      refused: false,
      ownExport: null,
      counts: { read: 2, blankSkipped: 0 },
      rows: [row(6, '甲厂', false), row(7, '乙厂', true)],
      issues: [{ severity: 'error', code: 'X', sheet: '摸底台账', cell: 'C7', row: 7, column: '统一社会信用代码', message: '应为18位' }]
    }
    const payload = JSON.stringify({ submissions: [submission], decisions: [], notices: [], accountability: [], problemNos: [] })
    const meta = { format: 'slw-office', schemaVersion: 3, generation: 1, savedAt: '2024-05-10T00:00:00.000Z', appVersion: '0.9.0', sha256: createHash('sha256').update(payload).digest('hex') }
    mkdirSync(join(dir, 'office', 'files'), { recursive: true })
    writeFileSync(join(dir, 'office', 'registry.json'), `${JSON.stringify(meta).slice(0, -1)},"payload":${payload}}`)
    open()
    const view = await office.received.view('annex2')
    expect(view.rowCount).toBe(2)
    expect(view.flaggedRows).toEqual([{ unit: '城郊镇', file: '附件2-城郊镇.xlsx', row: 7, name: '乙厂', errors: ['统一社会信用代码（C7）：应为18位'] }])
  })
})
