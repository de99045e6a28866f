/** 举报受理登记 (issue 21): numbering, states, matching, the record a report becomes, and the exchange file. */
import { describe, expect, it } from 'vitest'
import { annex2Columns } from '@shared/annexes/annex2'
import { fieldLabel } from '@shared/annexes/registry'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { Complaint, ComplaintInput, ComplaintResult } from '@shared/complaints/register'
import type { OpenRecord } from '@shared/complaints/match'
import { COMPLAINT_FORM_COLUMNS, ComplaintInputSchema, ComplaintResultSchema, complaintFormRow, complaintState, complaintStats, editRegistration, linkRecord, nextComplaintNo, OFFICE_REGISTRAR, recordResult, registerComplaint, resultProblem } from '@shared/complaints/register'
import { complaintToRecordFields, matchComplaint } from '@shared/complaints/match'
import { ComplaintExchangeSchema, exchangeFor, mergeExchange } from '@shared/complaints/exchange'
import type { ClosedEnterprise } from '@shared/lifecycle/resurgence'
import fixture from '../../fixtures/resurgence/cases.json'

const office = (at: string) => ({ side: 'office', at, by: '王主任' })
const unit = (name: string, at: string) => ({ side: name, at, by: '马干事' })

function input(over: Partial<ComplaintInput> = {}): ComplaintInput {
  return ComplaintInputSchema.parse({
    receivedDate: '2024-06-03',
    channel: '12369',
    reporter: '王某某',
    reporterPhone: '13909309999',
    target: '兴旺食品加工坊',
    targetAddress: '城郊镇王坪村3社28号',
    content: '去年关停的食品加工坊晚上又开工了，油烟和污水直排',
    assignedUnit: '城郊镇',
    dueDate: '2024-06-17',
    ...over
  })
}

const result = (over: Partial<ComplaintResult> = {}): ComplaintResult =>
  ComplaintResultSchema.parse({ result: '经现场核查，已责令停产，重新实施“两断三清”', doneDate: '2024-06-06', verified: '是', ...over })

const closed: ClosedEnterprise[] = fixture.closed.map((c) => ({ id: c.id, closedAs: '2023年已销号', fields: c.fields }))

const dazhuang: OpenRecord = {
  unit: '折桥镇',
  recordId: 'r-103-12',
  problemNo: 'LXS-2024-103-0012',
  fields: { town: '折桥镇', village: '大庄村', name: '临夏市大庄村马进才（经营者）石材加工点', operator: '马进才', address: '折桥镇大庄村4社16号' }
}

describe('what a clerk types', () => {
  it('names each missing required field in Chinese', () => {
    const r = ComplaintInputSchema.safeParse({})
    expect(r.success).toBe(false)
    const messages = Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]))
    expect(messages).toEqual({
      receivedDate: '请填写受理日期',
      channel: '请选择受理渠道',
      target: '请填写被举报对象',
      content: '请填写举报内容',
      assignedUnit: '请选择分办单位'
    })
  })

  it('refuses blanks, impossible dates, a 办理时限 before the 受理日期 and overlong text', () => {
    const issues = (over: object): string[] =>
      ComplaintInputSchema.safeParse({ ...input(), ...over }).error?.issues.map((i) => i.message) ?? []
    expect(issues({ target: '   ' })).toEqual(['请填写被举报对象'])
    expect(issues({ receivedDate: '2024-06-31' })).toEqual(['受理日期不是有效日期'])
    expect(issues({ receivedDate: '' })).toEqual(['请填写受理日期'])
    expect(issues({ dueDate: '6月底' })).toEqual(['办理时限不是有效日期'])
    expect(issues({ dueDate: '2024-06-01' })).toEqual(['办理时限不能早于受理日期'])
    expect(issues({ channel: '微信' })).toEqual(['请选择受理渠道'])
    expect(issues({ content: '污'.repeat(2001) })).toEqual(['不超过2000字'])
    expect(issues({ dueDate: '' })).toEqual([])
  })

  it('asks the unit for 办理结果, 办结日期 and 是否属实, and a 反馈 not before the 办结', () => {
    const r = ComplaintResultSchema.safeParse({ feedbackDate: '' })
    expect(r.error?.issues.map((i) => i.message)).toEqual(['请填写办理结果', '请填写办结日期', '请选择是否属实'])
    const early = ComplaintResultSchema.safeParse({ ...result(), feedbackDate: '2024-06-05' })
    expect(early.error?.issues.map((i) => i.message)).toEqual(['反馈举报人日期不能早于办结日期'])
    const c = registerComplaint(input(), '举报〔2024〕1号', office('2024-06-03T01:00:00.000Z'))
    expect(resultProblem(c, result({ doneDate: '2024-06-02' }))).toBe('办结日期不能早于受理日期')
    expect(resultProblem(c, result())).toBeNull()
  })
})

