import { describe, expect, it } from 'vitest'
import { STATUSES } from '@shared/domain/enums'
import { missingFor, needsFor, reached, statusOf } from '@shared/lifecycle/requirements'
import type { RecordFields } from '@shared/ledger/record'

// annexes.md §4.4: what a record needs before it may reach a status, per 整治类别.
const done = (ids: string[]): RecordFields => Object.fromEntries(ids.map((id) => [`tlc${id}Date`, '2024-06-10']))
const ALL_TLC = ['Water', 'Power', 'Materials', 'Products', 'Equipment']
const closed: RecordFields = { category: '关停取缔', ...done(ALL_TLC), tlcInspector: '马建国', tlcInspectDate: '2024-06-12', completeDate: '2024-06-12' }
const relocated: RecordFields = {
  category: '整合搬迁', ...done(['Power', 'Equipment']), relocationTarget: '临夏经济开发区', relocationDate: '2024-06-11', oldSite: '已两断三清',
  newSiteLicence: '有', newSiteEia: '有', completeDate: '2024-06-12'
}
const upgraded: RecordFields = { category: '升级改造', measures: '安装除尘设施', deadline: '2024-07-31', completeDate: '2024-07-20' }
const accepted: RecordFields = { acceptDate: '2024-07-25', acceptDept: '市工信局', acceptResult: '合格' }

describe('the status of a record', () => {
  it('is the status written, without surrounding spaces; anything else counts as 已登记', () => {
    expect(statusOf({ status: ' 已完成 ' })).toBe('已完成')
    expect(statusOf({ status: ['已完成'] })).toBe('已完成')
    for (const status of [undefined, '', '完成', ['已完成', '已验收']]) expect(statusOf(status === undefined ? {} : { status }), String(status)).toBe('已登记')
  })
  it('a record has reached a status when it is at it or further along the work', () => {
    expect(reached({ status: '已验收' }, '已完成')).toBe(true)
    expect(reached({ status: '已完成' }, '已完成')).toBe(true)
    expect(reached({ status: '整治中' }, '已完成')).toBe(false)
    expect(reached({}, '已登记')).toBe(true)
  })
})

describe('what each status needs', () => {
  it('已登记 and 整治中 need nothing', () => {
    expect(needsFor('已登记', {})).toEqual([])
    expect(needsFor('整治中', {})).toEqual([])
  })
  it('已停产 needs its date', () => {
    expect(needsFor('已停产', {})).toEqual([{ key: 'stopDate', message: '填写停产日期' }])
    expect(needsFor('已停产', { stopDate: '   ' })).toEqual([{ key: 'stopDate', message: '填写停产日期' }])
    expect(needsFor('已停产', { stopDate: '2024-05-20' })).toEqual([])
  })
  it('已完成 needs a 整治类别 first', () => {
    expect(needsFor('已完成', { completeDate: '2024-06-12' })).toEqual([{ key: 'category', message: '先确定整治类别（关停取缔、整合搬迁或升级改造）' }])
    expect(needsFor('已完成', { category: '其他', completeDate: '2024-06-12' })).toHaveLength(1)
  })
  it('a 关停取缔 is complete when all five of 两断三清 are done or not applicable, inspected, with its date', () => {
    expect(needsFor('已完成', closed)).toEqual([])
    expect(needsFor('已完成', { ...closed, tlcWaterDate: '', tlcWaterNa: '无自来水接入' })).toEqual([])
    expect(needsFor('已完成', { category: '关停取缔' })).toEqual([
      { message: '两断三清未完成：断水、断电、清除原料、清除产品、清除设备（填写完成日期，或写明“不涉及”的原因）' },
      { key: 'tlcInspector', message: '填写两断三清的核查人' },
      { key: 'tlcInspectDate', message: '填写两断三清的核查日期' },
      { key: 'completeDate', message: '填写完成日期' }
    ])
    expect(missingFor('已完成', { ...closed, tlcProductsDate: '' })).toEqual(['两断三清未完成：清除产品（填写完成日期，或写明“不涉及”的原因）'])
  })
  it('an 整合搬迁 is complete when the old site has no power and no equipment, the new site has licence and 环评, with dates', () => {
    expect(needsFor('已完成', relocated)).toEqual([])
    expect(needsFor('已完成', { category: '整合搬迁' })).toEqual([
      { message: '原址至少须断电并清除设备，尚未完成：断电、清除设备' },
      { key: 'relocationTarget', message: '填写搬迁去向（园区或新址）' },
      { key: 'relocationDate', message: '填写搬迁完成日期' },
      { key: 'oldSite', message: '原址处置情况须为“已两断三清”或“丧失恢复生产能力”' },
      { key: 'newSiteLicence', message: '新址须已办理营业执照（新址营业执照填“有”）' },
      { key: 'newSiteEia', message: '新址须已办理环评手续（新址环评填“有”）' },
      { key: 'completeDate', message: '填写完成日期' }
    ])
    expect(missingFor('已完成', { ...relocated, tlcEquipmentDate: '' })).toEqual(['原址至少须断电并清除设备，尚未完成：清除设备'])
  })
  it('an 整合搬迁\'s old site must be dealt with (未处置 is not), and the new site\'s licence and 环评 must be 有', () => {
    expect(needsFor('已完成', { ...relocated, oldSite: '未处置' }).map((n) => n.key)).toEqual(['oldSite'])
    expect(needsFor('已完成', { ...relocated, oldSite: '丧失恢复生产能力' })).toEqual([])
    expect(needsFor('已完成', { ...relocated, newSiteLicence: '无', newSiteEia: '在办' }).map((n) => n.key)).toEqual(['newSiteLicence', 'newSiteEia'])
  })
  it('an 升级改造 is complete with its 一企一策 measures, its 完成时限 and its date', () => {
    expect(needsFor('已完成', upgraded)).toEqual([])
    expect(needsFor('已完成', { category: '升级改造' })).toEqual([
      { key: 'measures', message: '填写整治措施（一企一策）' },
      { key: 'deadline', message: '填写完成时限' },
      { key: 'completeDate', message: '填写完成日期' }
    ])
  })
  it('已验收 needs what 已完成 needs, the acceptance date and department, and the verdict 合格', () => {
    expect(needsFor('已验收', { ...upgraded, ...accepted })).toEqual([])
    expect(needsFor('已验收', { ...upgraded, acceptResult: '不合格' })).toEqual([
      { key: 'acceptDate', message: '填写验收日期' },
      { key: 'acceptDept', message: '填写验收部门' },
      { key: 'acceptResult', message: '验收结论须为“合格”' }
    ])
    expect(missingFor('已验收', { ...accepted, category: '升级改造' })).toEqual(['填写整治措施（一企一策）', '填写完成时限', '填写完成日期'])
  })
  it('已销号 needs what 已验收 needs, the evidence number and the date of 销号', () => {
    expect(needsFor('已销号', { ...closed, ...accepted, evidence: 'BF-2024-031', closeDate: '2024-07-30' })).toEqual([])
    expect(needsFor('已销号', { ...closed, ...accepted })).toEqual([
      { key: 'evidence', message: '填写佐证材料编号（一案一档）' },
      { key: 'closeDate', message: '填写销号日期' }
    ])
    expect(missingFor('已销号', { ...closed, evidence: 'BF-1', closeDate: '2024-07-30' })).toEqual(['填写验收日期', '填写验收部门', '验收结论须为“合格”'])
  })
  it('every status has an answer', () => {
    for (const s of STATUSES) expect(Array.isArray(needsFor(s, {}))).toBe(true)
  })
})
