/**
 * The campaign replayed (issue 20): 八坊街道, 城郊镇 and the office on three PCs (three data folders), the working date
 * stepped through the plan's calendar, files carried between them as bytes. At each report date every form, report
 * and dashboard the office has must give the figures the units' own sealed forms give; each finding of the issue's
 * run is checked where it happened:
 * 1 a row with an error is counted, not dropped; 2 the city's Word report redrafts when another file arrives; 3 a
 * 回头看 reopening reaches the office with the unit's numbers; 4 立案 counted one way; 6 a skipped week carries the
 * unit's last figures; 7 a roll-up keeps who reported; 8 slw check reads every form the app exports.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annexById } from '@shared/annexes/registry'
import { defaultCampaign } from '@shared/campaign/campaign'
import { CATEGORIES } from '@shared/domain/enums'
import type { ExportedFile, OfficeView } from '@shared/ipc/contract'
import type { RecordFields } from '@shared/ledger/record'
import { sampleRecords } from '../export/sampleRecords'
import { docxPart, paragraphsOf } from '../documents/docxXml'
import { slw } from '../../helpers/slwProcess'
import { Desk, sealedStats, statKey, upload } from './desk'

const BAFANG = { id: 't005', name: '八坊街道', seq: '005' }
const CHENGJIAO = { id: 't100', name: '城郊镇', seq: '100' }
const CATEGORY_PLAN = ['关停取缔', '升级改造', '整合搬迁', '关停取缔', '升级改造', '关停取缔'] as const
const MEASURES: Record<string, string> = {
  关停取缔: '依法关停取缔，实施“两断三清”',
  升级改造: '完善喷淋降尘设施，补办环评手续',
  整合搬迁: '整合搬迁至临夏经济开发区'
}

/** Six problems of a town found on 5/6, due by the end of 清理整治 (6/28). */
function surveyed(unit: typeof BAFANG, seed: number): { id: string; fields: RecordFields }[] {
  return sampleRecords(CATEGORY_PLAN.length, unit.name, unit.seq, seed).map((r, i) => {
    const category = CATEGORY_PLAN[i] as string
    return { id: `${unit.id}-${i}`, fields: { ...r.fields, category, measures: MEASURES[category] ?? '', foundDate: '2024-05-06', deadline: '2024-06-28' } }
  })
}

/** A 关停取缔 stopped, 两断三清 and done over the days given. */
const closedDown = (stop: string, tlc: string, done: string): RecordFields => ({
  status: '已完成',
  stoppedFirst: '是',
  stopDate: stop,
  ...Object.fromEntries(['Water', 'Power', 'Materials', 'Products', 'Equipment'].map((id) => [`tlc${id}Date`, tlc])),
  tlcInspector: '马进',
  tlcInspectDate: done,
  completeDate: done
})

const desks = { bafang: new Desk(BAFANG.id), chengjiao: new Desk(CHENGJIAO.id), office: new Desk(defaultCampaign.office.id) }
const names: Record<string, string[]> = {}
const on = (date: string): void => {
  process.env['SLW_TODAY'] = date
}

/** The office takes files in as its page does: staged, then committed whole. */
async function receive(...files: ExportedFile[]): Promise<OfficeView> {
  const stage = await desks.office.call('office:stage', { files: files.map(upload) })
  return desks.office.call('office:commit', { stageId: stage.stageId })
}

const statsRow = (view: OfficeView, unit: string): Record<string, number | null> => {
  const row = view.stats.rows.find((r) => r.unit === unit)
  return Object.fromEntries(view.stats.headers.map((h, i) => [statKey(h), row?.values[i] ?? null]))
}