describe('numbering', () => {
  const existing = [
    { no: '举报〔2024〕1号', registrar: OFFICE_REGISTRAR },
    { no: '举报〔2024〕10号', registrar: OFFICE_REGISTRAR },
    { no: '举报〔2023〕7号', registrar: OFFICE_REGISTRAR },
    { no: '八坊街道举报〔2024〕5号', registrar: '八坊街道' }
  ]

  it('continues each registrar’s own sequence of the year', () => {
    expect(nextComplaintNo(existing, OFFICE_REGISTRAR, 2024)).toBe('举报〔2024〕11号')
    expect(nextComplaintNo(existing, OFFICE_REGISTRAR, 2023)).toBe('举报〔2023〕8号')
    expect(nextComplaintNo(existing, OFFICE_REGISTRAR, 2025)).toBe('举报〔2025〕1号')
    expect(nextComplaintNo(existing, '八坊街道', 2024)).toBe('八坊街道举报〔2024〕6号')
    expect(nextComplaintNo(existing, '城郊镇', 2024)).toBe('城郊镇举报〔2024〕1号')
    expect(nextComplaintNo([], OFFICE_REGISTRAR, 2024)).toBe('举报〔2024〕1号')
    expect(nextComplaintNo(existing, 'office', 2024)).toBe('举报〔2024〕11号')
  })
})

