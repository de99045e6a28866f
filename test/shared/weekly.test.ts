import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORIES } from '@shared/domain/enums'
import type { RecordFields } from '@shared/ledger/record'
import { defaultCampaign } from '@shared/campaign/campaign'
import { draftMonthlySummary, monthStart } from '@shared/reports/draft'
import { isFriday, periodCounts, weekFigures, weeklyRow, WeeklyTextSchema, weekStart } from '@shared/reports/weekly'
import { week } from './reportFigures'

/** A small unit history: what happened on which day (the fields carry the dates). */
const records: RecordFields[] = [
  { name: '甲', category: '关停取缔', foundDate: '2024-05-08', status: '已销号', completeDate: '2024-05-16', tlcWaterDate: '2024-05-15', tlcPowerDate: '2024-05-15', tlcMaterialsDate: '2024-05-16', tlcProductsDate: '2024-05-16', tlcEquipmentDate: '2024-05-16', caseDate: '2024-05-13', decisionDate: '2024-05-20', fineAmount: '2.5' },
  { name: '乙', category: '升级改造', foundDate: '2024-05-09', status: '已完成', completeDate: '2024-05-23' },
  { name: '丙', category: '整合搬迁', foundDate: '2024-05-21', status: '整治中' },
  { name: '丁', category: '关停取缔', foundDate: '2024-05-22', status: '整治中', tlcWaterNa: '无自来水', tlcPowerDate: '2024-05-23', caseDate: '2024-05-22', fineAmount: '0.35' },
  { name: '戊', category: '升级改造', foundDate: '2024-06-01', status: '整治中' }
]
const items: RecordFields[] = [
  { track: 'huikan', hkCheckDate: '2024-05-14', hkResurgent: '否' },
  { track: 'huikan', hkCheckDate: '2024-05-23', hkResurgent: '是' }
]

describe('Friday report figures (recomputed from the records)', () => {
  it('the week of 2024-05-17', () => {
    expect(weekFigures(records, items, '2024-05-17')).toEqual({
      friday: '2024-05-17',
      from: '2024-05-11',
      records: 2,
      newFinds: 0,
      doneThisWeek: { 关停取缔: 1, 整合搬迁: 0, 升级改造: 0 },
      doneToDate: { 关停取缔: 1, 整合搬迁: 0, 升级改造: 0 },
      doneRate: 50,
      tlcThisWeek: 1,
      tlcToDate: 1,
      casesThisWeek: 1,
      casesToDate: 1,
      finesThisWeek: 0,
      finesToDate: 0,
      huikanChecked: 1,
      huikanRebounds: 0,
      overdue: 0
    })
  })
  it('the week of 2024-05-24', () => {
    expect(weekFigures(records, items, '2024-05-24')).toMatchObject({
      records: 4,
      newFinds: 2,
      doneThisWeek: { 关停取缔: 0, 整合搬迁: 0, 升级改造: 1 },
      doneToDate: { 关停取缔: 1, 整合搬迁: 0, 升级改造: 1 },
      doneRate: 50,
      tlcThisWeek: 0,
      casesThisWeek: 1,
      casesToDate: 2,
      finesThisWeek: 2.85,
      finesToDate: 2.85,
      huikanChecked: 2,
      huikanRebounds: 1
    })
  })
  it('knows Fridays', () => {
    expect(['2024-05-17', '2024-06-28'].every(isFriday)).toBe(true)
    expect(isFriday('2024-05-18')).toBe(false)
    expect(weekStart('2024-05-17')).toBe('2024-05-11')
  })
  it('the weeks add up: Σ this week = to date (property over generated histories)', () => {
    const fridays = ['2024-05-17', '2024-05-24', '2024-05-31', '2024-06-07', '2024-06-14', '2024-06-21', '2024-06-28']
    const day = fc.integer({ min: 0, max: 48 }).map((d) => new Date(Date.UTC(2024, 4, 11 + d)).toISOString().slice(0, 10))
    const rec = fc.record({ category: fc.constantFrom(...CATEGORIES), completeDate: day, caseDate: day, fineAmount: fc.integer({ min: 0, max: 500 }).map((c) => String(c / 100)) })
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 30 }), (rs) => {
        const done = rs.map((r) => ({ ...r, status: '已完成' }) as RecordFields)
        const weeks = fridays.map((f) => weekFigures(done, [], f))
        const last = weeks.at(-1)!
        for (const c of CATEGORIES) expect(weeks.reduce((n, w) => n + w.doneThisWeek[c], 0)).toBe(last.doneToDate[c])
        expect(weeks.reduce((n, w) => n + w.casesThisWeek, 0)).toBe(last.casesToDate)
        expect(Math.round(weeks.reduce((n, w) => n + w.finesThisWeek, 0) * 100)).toBe(Math.round(last.finesToDate * 100))
      }),
      { numRuns: 200 }
    )
  })

  it('the 月度工作总结 of June counts June alone, then the whole campaign to its date', () => {
    const june = periodCounts(records, monthStart('2024-06-28'), '2024-06-28')
    expect(june).toEqual({ newFinds: 1, done: { 关停取缔: 0, 整合搬迁: 0, 升级改造: 0 }, tlc: 0, cases: 0, fines: 0 })
    const may = periodCounts(records, monthStart('2024-05-31'), '2024-05-31')
    expect(may).toMatchObject({ newFinds: 4, done: { 关停取缔: 1, 整合搬迁: 0, 升级改造: 1 }, tlc: 1, cases: 2, fines: 2.85 })
    const draft = draftMonthlySummary('八坊街道', defaultCampaign, weekFigures(records, items, '2024-05-31'), may)
    expect(draft.title).toBe('八坊街道2024年5月份“散乱污”问题清理整治工作总结')
    expect(draft.opening).toBe('按照《临夏市2024年“散乱污”问题排查整治工作方案》要求，现将八坊街道5月份“散乱污”问题清理整治工作情况总结如下：')
    expect(draft.sections.map((s) => s.heading)).toEqual(['一、工作开展情况', '二、主要做法', '三、存在问题', '四、下步工作打算'])
    const [done, , problems] = draft.sections.map((s) => s.text)
    expect(done?.split('\n')).toEqual([
      '5月1日至5月31日，新发现“散乱污”问题4个，完成整治2个（关停取缔1个、整合搬迁0个、升级改造1个），实施“两断三清”1户，立案查处2起，罚款2.85万元。',
      '截至5月31日，八坊街道共摸底排查“散乱污”问题4个，累计完成整治2个（关停取缔1个、整合搬迁0个、升级改造1个），完成率50.0%；累计实施“两断三清”1户，立案查处2起，罚款2.85万元；“回头看”核查2023年销号问题2个，发现反弹1个。'
    ])
    expect(problems).toBe('未发现超过完成时限未完成整治的问题。“回头看”发现1个2023年销号问题反弹，需重新整治。')
  })
})