const savedWorkingDate = process.env['SLW_TODAY']
beforeAll(async () => {
  on('2024-05-06')
  await desks.bafang.call('profile:save', { unitId: BAFANG.id, filler: '马晓明', phone: '0930-6212345' })
  await desks.chengjiao.call('profile:save', { unitId: CHENGJIAO.id, filler: '何丽', phone: '0930-6312345' })
  await desks.office.call('profile:save', { unitId: defaultCampaign.office.id, filler: '王主任', phone: '0930-6218888' })
  for (const [desk, unit, seed] of [[desks.bafang, BAFANG, 3], [desks.chengjiao, CHENGJIAO, 5]] as const) {
    const rows = surveyed(unit, seed)
    await desk.save(rows)
    names[unit.name] = rows.map((r) => String(r.fields['name']))
  }
})
afterAll(async () => {
  await Promise.all(Object.values(desks).map((d) => d.close()))
  if (savedWorkingDate === undefined) delete process.env['SLW_TODAY']
  else process.env['SLW_TODAY'] = savedWorkingDate
})

const nameOf = (unit: string, i: number): string => names[unit]?.[i] as string

describe('the 2024 campaign replayed on three PCs', () => {
  it('5/9: both towns send 附件2; the office counts their 12 problems on every view', async () => {
    on('2024-05-09')
    const view = await receive(await desks.bafang.form('annex2'), await desks.chengjiao.form('annex2'))
    expect(view.rowCount).toBe(12)
    expect(view.flaggedRows).toEqual([])
    const dashboard = await desks.office.call('office:dashboard', {})
    expect(dashboard.city).toMatchObject({ records: 12, done: 0 })
  })

  it('5/16: the first Friday report; the city report redrafts when the second town\'s file arrives (finding 2)', async () => {
    on('2024-05-16')
    // 八坊街道 words its report before the day's completion is entered: its figures are filled in again after.
    const before = await desks.bafang.call('weekly:view', { unitId: BAFANG.id, friday: '2024-05-17' })
    expect(before.text.overview).toContain('累计完成整治0个（关停取缔0个')
    const rewritten = `${before.text.overview}另有2户正在整改，下周验收。`
    await desks.bafang.call('weekly:save', { unitId: BAFANG.id, friday: '2024-05-17', text: { ...before.text, overview: rewritten } })
    await desks.bafang.edit(nameOf('八坊街道', 0), {
      ...closedDown('2024-05-13', '2024-05-14', '2024-05-15'),
      caseFiled: '是',
      caseDate: '2024-05-14',
      decisionNo: '临市监罚〔2024〕12号',
      decisionDate: '2024-05-15',
      fineAmount: '0.50'
    })
    // Finding 4: 立案 evidence filled, 是否立案 left blank: still one 立案 everywhere.
    await desks.chengjiao.edit(nameOf('城郊镇', 0), {
      ...closedDown('2024-05-13', '2024-05-14', '2024-05-16'),
      caseDate: '2024-05-15',
      decisionNo: '临市环罚〔2024〕3号',
      decisionDate: '2024-05-16',
      fineAmount: '1.20'
    })
    const [found] = surveyed(CHENGJIAO, 11)
    if (!found) throw new Error('sample')
    await desks.chengjiao.save([{ id: `${CHENGJIAO.id}-new`, fields: { ...found.fields, category: '关停取缔', measures: MEASURES['关停取缔'] ?? '', foundDate: '2024-05-14', source: '群众举报' } }])

    const after = await desks.bafang.call('weekly:view', { unitId: BAFANG.id, friday: '2024-05-17' })
    expect(after).toMatchObject({ changed: [], refilled: ['overview'] })
    expect(after.text.overview).toBe(rewritten.replace('累计完成整治0个（关停取缔0个', '累计完成整治1个（关停取缔1个').replace(/完成率0\.0%；累计实施“两断三清”0户，立案查处0起，罚款0\.00万元/, '完成率16.7%；累计实施“两断三清”1户，立案查处1起，罚款0.50万元'))
    expect(cityText(await desks.bafang.call('weekly:export', { unitId: BAFANG.id, friday: '2024-05-17', format: 'docx' }))).toContain(after.text.overview)
    await receive(await desks.bafang.weekly('2024-05-17'))
    const first = cityText(await desks.office.call('office:weeklyExport', { friday: '2024-05-17', format: 'docx' }))
    expect(first).toContain('已报送的1个单位')
    await receive(await desks.chengjiao.weekly('2024-05-17'))
    const week = await desks.office.call('office:weekly', { friday: '2024-05-17' })
    expect(week.totals).toMatchObject({ records: '13', newFinds: '1', doneTotal关停取缔: '2', tlcTotal: '2', casesTotal: '2', finesTotal: '1.70' })
    const second = cityText(await desks.office.call('office:weeklyExport', { friday: '2024-05-17', format: 'docx' }))
    expect(second).not.toContain('已报送的1个单位')
    expect(second).toContain('13个')
  })

  it('5/23: 城郊镇 skips a week; the city carries its last figures, marked, and never goes backwards (finding 6)', async () => {
    on('2024-05-23')
    await desks.bafang.edit(nameOf('八坊街道', 3), closedDown('2024-05-20', '2024-05-21', '2024-05-21'))
    await desks.chengjiao.edit(nameOf('城郊镇', 3), closedDown('2024-05-20', '2024-05-21', '2024-05-22'))
    await receive(await desks.bafang.weekly('2024-05-24'))
    const week = await desks.office.call('office:weekly', { friday: '2024-05-24' })
    expect(week.missing).toEqual(expect.arrayContaining(['城郊镇']))
    const carried = week.rows.find((r) => r.unit === '城郊镇')
    expect(carried).toMatchObject({ carried: '2024-05-17', fields: { records: '7', doneTotal关停取缔: '1' } })
    expect(week.totals).toMatchObject({ records: '13', doneTotal关停取缔: '3' })
  })

  it('6/27: 附件3 and the Friday report: the office\'s 附件3, city report and dashboard give each town\'s sealed figures (findings 4, 5)', async () => {
    on('2024-06-27')
    await desks.chengjiao.edit(nameOf('城郊镇', 1), {
      status: '已验收',
      upgradeFacilities: '新建喷淋降尘设施',
      completeDate: '2024-06-20',
      acceptDate: '2024-06-25',
      acceptDept: '市工信局',
      acceptResult: '合格'
    })
    const forms = { 八坊街道: await desks.bafang.form('annex3'), 城郊镇: await desks.chengjiao.form('annex3') }
    await receive(forms.八坊街道, forms.城郊镇, await desks.bafang.weekly('2024-06-28'), await desks.chengjiao.weekly('2024-06-28'))
    on('2024-06-28')
    const annex3 = await desks.office.call('office:view', { annex: 'annex3' })
    const week = await desks.office.call('office:weekly', { friday: '2024-06-28' })
    const dashboard = await desks.office.call('office:dashboard', {})
    expect(annex3.flaggedRows).toEqual([])
    for (const unit of ['八坊街道', '城郊镇'] as const) {
      const sealed = await sealedStats(forms[unit], 'annex3')
      const office = statsRow(annex3, unit)
      expect(office, unit).toEqual(sealed)
      const row = week.rows.find((r) => r.unit === unit)?.fields ?? {}
      const weekly = (key: string): number => Number(row[key])
      expect(weekly('records'), unit).toBe(sealed['摸底问题数'])
      for (const c of CATEGORIES) expect(weekly(`doneTotal${c}`), `${unit} ${c}`).toBe(sealed[`${c}/已完成`])
      expect(weekly('tlcTotal'), unit).toBe(sealed['两断三清完成数'])
      expect(weekly('casesTotal'), unit).toBe(sealed['立案数'])
      expect(weekly('finesTotal'), unit).toBe(sealed['罚款（万元）'])
      expect(dashboard.units.find((u) => u.unit === unit), unit).toMatchObject({ records: sealed['摸底问题数'], done: sealed['总完成数'] })
    }
    // Finding 5: 城郊镇's find of 5/14 is on 附件3, not on the 附件2 it sent on 5/9: said, and 附件3's workbook waits
    // for the office to confirm why.
    expect(annex3.crossChecks.filter((c) => !c.ok).map((c) => [c.id, c.findings])).toEqual([
      ['annex2-annex3:城郊镇', [expect.stringMatching(/^附件3有1个问题不在附件2中（摸底后新发现的，应补报附件2）：/)]]
    ])
    expect(annex3.crossChecks.filter((c) => c.ok).map((c) => c.id)).toEqual(
      expect.arrayContaining(['annex2-annex3:八坊街道', 'weekly-annex3:八坊街道:2024-06-28', 'weekly-annex3:城郊镇:2024-06-28', 'weekly-chain:八坊街道:2024-05-24'])
    )
    await expect(desks.office.call('office:export', { annex: 'annex3' })).rejects.toMatchObject({ message: expect.stringContaining('城郊镇：附件2 6 个问题与附件3 7 个问题不一致') })
    const confirmed = await desks.office.call('office:confirm', { check: 'annex2-annex3:城郊镇', note: '5月14日群众举报新发现，已补入台账', annex: 'annex3' })
    expect(confirmed.exportBlockers).toEqual([])
    expect((await desks.office.call('office:export', { annex: 'annex3' })).fileName).toMatch(/^附件3-汇总-/)
    // The figures themselves: 13 problems (城郊镇's new find included), 5 done, 2 立案 (one with 是否立案 blank).
    expect(statsRow(annex3, '合计')).toMatchObject({ 摸底问题数: 13, 总完成数: 5, 立案数: 2, '罚款（万元）': 1.7 })
    expect(dashboard.city).toMatchObject({ records: 13, done: 5 })
  })

  it('9/26: 附件4 with a restart before acceptance and a 回头看 reopening: counted at the office as the towns count them (findings 1, 3)', async () => {
    on('2024-09-20')
    const item = { track: 'huikan', town: '八坊街道', name: '临夏市某某石材加工厂', uscc: '无', address: '八坊街道清华社区建设路88号', operator: '马某', phone: '13519301234', hkCategory2023: '关停取缔', hkClosedDate: '2023-09-28', hkCheckDate: '2024-09-19', hkInspectors: '马进', hkFinding: '关停取缔不彻底', hkResurgent: '是' }
    await desks.bafang.save([{ id: 'hk-1', fields: item }])
    const { generation } = await desks.bafang.call('ledger:open', { unitId: BAFANG.id })
    await desks.bafang.call('ledger:reopen', { unitId: BAFANG.id, recordId: 'hk-1', baseGeneration: generation })
    on('2024-09-26')
    await desks.chengjiao.edit(nameOf('城郊镇', 4), { status: '已完成', upgradeFacilities: '新建喷淋降尘设施', completeDate: '2024-09-10', restarted: '是', restartDate: '2024-09-20' })
    const forms = { 八坊街道: await desks.bafang.form('annex4'), 城郊镇: await desks.chengjiao.form('annex4') }
    const huikan = await desks.bafang.form('huikan')
    await receive(forms.八坊街道, forms.城郊镇, huikan, await desks.bafang.weekly('2024-09-27'), await desks.chengjiao.weekly('2024-09-27'))
    on('2024-09-30')
    const annex4 = await desks.office.call('office:view', { annex: 'annex4' })
    for (const unit of ['八坊街道', '城郊镇'] as const) expect(statsRow(annex4, unit), unit).toEqual(await sealedStats(forms[unit], 'annex4'))
    expect(annex4.flaggedRows).toEqual([expect.objectContaining({ unit: '城郊镇', name: nameOf('城郊镇', 4), errors: [expect.stringContaining('未经验收合格不得复产')] })])
    expect(statsRow(annex4, '城郊镇')['升级改造/应完成']).toBe(2)
    // The reopening: 反弹 on 附件4, 死灰复燃 in the office's 回头看 view and on the Friday report, all 1.
    expect(statsRow(annex4, '八坊街道')['回头看反弹数']).toBe(1)
    const huikanView = await desks.office.call('office:view', { annex: 'huikan' })
    expect(statsRow(huikanView, '八坊街道')).toEqual(await sealedStats(huikan, 'huikan'))
    expect(statsRow(huikanView, '八坊街道')['死灰复燃']).toBe(1)
    expect((await desks.office.call('office:export', { annex: 'huikan' })).fileName).toBe('回头看台账-汇总-20240930.xlsx')
    const week = await desks.office.call('office:weekly', { friday: '2024-09-27' })
    expect(week.rows.find((r) => r.unit === '八坊街道')?.fields['huikanRebounds']).toBe('1')
    // The reopened record is a 2024 problem of 八坊街道 on 附件2 too, complete enough to be taken without errors.
    const reopened = (await desks.bafang.records()).find((r) => r.fields['reopenedFrom'] === 'hk-1')
    expect(reopened?.fields).toMatchObject({ foundDate: '2024-09-19', deadline: '2024-09-30', source: '回头看发现' })
    const annex2 = await receive(await desks.bafang.form('annex2'))
    expect(annex2.flaggedRows).toEqual([])
    // The reopened problem came after 附件3 (6/27): on 附件2 and 附件4, not on 附件3, until the office confirms why.
    const open = annex2.crossChecks.filter((c) => !c.ok && !c.confirmed)
    expect(open.map((c) => [c.id, c.findings])).toEqual([
      ['annex2-annex3:八坊街道', ['附件2的1个问题不在附件3中：临夏市某某石材加工厂']],
      ['annex3-annex4:八坊街道', ['附件4的1个问题不在附件3中：临夏市某某石材加工厂']]
    ])
    expect(annex2.exportBlockers).toEqual(['八坊街道：附件2 7 个问题与附件3 6 个问题不一致：附件2的1个问题不在附件3中：临夏市某某石材加工厂'])
    for (const c of open) await desks.office.call('office:confirm', { check: c.id, note: '9月19日回头看发现死灰复燃，重新立案整治；附件3为6月27日报送' })
    expect(statsRow(annex2, '八坊街道')['排查问题总数']).toBe(7)
  })

  it('a city office merging this office\'s consolidation knows who reported (finding 7)', async () => {
    const consolidated = await desks.office.call('office:export', { annex: 'annex2' })
    const city = new Desk(defaultCampaign.office.id)
    try {
      await city.call('profile:save', { unitId: defaultCampaign.office.id, filler: '李主任', phone: '0930-6219999' })
      const stage = await city.call('office:stage', { files: [upload(consolidated)] })
      const view = await city.call('office:commit', { stageId: stage.stageId })
      // 八坊街道's 附件2 of 9/26 (7 rows), 城郊镇's of 5/9 (6: its find of 5/14 came after).
      expect(view.rowCount).toBe(13)
      const annex2 = view.reporting.find((r) => r.id === 'annex2')
      expect(annex2?.units.filter((u) => u.received).map((u) => u.unit)).toEqual(['八坊街道', '城郊镇'])
    } finally {
      await city.close()
    }
  })

  it('slw check reads every form the towns sent (finding 8)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slw-replay-check-'))
    for (const annex of ['annex3', 'annex4', 'huikan', 'contacts']) {
      if (annex === 'contacts') {
        await desks.bafang.call('contacts:save', { unitId: BAFANG.id, fields: { leaderName: '马主任', leaderTitle: '副主任', leaderMobile: '13909301234', liaisonName: '韩小梅', liaisonTitle: '科员', liaisonMobile: '13519305678' } })
      }
      const file = await desks.bafang.form(annex)
      const path = join(dir, file.fileName)
      writeFileSync(path, Buffer.from(file.data, 'base64'))
      const { code, stdout } = await slw('check', path, '--json')
      const result = JSON.parse(stdout) as { annex: string; issues: { severity: string; message: string }[] }
      expect({ annex: result.annex, errors: result.issues.filter((i) => i.severity === 'error').map((i) => i.message) }, annexById(annex)?.title).toEqual({ annex, errors: [] })
      expect(code).toBe(0)
    }
  })
})

/** The text of a Word report as exported. */
function cityText(file: ExportedFile): string {
  return paragraphsOf(docxPart(Buffer.from(file.data, 'base64')))
    .map((p) => p.text)
    .join('\n')
}
