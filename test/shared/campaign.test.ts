import { describe, expect, it } from 'vitest'
import { defaultCampaign as c, expectedReporters, parseCampaign, towns, unitById, unitByName } from '@shared/campaign/campaign'
import raw from '../../shared/campaign/linxia2024.json'

const names = (ids: readonly string[]): string[] => ids.map((id) => unitById(c, id)?.name ?? `?${id}`)

describe('临夏市2024 campaign data', () => {
  it('has the 四镇七街道 with their NBS codes', () => {
    expect(towns(c).map((u) => `${u.code} ${u.name}`)).toEqual([
      '622901001 城南街道', '622901002 城北街道', '622901003 东关街道', '622901004 西关街道', '622901005 八坊街道',
      '622901006 红园街道', '622901007 东区街道', '622901100 城郊镇', '622901101 枹罕镇', '622901102 南龙镇', '622901103 折桥镇'
    ])
    expect(towns(c).filter((u) => u.kind === 'town')).toHaveLength(4)
  })

  it('assigns lead and cooperating units exactly as the plan 三(二) does', () => {
    const groups = c.taskGroups.map((g) => [g.no, names(g.leads).join('、'), names(g.cooperating).join('、'), g.cooperatingTowns])
    expect(groups).toEqual([
      [1, '市工信局', '州生态环境局临夏市分局、市自然资源局、市市场监管局、市应急管理局、市消防大队、临夏电力公司', true],
      [2, '市农业农村局', '州生态环境局临夏市分局、市市场监管局、市自然资源局、市应急管理局、市消防大队', true],
      [3, '市自然资源局', '市住建局、市工信局、州生态环境局临夏市分局、市市场监管局、市应急管理局、市消防大队', true],
      [4, '市商务局、市市场监管局', '州生态环境局临夏市分局、市城管局、市交通局、市工信局、市自然资源局、市应急管理局、市消防大队', true],
      [5, '市市场监管局、市水务水电局', '市住建局、市工信局、市农业农村局、市应急管理局、市消防大队', true],
      [6, '市公安局', '市自然资源局、市市场监管局、市住建局、市工信局、市应急管理局、市消防大队', true]
    ])
  })

  it('maps the plan\'s other spellings to one body', () => {
    expect(unitByName(c, '市水务局')?.id).toBe('slj')
    expect(unitByName(c, '市农村农业局')?.id).toBe('nyj')
    expect(unitByName(c, '临夏市八坊街道办事处')?.name).toBe('八坊街道')
    expect(unitByName(c, '临夏市城郊镇人民政府')?.name).toBe('城郊镇')
    expect(unitByName(c, '城东街道')).toBeUndefined()
  })

  it('the office sits in 市工信局 and the deadlines follow the plan', () => {
    expect(unitById(c, c.office.hostUnitId)?.name).toBe('市工信局')
    expect(c.deadlines.map((d) => `${d.date} ${d.annex}`)).toEqual(['2024-04-30 contacts', '2024-05-10 annex2', '2024-06-28 annex3', '2024-09-30 annex4'])
    expect(c.phases.map((p) => `${p.start}/${p.end}`)).toEqual(['2024-04-01/2024-04-30', '2024-05-15/2024-06-28', '2024-07-01/2024-09-30'])
    expect(expectedReporters(c, 'towns')).toHaveLength(11)
    expect(expectedReporters(c, 'members')).toHaveLength(24)
  })

  it('refuses a malformed campaign file with every problem named in Chinese', () => {
    const broken = structuredClone(raw) as { taskGroups: { leads: string[] }[]; units: { id: string }[] }
    broken.taskGroups[0]!.leads = ['nobody']
    broken.units[1]!.id = broken.units[0]!.id
    expect(() => parseCampaign(broken)).toThrow(/单位编号重复：t001[\s\S]*引用了不存在的单位 nobody/)
  })
})