describe('what a Friday report counts', () => {
  const friday = '2024-05-24'
  const overdue = (rs: RecordFields[]): number => weekFigures(rs, [], friday).overdue
  it('a problem is overdue when its 完成时限 passed before the Friday and it was not completed by then', () => {
    expect(overdue([{ category: '升级改造', status: '整治中', deadline: '2024-05-23' }])).toBe(1)
    // Completed, but only after the Friday: on the Friday it was still overdue.
    expect(overdue([{ category: '升级改造', status: '已完成', deadline: '2024-05-23', completeDate: '2024-05-25' }])).toBe(1)
  })
  it('no problem is overdue on its 完成时限 itself, before it, without one, or once completed', () => {
    expect(overdue([{ category: '升级改造', status: '整治中', deadline: friday }])).toBe(0)
    expect(overdue([{ category: '升级改造', status: '整治中', deadline: '2024-05-31' }])).toBe(0)
    expect(overdue([{ category: '升级改造', status: '整治中' }])).toBe(0)
    expect(overdue([{ category: '升级改造', status: '已完成', deadline: '2024-05-23', completeDate: '2024-05-24' }])).toBe(0)
  })
  it('a 完成日期 counts as done only when the status has reached 已完成', () => {
    const f = weekFigures([{ category: '升级改造', status: '整治中', completeDate: '2024-05-22' }], [], friday)
    expect([f.doneThisWeek['升级改造'], f.doneToDate['升级改造'], f.doneRate]).toEqual([0, 0, 0])
  })
  it('a problem found on the Friday itself is in that Friday\'s report', () => {
    expect(weekFigures([{ category: '升级改造', foundDate: friday }], [], friday)).toMatchObject({ records: 1, newFinds: 1 })
    expect(weekFigures([{ category: '升级改造', foundDate: '2024-05-25' }], [], friday)).toMatchObject({ records: 0, newFinds: 0 })
  })
  it('a Friday is written yyyy-mm-dd and nothing else', () => {
    expect(isFriday('+002024-05-17')).toBe(false)
    // Date() would take this one for a Friday (a bracket opens a comment, so the appended time is ignored).
    expect(isFriday('2024-05-17 12:00 GMT (周五')).toBe(false)
  })
})

describe('the 附表 row and the texts of a Friday report', () => {
  const figures = { ...week, finesToDate: 3.256 }
  it('writes each figure in its column, the rate to one decimal and 万元 to two', () => {
    expect(weeklyRow('八坊街道', figures, '无', '继续整治')).toEqual({
      unit: '八坊街道',
      records: '12',
      newFinds: '3',
      doneWeek关停取缔: '1',
      doneWeek整合搬迁: '0',
      doneWeek升级改造: '2',
      doneTotal关停取缔: '4',
      doneTotal整合搬迁: '1',
      doneTotal升级改造: '2',
      doneRate: '58.3',
      tlcWeek: '1',
      tlcTotal: '5',
      casesWeek: '2',
      casesTotal: '6',
      finesWeek: '0.50',
      finesTotal: '3.26',
      huikanChecked: '9',
      huikanRebounds: '0',
      openItems: '无',
      nextPlan: '继续整治'
    })
  })
  it('leaves 完成率 blank when there are no records, and writes 0.0 for none done', () => {
    expect(weeklyRow('城郊镇', { ...figures, records: 0, doneRate: null }, '', '')['doneRate']).toBe('')
    expect(weeklyRow('城郊镇', { ...figures, doneRate: 0 }, '', '')['doneRate']).toBe('0.0')
  })
  it('keeps the texts as written, up to 5000 characters a part and 2000 for 未完成事项 and 下步计划', () => {
    const text = { overview: '甲', thisWeek: '乙', problems: '丙', nextWeek: '丁', openItems: '戊', nextPlan: '己' }
    expect(WeeklyTextSchema.parse(text)).toEqual(text)
    const longest = { overview: 'x'.repeat(5000), thisWeek: 'x'.repeat(5000), problems: 'x'.repeat(5000), nextWeek: 'x'.repeat(5000), openItems: 'x'.repeat(2000), nextPlan: 'x'.repeat(2000) }
    expect(WeeklyTextSchema.safeParse(longest).success).toBe(true)
    for (const key of Object.keys(longest) as (keyof typeof longest)[]) {
      const tooLong = { ...longest, [key]: `${longest[key]}x` }
      expect(WeeklyTextSchema.safeParse(tooLong).error?.issues.map((i) => i.path)).toEqual([[key]])
    }
  })
})