describe('states, overdue and 办结率', () => {
  const at = office('2024-06-01T01:00:00.000Z')
  const late = registerComplaint(input({ receivedDate: '2024-06-03', dueDate: '2024-06-18' }), '举报〔2024〕1号', at)
  const dueToday = registerComplaint(input({ assignedUnit: '折桥镇', receivedDate: '2024-06-05', dueDate: '2024-06-20' }), '举报〔2024〕2号', at)
  const noDue = registerComplaint(input({ assignedUnit: '折桥镇', receivedDate: '2024-05-20', dueDate: '' }), '举报〔2024〕3号', at)
  const done = recordResult(
    registerComplaint(input({ receivedDate: '2024-06-01', dueDate: '2024-06-15' }), '举报〔2024〕4号', at),
    result({ doneDate: '2024-06-16' }),
    unit('城郊镇', '2024-06-16T08:00:00.000Z')
  )
  const today = '2024-06-20'

  it('is 逾期 only past the 办理时限 without a result', () => {
    expect(complaintState(late, today)).toBe('逾期')
    expect(complaintState(late, '2024-06-18')).toBe('待办理')
    expect(complaintState(dueToday, today)).toBe('待办理')
    expect(complaintState(noDue, '2024-12-31')).toBe('待办理')
    expect(complaintState(done, '2024-12-31')).toBe('已办结')
  })

  it('counts 办结率 to one decimal, lists the overdue ones and gives a row per unit', () => {
    const stats = complaintStats([late, dueToday, noDue, done], today, ['八坊街道', '城郊镇'])
    expect({ total: stats.total, done: stats.done, rate: stats.rate, overdue: stats.overdue }).toEqual({ total: 4, done: 1, rate: 25, overdue: 1 })
    expect(stats.overdueList.map((o) => [o.complaint.no, o.days])).toEqual([['举报〔2024〕1号', 2]])
    expect(stats.units).toEqual([
      { unit: '八坊街道', total: 0, done: 0, rate: null, overdue: 0 },
      { unit: '城郊镇', total: 2, done: 1, rate: 50, overdue: 1 },
      { unit: '折桥镇', total: 2, done: 0, rate: 0, overdue: 0 }
    ])
    expect(complaintStats([late, dueToday, done], today).rate).toBe(33.3)
    expect(complaintStats([], today).rate).toBeNull()
  })

  it('prints 状态 with the days overdue, the result with 是否属实, and never the reporter', () => {
    expect(complaintFormRow(late, today)).toEqual({
      no: '举报〔2024〕1号',
      receivedDate: '2024-06-03',
      channel: '12369',
      target: '兴旺食品加工坊',
      targetAddress: '城郊镇王坪村3社28号',
      content: '去年关停的食品加工坊晚上又开工了，油烟和污水直排',
      assignedUnit: '城郊镇',
      dueDate: '2024-06-18',
      result: '',
      doneDate: '',
      feedbackDate: '',
      state: '逾期2天'
    })
    expect(complaintFormRow(done, today)).toMatchObject({ result: '（经核查属实）经现场核查，已责令停产，重新实施“两断三清”', doneDate: '2024-06-16', state: '已办结' })
    const headers = COMPLAINT_FORM_COLUMNS.map((c) => c.header)
    expect(headers).toEqual(['序号', '受理编号', '受理日期', '渠道', '被举报对象', '地址', '举报内容', '分办单位', '办理时限', '办理结果', '办结日期', '反馈日期', '状态'])
    expect(JSON.stringify(complaintFormRow(late, today))).not.toMatch(/王某某|13909309999/)
  })
})

describe('matching a report', () => {
  const at = office('2024-06-03T01:00:00.000Z')

  it('on a site closed in 2023 is a 死灰复燃 lead, with the matcher’s message', () => {
    const c = registerComplaint(input(), '举报〔2024〕1号', at)
    const matches = matchComplaint(c, { open: [dazhuang], closed })
    expect(matches).toHaveLength(1)
    expect(matches[0]).toMatchObject({
      kind: 'resurgence',
      label: '死灰复燃线索',
      closed: { id: 'LXS-2023-100-0001' },
      certainty: 'likely',
      score: 90,
      reasons: ['名称相近（临夏市兴旺食品加工坊 / 兴旺食品加工坊）', '地址相同'],
      message: '疑似死灰复燃：与2023年已销号的“临夏市兴旺食品加工坊”（城郊镇王坪村三社28号）名称相近、地址相同，请现场核实'
    })
  })

  it('on an enterprise a ledger has is 已在台账, and 已转为问题记录 once linked to it', () => {
    const c = registerComplaint(
      input({ target: '马进才石材加工点', targetAddress: '折桥镇大庄村四社16号', assignedUnit: '折桥镇', content: '石材切割粉尘大，污水排进排洪渠' }),
      '举报〔2024〕2号',
      at
    )
    const [hit] = matchComplaint(c, { open: [dazhuang], closed })
    expect(hit).toMatchObject({ kind: 'ledger', label: '已在台账', record: { problemNo: 'LXS-2024-103-0012' }, linked: false, score: 90 })
    expect(hit?.message).toBe('已在台账：折桥镇“临夏市大庄村马进才（经营者）石材加工点”（LXS-2024-103-0012）名称相近、地址相同')
    const linked = linkRecord(c, { unit: '折桥镇', recordId: 'r-103-12', problemNo: 'LXS-2024-103-0012' }, unit('折桥镇', '2024-06-04T01:00:00.000Z'))
    expect(matchComplaint(linked, { open: [dazhuang], closed })[0]).toMatchObject({ label: '已转为问题记录', linked: true })
  })

  it('uses the reported party’s phone, never the reporter’s', () => {
    const street = { target: '宏达汽车修理厂', targetAddress: '红园路56号', assignedUnit: '红园街道', content: '夜间露天喷漆' }
    const withTargetPhone = registerComplaint(input({ ...street, targetPhone: '158 0930 5566' }), '举报〔2024〕3号', at)
    expect(matchComplaint(withTargetPhone, { open: [], closed })).toMatchObject([
      { kind: 'resurgence', closed: { id: 'LXS-2023-006-0001' }, reasons: ['名称相近（临夏市宏达汽车修理部 / 宏达汽车修理厂）', '地址相近（临夏市红园路56号 / 红园路56号）', '联系电话相同'] }
    ])
    // The reporter is a neighbour who happens to give the same number: no evidence about the site.
    const reporterPhone = registerComplaint(input({ ...street, reporterPhone: '15809305566' }), '举报〔2024〕4号', at)
    expect(matchComplaint(reporterPhone, { open: [], closed })).toEqual([])
  })

  it('finds nothing for an unrelated report', () => {
    const c = registerComplaint(input({ target: '某小区楼下烧烤摊', targetAddress: '东关街道解放路社区', content: '油烟扰民' }), '举报〔2024〕5号', at)
    expect(matchComplaint(c, { open: [dazhuang], closed })).toEqual([])
  })
})

