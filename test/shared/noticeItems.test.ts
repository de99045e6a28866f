/**
 * What a 督办通知 says of each problem (issue 19): dates written as a 公文 writes them (2024年5月31日, never
 * 2024-05-31), and the items the office is offered.
 */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import type { ConsolidatedRow, DuplicateGroup } from '@shared/merge/types'
import { defaultPicks, NoticeRequestSchema, overdueRecordItems, problemChoices, reportedDone, StoredNoticeSchema } from '@shared/office/notices'

describe('督办 items', () => {
  it('names the passed 完成时限 in Chinese, and only for records not yet completed', () => {
    const records = [
      { problemNo: 'LXS-2024-005-0007', fields: { name: '临夏市嘉禾建材有限公司', address: '城郊镇王坪村', category: '升级改造', deadline: '2024-05-31', status: '整治中' } },
      { problemNo: 'LXS-2024-005-0008', fields: { name: '临夏市顺达彩钢加工点', address: '城郊镇罗家湾村', category: '关停取缔', deadline: '2024-05-31', status: '已完成' } },
      { problemNo: 'LXS-2024-005-0009', fields: { name: '临夏市清河洗车行', address: '八坊街道', category: '升级改造', deadline: '2024-06-30', status: '整治中' } }
    ]
    expect(overdueRecordItems(records, '2024-06-05')).toEqual([
      { problemNo: 'LXS-2024-005-0007', name: '临夏市嘉禾建材有限公司', address: '城郊镇王坪村', issue: '升级改造类问题，完成时限2024年5月31日已过，尚未完成整治' }
    ])
  })

  it('reads “done” from what a unit’s 附件3/附件4 print: 整治进展, 验收结论 合格 or a 销号日期', () => {
    const done = (rows: RecordFields[]): boolean[] => rows.map((f) => reportedDone(f))
    expect(done([{ progress: '已完成' }, { progress: '已销号' }, { acceptResult: '合格' }, { closeDate: '2024-09-20' }, { status: '已验收' }])).toEqual([true, true, true, true, true])
    expect(done([{ progress: '整治中' }, { progress: '已停产' }, { progress: '转关停取缔' }, { acceptResult: '不合格' }, {}])).toEqual([false, false, false, false, false])
  })
})

describe('problems the office may pick for a notice', () => {
  const provenance = (problemNo: string | null) => ({ file: 'f.xlsx', sha256: 'a'.repeat(64), row: 6, problemNo })
  const consolidated = (unit: string, key: string, fields: RecordFields, problemNo: string | null = null): ConsolidatedRow =>
    ({ key, unit, fields, provenance: provenance(problemNo) }) as ConsolidatedRow
  const rows = [
    consolidated('城郊镇', 'uscc:1', { name: '甲石料厂', address: '王坪村', deadline: '2024-06-10', category: '关停取缔', leadDept: '临夏市自然资源局', source: '排查发现' }, 'LXS-2024-100-0001'),
    consolidated('城郊镇', 'uscc:2', { name: '乙洗车点', address: '罗家湾', deadline: '2024-06-30', category: '升级改造', leadDept: '市商务局', problems: '废水直排' }),
    consolidated('枹罕镇', 'uscc:3', { name: '丙砖厂', address: '马家庄', deadline: '2024-06-01', category: '升级改造', leadDept: '市自然资源局' }),
    consolidated('枹罕镇', 'uscc:4', { name: '丁砂石点', address: '石头洼', deadline: '2024-06-01', category: '关停取缔', leadDept: '市自然资源局' })
  ]
  const group: DuplicateGroup = {
    key: 'uscc:9',
    keyType: 'uscc',
    units: ['城郊镇', '南龙镇'],
    rows: [
      { unit: '城郊镇', file: 'a.xlsx', sha256: 'a', row: 7, name: '戊厂', address: '甲地', uscc: '9' },
      { unit: '南龙镇', file: 'b.xlsx', sha256: 'b', row: 9, name: '戊厂', address: '甲地', uscc: '9' }
    ],
    decision: null
  } as unknown as DuplicateGroup
  const choices = problemChoices(defaultCampaign, rows, [group], '2024-06-15', new Set(['uscc:4']))

  it('lists every problem with its state, the 牵头单位 by the campaign’s name, and each side of an open conflict', () => {
    expect(choices.map((c) => [c.unit, c.name, c.leadDept, c.state])).toEqual([
      ['城郊镇', '甲石料厂', '市自然资源局', '逾期'],
      ['城郊镇', '乙洗车点', '市商务局', '未完成'],
      ['枹罕镇', '丙砖厂', '市自然资源局', '逾期'],
      ['枹罕镇', '丁砂石点', '市自然资源局', '已完成'],
      ['城郊镇', '戊厂', '', '待核实'],
      ['南龙镇', '戊厂', '', '待核实']
    ])
    expect(choices[0]).toMatchObject({ problemNo: 'LXS-2024-100-0001', issue: '完成时限2024年6月10日已过，未见整治完成情况', source: '排查发现' })
    expect(choices[1]?.issue).toBe('废水直排')
    expect(choices[4]?.issue).toBe('与南龙镇重复报送，请核实属地归属')
  })

  it('ticks for a town its overdue problems and conflicts; for a 牵头单位 the overdue problems it leads in every town', () => {
    expect(defaultPicks(choices, '城郊镇').map((c) => c.name)).toEqual(['甲石料厂', '戊厂'])
    expect(defaultPicks(choices, '市自然资源局').map((c) => [c.unit, c.name])).toEqual([['城郊镇', '甲石料厂'], ['枹罕镇', '丙砖厂']])
    expect(defaultPicks(choices, '市商务局')).toEqual([])
  })

  it('a notice needs problems or requirements; a notice stored before 抄送 existed still loads', () => {
    const request = { unit: '八坊街道', source: '工作督办', items: [], requirements: [], deadline: '2024-05-20' }
    const refused = NoticeRequestSchema.safeParse(request)
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toBe('请至少选择一项督办事项，或填写工作要求')
    expect(NoticeRequestSchema.parse({ ...request, requirements: ['于5月17日前报送附件2'] })).toMatchObject({ copyTo: [], subject: '' })
    const old = { ...request, items: [{ problemNo: '', name: '甲', address: '乙', issue: '丙' }], seq: 1, year: 2024, number: '临市散办督〔2024〕1号', issuedAt: '2024-05-13', issuedBy: '王', feedback: null }
    expect(StoredNoticeSchema.parse(old)).toMatchObject({ copyTo: [], subject: '' })
  })
})
