/**
 * `slw weekly` and `slw notice` as the acceptance runs them, and the 月度工作总结 the app drafts: documents that print
 * through LibreOffice.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEEKLY_END } from '@shared/campaign/calendar'
import { defaultCampaign } from '@shared/campaign/campaign'
import { isHuikan } from '@shared/annexes/huikan'
import { weekly as weeklyForm } from '@shared/annexes/weekly'
import { weekFigures } from '@shared/reports/weekly'
import { run as notice } from '../../../electron/cli/commands/notice'
import { run as weekly } from '../../../electron/cli/commands/weekly'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { ImportStager } from '../../../electron/services/ledgerImport'
import { WeeklyService } from '../../../electron/services/reports/weeklyService'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { captureOutput } from '../../helpers/captureOutput'
import { docxPart, paragraphsOf } from '../documents/docxXml'
import { onPath, pdfPages, toPdf } from '../export/pdf'

const fixtures = resolve(import.meta.dirname, '../../fixtures/annex2')
const { out } = captureOutput()
let dir: string
const work = mkdtempSync(join(tmpdir(), 'slw-reports-cli-'))
const savedToday = process.env['SLW_TODAY']

/** 八坊街道 with clean-bafang's 30 records, some completed and fined on dates in May (a history to recompute). */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slw-reports-'))
  const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  const stager = new ImportStager(data, defaultCampaign, (b, name, annex) => readAnnexWorkbook(b, name, { annex }))
  const p = await stager.preview('t005', 'clean-bafang.xlsx', await readFile(join(fixtures, 'clean-bafang.xlsx')))
  await stager.commit('t005', p.stageId, false, '马晓明')
  const store = await data.ledger('t005')
  const [a, b] = store.view().records
  const done = { status: '已完成', completeDate: '2024-05-16', caseDate: '2024-05-14', decisionDate: '2024-05-16', fineAmount: '1.20' }
  await store.save({ unitId: 't005', baseGeneration: store.generation, changes: { upserts: [a, b].map((r) => ({ id: r!.id, fields: { ...r!.fields, ...done } })), deletes: [] } }, '马晓明')
  await (await data.profile()).save({ unitId: 't005', filler: '马晓明', phone: '0930-6212345' })
  await data.close()
  process.env['SLW_TODAY'] = '2024-06-20'
})
afterAll(() => {
  if (savedToday === undefined) delete process.env['SLW_TODAY']
  else process.env['SLW_TODAY'] = savedToday
})

describe('slw weekly', () => {
  it('the 附表 carries exactly the figures recomputed from the records', async () => {
    const file = join(work, '附表.xlsx')
    expect(await weekly(['--data', dir, '--unit', '八坊街道', '--date', '2024-05-17', '--out', file])).toBe(0)
    const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
    const records = (await data.ledger('t005')).view().records.map((r) => r.fields)
    await data.close()
    const f = weekFigures(records.filter((r) => !isHuikan(r)), records.filter(isHuikan), '2024-05-17')
    const ws = XLSX.read(readFileSync(file)).Sheets['工作进展']!
    const row = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true })[5] as unknown[]
    expect(row.slice(1, 9)).toEqual(['八坊街道', f.records, f.newFinds, f.doneThisWeek['关停取缔'], f.doneThisWeek['整合搬迁'], f.doneThisWeek['升级改造'], f.doneToDate['关停取缔'], f.doneToDate['整合搬迁']])
    expect(f.casesThisWeek).toBe(2)
    expect(f.finesThisWeek).toBe(2.4)
    // Issue 19: the 合计 line left 累计完成率 blank; it is recomputed from the sums like the unit's own figure.
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true })
    const rateAt = weeklyForm.columns.findIndex((c) => c.key === 'doneRate')
    const total = rows.find((r) => r[0] === '合计') as unknown[]
    expect(f.doneRate).not.toBeNull()
    expect(total[rateAt]).toBe((f.doneRate as number).toFixed(1))
    expect(total[rateAt]).toBe(row[rateAt])
  })

  it.skipIf(!onPath('soffice'))('the report prints as an official document', async () => {
    const file = join(work, '工作进展.docx')
    expect(await weekly(['--data', dir, '--unit', '八坊街道', '--date', '2024-05-17', '--out', file])).toBe(0)
    await toPdf(work, 'weekly', readFileSync(file), 'docx')
    const [page1] = await pdfPages(join(work, 'weekly.pdf'))
    // A 街道's report is its own 报告 to the office (issue 19: it carried the city's red 报头 and no 主送).
    expect(page1?.split('\n').map((l) => l.replace(/\s+/g, ''))).not.toContain('临夏市“散乱污”问题清理整治工作进展情况')
    for (const line of ['临夏市八坊街道办事处关于“散乱污”问题清理整治工作进展情况的报告', '（第1期）', '临夏市“散乱污”问题清理整治领导小组办公室：', '一、总体工作情况', '罚款2.40万元']) {
      expect(page1?.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''))
    }
  }, 180_000)

  // Issue 19: the calendar the unit took in from the office holds for the CLI too.
  it('numbers a Friday the office added to the weekly reports (calendar extended to 7/5) as 第8期', async () => {
    const file = join(work, '第8期.docx')
    const args = ['--data', dir, '--unit', '八坊街道', '--date', '2024-07-05', '--out', file]
    expect(await weekly(args)).toBe(0)
    expect(out.join('')).toContain('7月5日不在方案规定的每周报送期间')
    const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
    const change = { target: WEEKLY_END, date: '2024-07-05', reason: '清理整治阶段延长一周', approvedBy: '市领导小组', at: '2024-06-20T02:00:00.000Z', by: '王主任' }
    await (await data.calendar()).replace((c) => ({ ...c, version: 1, changes: [change] }))
    await data.close()
    out.length = 0
    expect(await weekly(args)).toBe(0)
    expect(out.join('')).not.toContain('不在方案规定的每周报送期间')
    expect(paragraphsOf(docxPart(readFileSync(file))).map((p) => p.text)).toContain('（第8期）')
  })

  it('refuses a date that is not a Friday', async () => {
    expect(await weekly(['--data', dir, '--unit', '八坊街道', '--date', '2024-05-18', '--out', join(work, 'x.docx')])).toBe(2)
  })
})