describe('a report becomes a problem record', () => {
  it('of the assigned town, from the 群众举报 on its 受理日期, naming the register number', () => {
    const c = registerComplaint(input({ targetOperator: '马海军' }), '举报〔2024〕3号', office('2024-06-03T01:00:00.000Z'))
    const fields = complaintToRecordFields(c, defaultCampaign)
    expect(fields).toEqual({
      town: '城郊镇',
      name: '兴旺食品加工坊',
      address: '城郊镇王坪村3社28号',
      operator: '马海军',
      problems: '去年关停的食品加工坊晚上又开工了，油烟和污水直排',
      source: '群众举报',
      foundDate: '2024-06-03',
      remarks: '举报〔2024〕3号转入'
    })
    // Every key is a field of a ledger record (a misspelt key would be labelled with itself).
    for (const key of Object.keys(fields)) expect(fieldLabel(key), key).not.toBe(key)
    const source = annex2Columns.find((col) => col.key === 'source')
    expect(source && 'options' in source ? source.options : []).toContain(fields['source'])
  })

  it('leaves 乡镇（街道） to the clerk when a department handles it, and never carries the reporter', () => {
    const c = registerComplaint(input({ assignedUnit: '州生态环境局临夏市分局' }), '举报〔2024〕4号', office('2024-06-03T01:00:00.000Z'))
    const fields = complaintToRecordFields(c, defaultCampaign)
    expect(fields['town']).toBeUndefined()
    expect(JSON.stringify(fields)).not.toMatch(/王某某|13909309999/)
  })
})

