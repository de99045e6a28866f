import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { annex3 } from '@shared/annexes/annex3'
import { annex4 } from '@shared/annexes/annex4'
import { eco } from '@shared/annexes/eco'
import { huikan } from '@shared/annexes/huikan'
import { illegal } from '@shared/annexes/illegal'
import { fieldLabel, formIncludes, RECORD_FORMS, recordColumns } from '@shared/annexes/registry'
import { tlc } from '@shared/annexes/tlc'
import type { AnnexDefinition } from '@shared/annexes/types'
import { defaultCampaign, unitById } from '@shared/campaign/campaign'
import { nextDue, reportsDue } from '@shared/campaign/schedule'
import type { RecordFields } from '@shared/ledger/record'
import { applyAction } from '@shared/lifecycle/actions'
import { canReopen, reopenFields } from '@shared/lifecycle/reopen'
import { UnitLedgerValidator } from '@shared/validation/validateUnitLedger'

const closing: RecordFields = { name: '临夏市恒发石材厂', category: '关停取缔', status: '已验收', fineAmount: '1.5', caseFiled: '是' }
const upgrading: RecordFields = { name: '临夏市清河洗车行', category: '升级改造', status: '已验收', restarted: '是', acceptResult: '合格' }
const item: RecordFields = { track: 'huikan', name: '临夏市马占山皮毛加工点', uscc: '无', hkCategory2023: '关停取缔', hkResurgent: '是' }

describe('forms over the same records', () => {
  it('each form lists its records: 2024 records on the forms, 2023 items only on 回头看', () => {
    const on = (f: RecordFields): string[] => [...RECORD_FORMS, huikan].filter((a) => formIncludes(a, f)).map((a) => a.id)
    expect(on(closing)).toEqual(['annex2', 'annex3', 'tlc', 'illegal'])
    expect(on(upgrading)).toEqual(['annex2', 'annex3', 'annex4', 'eco'])
    expect(on(item)).toEqual(['huikan'])
  })

  // Issue 19: a converted upgrade vanished from 附件4 and from its 应完成 (20 → 19), which made the form look better.
  it('keeps an upgrade turned into a closure on 附件4, as 转关停取缔 and in 应完成, done once it is 销号', () => {
    const due: RecordFields = { name: '临夏市顺达彩钢加工点', category: '升级改造', deadline: '2024-06-19', status: '整治中' }
    const r = applyAction(due, 'convert', '2024-06-20')
    if (!r.ok) throw new Error(r.missing.join('；'))
    const converted = r.fields
    expect(converted['category']).toBe('关停取缔')
    expect(formIncludes(annex4, converted)).toBe(true)
    const progress = (a: AnnexDefinition<RecordFields>, f: RecordFields): unknown => a.columns.find((c) => c.key === 'progress')?.derive?.(f)
    expect(progress(annex4, converted)).toBe('转关停取缔')
    // 附件3 lists it by the class it has now, at its state.
    expect(progress(annex3, converted)).toBe('整治中')
    const stat = (header: string, rows: RecordFields[], group?: string): number | null | undefined =>
      (annex4 as AnnexDefinition<RecordFields>).stats?.columns.find((c) => c.header === header && c.group === group)?.compute(rows)
    expect(stat('应完成', [upgrading, converted], '升级改造')).toBe(2)
    expect(stat('完成率（%）', [upgrading, converted])).toBe(50)
    expect(stat('完成率（%）', [upgrading, { ...converted, status: '已销号' }])).toBe(100)
    // A row read from a unit's 附件4 carries no 原整治类别: its printed 整治进展 says it.
    const fromFile: RecordFields = { name: '临夏市顺达彩钢加工点', category: '关停取缔', progress: '转关停取缔' }
    expect(formIncludes(annex4, fromFile)).toBe(true)
    expect(stat('应完成', [fromFile], '升级改造')).toBe(1)
  })

  it('附件3 and 附件4 carry 完成时限 and 牵头单位 after the identity columns, not required of a unit’s own file', () => {
    for (const form of [annex3, annex4] as AnnexDefinition<RecordFields>[]) {
      const at = form.columns.findIndex((c) => c.key === 'address')
      expect(form.columns.slice(at + 1, at + 3).map((c) => [c.key, c.header, c.required ?? false])).toEqual([
        ['deadline', '完成时限', false],
        ['leadDept', '牵头单位', false]
      ])
    }
  })

  it('prints 整治进展 by the state: 未启动, then 已停产 for a record stopped first', () => {
    const progress = annex3.columns.find((c) => c.key === 'progress')?.derive
    expect(progress?.({ category: '升级改造' })).toBe('未启动')
    expect(progress?.({ category: '升级改造', status: '已停产', stopDate: '2024-05-20' })).toBe('已停产')
    expect(progress?.(upgrading)).toBe('已验收')
  })

  it('computes the printed columns and the 统计 of 附件3 and 附件4 from the records', () => {
    const mark = annex3.columns.find((c) => c.key === 'tlcPowerMark')?.derive
    expect(mark?.({ ...closing, tlcPowerDate: '2024-06-10' })).toBe('√')
    expect(mark?.(closing)).toBe('×')
    expect(mark?.(upgrading)).toBe('不涉及')
    const stat = (a: AnnexDefinition<RecordFields>, header: string, group?: string): number | null | undefined =>
      a.stats?.columns.find((c) => c.header === header && c.group === group)?.compute([closing, upgrading])
    expect(stat(annex3, '已完成', '关停取缔')).toBe(1)
    expect(stat(annex3, '罚款（万元）')).toBe(1.5)
    expect(stat(annex3, '完成率（%）')).toBe(100)
    expect(stat(annex4, '已复产', '升级改造')).toBe(1)
    // A unit's record knows its 搬迁完成日期; a row from a unit's 附件4 shows the move by its acceptance or 销号.
    const moving: RecordFields = { name: '临夏市宏达砖厂', category: '整合搬迁', status: '整治中' }
    const moves = (rows: RecordFields[]): number | null | undefined =>
      annex4.stats?.columns.find((c) => c.header === '已搬迁')?.compute(rows)
    expect(moves([moving, { ...moving, relocationDate: '2024-08-01' }])).toBe(1)
    expect(moves([{ name: '临夏市宏达砖厂', category: '整合搬迁', acceptResult: '合格' }, { ...moving, closeDate: '2024-09-20' }])).toBe(2)
    expect(annex3.stats?.columns.find((c) => c.header === '完成率（%）')?.compute([])).toBeNull()
  })

  it('names every field the way the forms do, and every form field exists once for validation', () => {
    expect(fieldLabel('tlcPowerDate')).toBe('断电·完成日期')
    expect(fieldLabel('status')).toBe('状态')
    expect(new Set(recordColumns.map((c) => c.key)).size).toBe(recordColumns.length)
    for (const a of [annex2, annex3, annex4, tlc, illegal, eco]) for (const c of a.columns) expect(recordColumns.some((r) => r.key === c.key)).toBe(true)
    expect(huikan.columns.some((c) => c.key === 'hkResurgent')).toBe(true)
  })
})