describe('the 月度工作总结', () => {
  const summaryOf = async (friday: string): Promise<Buffer> => {
    const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
    try {
      const unit = defaultCampaign.units.find((u) => u.name === '八坊街道')!
      const file = await new WeeklyService(data, defaultCampaign, 'test').exportSummary(unit, friday)
      expect(file.fileName).toBe(`月度工作总结-八坊街道-${friday.replace(/-/g, '')}.docx`)
      return Buffer.from(file.data, 'base64')
    } finally {
      await data.close()
    }
  }

  it('reports the month from the ledger, to the office, with 附件3, signed by the unit', async () => {
    const texts = paragraphsOf(docxPart(await summaryOf('2024-05-31'))).map((p) => p.text).filter((t) => t !== '')
    expect(texts.slice(0, 3)).toEqual([
      '八坊街道2024年5月份“散乱污”问题清理整治工作总结',
      '临夏市“散乱污”问题清理整治领导小组办公室：',
      '按照《临夏市2024年“散乱污”问题排查整治工作方案》要求，现将八坊街道5月份“散乱污”问题清理整治工作情况总结如下：'
    ])
    // The two records completed on 5/16 with a case and a fine each (beforeAll); June has none of it.
    expect(texts).toContain('5月1日至5月31日，新发现“散乱污”问题30个，完成整治2个（关停取缔1个、整合搬迁1个、升级改造0个），实施“两断三清”0户，立案查处2起，罚款2.40万元。')
    expect(texts.slice(-4)).toEqual(['附件：临夏市“散乱污”问题清理整顿情况汇总表', '临夏市八坊街道办事处', '2024年5月31日', '（联系人：马晓明，联系电话：0930-6212345）'])
    const june = paragraphsOf(docxPart(await summaryOf('2024-06-28'))).map((p) => p.text)
    expect(june.find((t) => t.startsWith('6月1日至6月28日'))).toContain('完成整治0个')
  })

  it.skipIf(!onPath('soffice'))('prints as an official document', async () => {
    await toPdf(work, 'summary', await summaryOf('2024-06-28'), 'docx')
    const [page1] = await pdfPages(join(work, 'summary.pdf'))
    for (const line of ['八坊街道2024年6月份“散乱污”问题清理整治工作总结', '一、工作开展情况', '二、主要做法', '累计完成整治2个']) {
      expect(page1?.replace(/\s+/g, '')).toContain(line)
    }
  }, 180_000)
})

describe('slw notice', () => {
  it.skipIf(!onPath('soffice'))('issues numbered notices for the overdue records and prints them as official documents', async () => {
    const file = join(work, '督办通知.docx')
    expect(await notice(['--data', dir, '--unit', '八坊街道', '--out', file])).toBe(0)
    expect(out.join('')).toContain('已印发临市散办督〔2024〕1号（八坊街道')
    expect(await notice(['--data', dir, '--unit', '八坊街道', '--out', join(work, 'second.docx')])).toBe(0)
    expect(out.join('')).toContain('临市散办督〔2024〕2号')
    await toPdf(work, 'notice', readFileSync(file), 'docx')
    const pages = await pdfPages(join(work, 'notice.pdf'))
    const page1 = pages[0]?.replace(/\s+/g, '') ?? ''
    for (const line of ['临夏市“散乱污”问题清理整治领导小组办公室', '临市散办督〔2024〕1号', '督办通知', '临夏市八坊街道办事处：']) expect(page1).toContain(line)
    expect(pages.join('').replace(/\s+/g, '')).toContain('问题清单')
  }, 180_000)

  it('issues nothing when the unit has nothing overdue', async () => {
    expect(await notice(['--data', dir, '--unit', '城南街道', '--out', join(work, 'none.docx')])).toBe(1)
  })
})