describe('the exchange file between the office and a unit', () => {
  const T = {
    registered: '2024-06-03T01:00:00.000Z',
    sent: '2024-06-03T02:00:00.000Z',
    officeEdit: '2024-06-05T02:00:00.000Z',
    unitResult: '2024-06-06T03:00:00.000Z',
    returned: '2024-06-06T09:00:00.000Z',
    sentAgain: '2024-06-07T01:00:00.000Z'
  }
  const c1 = registerComplaint(input(), '举报〔2024〕1号', office(T.registered))
  const c2 = registerComplaint(input({ assignedUnit: '折桥镇', target: '马进才石材加工点' }), '举报〔2024〕2号', office(T.registered))
  const officeStart = [c1, c2]
  const withoutReporter = ({ reporter: _r, reporterPhone: _p, ...rest }: Complaint): Omit<Complaint, 'reporter' | 'reporterPhone'> => rest

  it('sends a unit only its own reports, without the reporter unless asked', () => {
    const file = exchangeFor(officeStart, '城郊镇', 'office', T.sent)
    expect(ComplaintExchangeSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file)
    expect(file).toMatchObject({ format: 'slw-complaints', version: 1, from: OFFICE_REGISTRAR, to: '城郊镇', exportedAt: T.sent })
    expect(file.complaints.map((c) => c.no)).toEqual(['举报〔2024〕1号'])
    expect(JSON.stringify(file)).not.toMatch(/王某某|13909309999|reporter/)
    const told = exchangeFor(officeStart, '城郊镇', 'office', T.sent, { includeReporter: true })
    expect(told.complaints[0]).toMatchObject({ reporter: '王某某', reporterPhone: '13909309999' })
    expect(officeStart[0]?.reporter).toBe('王某某')
  })

  it('goes office → unit → office → unit with edits on both sides and ends the same on both', () => {
    // The unit takes the report in.
    const atUnit = mergeExchange([], exchangeFor(officeStart, '城郊镇', 'office', T.sent), '城郊镇')
    expect(atUnit).toMatchObject({ added: 1, updated: 0, ignored: [] })
    let unitList = atUnit.list
    expect(unitList[0]?.reporter).toBeUndefined()

    // Meanwhile the office extends the 办理时限 and the unit records its result, links its record and registers its own report.
    const officeList = [editRegistration(c1, { ...input(), dueDate: '2024-06-20' }, office(T.officeEdit)), c2]
    const done = recordResult(unitList[0] as Complaint, result(), unit('城郊镇', T.unitResult))
    const link = { unit: '城郊镇', recordId: 'r-100-31', problemNo: 'LXS-2024-100-0031' }
    const own = registerComplaint(
      input({ channel: '现场', reporter: '', reporterPhone: '', target: '罗家堡村铸件加工点', targetAddress: '城郊镇罗家堡村', dueDate: '2024-06-13' }),
      nextComplaintNo(unitList, '城郊镇', 2024),
      unit('城郊镇', T.unitResult)
    )
    unitList = [linkRecord(done, link, unit('城郊镇', T.unitResult)), own]
    expect(own.no).toBe('城郊镇举报〔2024〕1号')

    // The office takes the result and the unit's own report, keeps its registration and its record of the reporter.
    const back = exchangeFor(unitList, null, '城郊镇', T.returned)
    expect(back.complaints.map((c) => c.no)).toEqual(['举报〔2024〕1号', '城郊镇举报〔2024〕1号'])
    const atOffice = mergeExchange(officeList, back, 'office')
    expect(atOffice).toMatchObject({ added: 1, updated: 1, ignored: [] })
    const merged = atOffice.list[0] as Complaint
    expect(merged).toMatchObject({ dueDate: '2024-06-20', reporter: '王某某', reporterPhone: '13909309999', record: link })
    expect(merged.handling).toEqual(result())
    expect(merged.updatedAt).toEqual({ registration: T.officeEdit, handling: T.unitResult })
    expect(merged.history.map((e) => e.event)).toEqual(['登记', '交办', '办结', '转为问题记录'])
    expect(atOffice.list.map((c) => c.no)).toEqual(['举报〔2024〕1号', '举报〔2024〕2号', '城郊镇举报〔2024〕1号'])

    // The unit gets the new 办理时限; both sides now hold the same report.
    const again = mergeExchange(unitList, exchangeFor(atOffice.list, '城郊镇', 'office', T.sentAgain), '城郊镇')
    expect(again).toMatchObject({ added: 0, updated: 1, ignored: [] })
    expect(again.list.map(withoutReporter)).toEqual(
      atOffice.list.filter((c) => c.assignedUnit === '城郊镇').map(withoutReporter)
    )
    expect(complaintState(again.list[0] as Complaint, '2024-06-25')).toBe('已办结')

    // An old file taken in again changes nothing.
    const stale = mergeExchange(again.list, exchangeFor(officeStart, '城郊镇', 'office', T.sent), '城郊镇')
    expect(stale).toMatchObject({ added: 0, updated: 0, ignored: [] })
    expect(stale.list).toEqual(again.list)
  })

  it('keeps each side’s own fields against a newer copy from anyone else, and says so', () => {
    const atUnit = mergeExchange([], exchangeFor(officeStart, '城郊镇', 'office', T.sent), '城郊镇').list
    // A file edited outside the program: the unit's copy of the office's registration and a result from another unit.
    const tampered = { ...(atUnit[0] as Complaint), content: '改过的举报内容', updatedAt: { registration: T.returned, handling: null } }
    const fromTown = { format: 'slw-complaints', version: 1, from: '城郊镇', to: null, exportedAt: T.returned, complaints: [tampered] } as const
    const r1 = mergeExchange(officeStart, { ...fromTown, complaints: [...fromTown.complaints] }, 'office')
    expect(r1).toMatchObject({ added: 0, updated: 0, ignored: ['举报〔2024〕1号：登记信息以领导小组办公室为准，城郊镇来件中的修改未采用'] })
    expect(r1.list[0]?.content).toBe(c1.content)

    const elsewhere = recordResult(c1, result(), unit('城郊镇', T.unitResult))
    const r2 = mergeExchange(officeStart, { ...fromTown, from: '折桥镇', complaints: [elsewhere, c2] }, 'office')
    expect(r2.ignored).toEqual(['举报〔2024〕1号：该举报已交城郊镇办理，折桥镇报来的办理结果未采用'])
    expect(r2.list[0]?.handling).toBeNull()

    const r3 = mergeExchange(atUnit, { ...exchangeFor(officeStart, '折桥镇', 'office', T.sent) }, '城郊镇')
    expect(r3).toMatchObject({ added: 0, updated: 0, ignored: ['这是领导小组办公室发给折桥镇的举报交换文件，不是发给城郊镇的，未导入'] })
    const r4 = mergeExchange(officeStart, exchangeFor(officeStart, '城郊镇', 'office', T.sent), 'office')
    expect(r4.ignored).toEqual(['这是领导小组办公室自己导出的举报交换文件，无需导入'])
    const r5 = mergeExchange([], { ...fromTown, complaints: [c2] }, 'office')
    expect(r5.ignored).toEqual(['举报〔2024〕2号：本办没有这件举报的登记，也不是城郊镇登记的，未导入'])
  })

  it('lets only the owner edit: the registrar its registration, the assigned unit its result', () => {
    expect(() => editRegistration(c1, input(), unit('城郊镇', T.unitResult))).toThrow('举报〔2024〕1号的登记信息只能由领导小组办公室修改')
    expect(() => recordResult(c1, result(), office(T.unitResult))).toThrow('举报〔2024〕1号的办理结果只能由城郊镇填写')
    expect(() => recordResult(c1, result(), unit('折桥镇', T.unitResult))).toThrow('举报〔2024〕1号的办理结果只能由城郊镇填写')
  })

  it('is pure: the same inputs give the same answer and are left as they were', () => {
    const unitList = [recordResult(c1, result({ feedbackDate: '2024-06-07' }), unit('城郊镇', T.unitResult))]
    const file = exchangeFor(unitList, null, '城郊镇', T.returned)
    const before = structuredClone(officeStart)
    const a = mergeExchange(officeStart, file, 'office')
    const b = mergeExchange(officeStart, file, 'office')
    expect(a).toEqual(b)
    expect(officeStart).toEqual(before)
    expect(a.list[0]?.history.map((e) => [e.event, e.note])).toEqual([
      ['登记', '12369受理'],
      ['交办', '交城郊镇办理'],
      ['办结', '2024-06-06'],
      ['反馈', '2024-06-07']
    ])
  })
})