describe('reports due (plan 四, 五(二))', () => {
  const bafang = unitById(defaultCampaign, 't005')!
  const gxj = unitById(defaultCampaign, 'gxj')!
  const power = unitById(defaultCampaign, 'dlgs')!
  it('towns owe 附件2/3/4, the contact list and the Friday reports; the power company none of them', () => {
    expect(reportsDue(defaultCampaign, bafang)).toHaveLength(4 + 7)
    expect(nextDue(defaultCampaign, bafang, '2024-05-11')).toMatchObject({ date: '2024-05-17', daysLeft: 6 })
    expect(nextDue(defaultCampaign, bafang, '2024-06-29')).toMatchObject({ date: '2024-09-30' })
    expect(nextDue(defaultCampaign, bafang, '2026-11-29')).toBeNull()
    expect(nextDue(defaultCampaign, gxj, '2024-05-01')?.date).toBe('2024-05-17')
    expect(reportsDue(defaultCampaign, power)).toEqual([])
  })
})

describe('回头看 reopening', () => {
  it('only a resurgent, not yet linked 2023 item reopens, as a 关停取缔 record under way', () => {
    expect(canReopen(item)).toBe(true)
    expect(canReopen({ ...item, hkResurgent: '否' })).toBe(false)
    const { record, item: linked } = reopenFields(item, 'hk1', 'LXS-2024-005-0031', { today: '2024-06-20', deadline: '2024-06-28' })
    expect(record).toMatchObject({ category: '关停取缔', status: '整治中', source: '回头看发现', reopenedFrom: 'hk1', uscc: '无', sector: '无证照' })
    expect(linked).toMatchObject({ hkLinked: 'LXS-2024-005-0031', hkMeasure: '转关停取缔' })
    expect(canReopen(linked)).toBe(false)
  })

  it('flags a new record that looks like a closed 2023 item, but not the reopened record itself', () => {
    const v = new UnitLedgerValidator(defaultCampaign, '2024-06-20')
    const old = { id: 'hk1', fields: { ...item, uscc: '91622901MA7AYMTJX2', address: '临夏市八坊街道清华社区建设路88号' } }
    const fresh = { id: 'r1', fields: { name: '临夏市众诚石材有限责任公司', uscc: '91622901MA7AYMTJX2' } }
    const reopened = { id: 'r2', fields: { ...fresh.fields, reopenedFrom: 'hk1' } }
    const result = v.validate([old, fresh, reopened])
    expect(result.get('r1')?.filter((i) => i.code === 'RESURGENCE_SUSPECT')).toHaveLength(1)
    expect(result.get('r2')?.filter((i) => i.code === 'RESURGENCE_SUSPECT')).toHaveLength(0)
  })
})
