import { describe, expect, it } from 'vitest'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import { defaultCampaign, departments, towns } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { usccCheckChar } from '@shared/domain/uscc'
import { createValidationContext, optionsOf, validateLedger, validateRecord } from '@shared/validation/validateRecord'

/** One column of each kind, so each rule is seen on its own (附件2's layout is tested in validation.test.ts). */
const col = (c: Partial<AnnexColumn> & Pick<AnnexColumn, 'key' | 'kind'>): AnnexColumn => ({ header: c.key, width: 8, ...c })
const columns: AnnexColumn[] = [
  col({ key: 'seq', kind: 'seq', header: '序号', required: true }),
  col({ key: 'mark', kind: 'text', header: '标记', required: true, derive: () => '√' }),
  col({ key: 'name', kind: 'text', header: '名称', required: true }),
  col({ key: 'address', kind: 'text', header: '地址' }),
  col({ key: 'uscc', kind: 'uscc', header: '统一社会信用代码' }),
  col({ key: 'licBusiness', kind: 'enum', header: '营业执照', options: ['有', '无'] }),
  col({ key: 'phone', kind: 'phone', header: '联系电话' }),
  col({ key: 'deadline', kind: 'date', header: '完成时限', phase: 'deadline' }),
  col({ key: 'completeDate', kind: 'date', header: '完成日期', phase: 'cleanup' }),
  col({ key: 'acceptDate', kind: 'date', header: '验收日期', phase: 'upgrade' }),
  col({ key: 'caseDate', kind: 'date', header: '立案日期' }),
  col({ key: 'town', kind: 'enum', header: '镇（街道）', options: 'town' }),
  col({ key: 'leadDept', kind: 'enum', header: '行业主管部门', options: 'department' }),
  col({ key: 'responsibleUnit', kind: 'enum', header: '责任单位', options: 'unit' }),
  col({ key: 'grade', kind: 'enum', header: '等级', options: ['一', '二', '三', '四', '五', '六', '七', '八'] }),
  col({ key: 'category', kind: 'enum', header: '拟整治类别', options: ['关停取缔', '整合搬迁', '升级改造', '其他'] }),
  col({ key: 'types', kind: 'multiEnum', header: '问题类型', options: ['散', '乱', '污'] }),
  col({ key: 'fine', kind: 'money', header: '罚款金额（万元）' }),
  col({ key: 'workers', kind: 'count', header: '人数' }),
  col({ key: 'measures', kind: 'text', header: '整治措施' })
]
const annex: AnnexDefinition<RecordFields> = { id: 'test', version: 1, label: '', title: '', sheetName: '明细', columns, notes: [] }
const ctx = createValidationContext(defaultCampaign, annex)
const check = (fields: RecordFields, a = annex, c = ctx) => validateRecord({ name: '临夏市某厂', ...fields }, a, c)
const one = (fields: RecordFields) => {
  const issues = check(fields)
  expect(issues).toHaveLength(1)
  return issues[0]
}
const code = (first17: string): string => first17 + usccCheckChar(first17)

describe('which fields must be filled', () => {
  it('a required field that is empty, blank or an empty list is an error naming the column', () => {
    for (const name of [undefined, '', ' \u3000 ']) {
      expect(validateRecord(name === undefined ? {} : { name }, annex, ctx)).toEqual([
        { severity: 'error', code: 'REQUIRED_EMPTY', field: 'name', message: '「名称」不能为空，请填写' }
      ])
    }
    const required = { ...annex, columns: [col({ key: 'types', kind: 'multiEnum', header: '问题类型', options: ['散'], required: true })] }
    expect(validateRecord({ types: [] }, required, ctx).map((i) => i.code)).toEqual(['REQUIRED_EMPTY'])
  })
  it('an optional field that is blank is not checked at all', () => {
    expect(check({ uscc: ' ', phone: '', deadline: '  ', town: '', types: [], fine: '' })).toEqual([])
  })
  it('序号 and derived columns are computed, never asked for', () => {
    expect(check({})).toEqual([])
  })
})

describe('统一社会信用代码 in a record', () => {
  it('a valid 临夏 code of an enterprise, 个体工商户 or 合作社 (91, 92, 93) raises nothing', () => {
    for (const c of [code('91622901MA7FLD4EN'), code('92622901MA7FLD4EN'), code('93622901MA7FLD4EN'), ' 91622901ma7fld4en1 ']) expect(check({ uscc: c }), c).toEqual([])
  })
  it('a code of another kind of body, or registered outside 临夏州, is a warning saying which', () => {
    expect(one({ uscc: code('11622901MA7FLD4EN') })).toEqual({
      severity: 'warning', code: 'USCC_UNUSUAL_TYPE', field: 'uscc', message: '「统一社会信用代码」以“11”开头，不是企业、个体工商户或合作社的代码，请核实'
    })
    expect(one({ uscc: code('91620100MA7FLD4EN') })).toEqual({
      severity: 'warning', code: 'USCC_REGION', field: 'uscc', message: '「统一社会信用代码」的登记地（620100）不在临夏州，请核实'
    })
    expect(check({ uscc: code('52110000MA7FLD4EN') }).map((i) => i.code)).toEqual(['USCC_UNUSUAL_TYPE', 'USCC_REGION'])
    expect(check({ uscc: code('91622999MA7FLD4EN') })).toEqual([])
    expect(one({ uscc: code('94622901MA7FLD4EN') }).code).toBe('USCC_UNUSUAL_TYPE')
    expect(one({ uscc: code('99622901MA7FLD4EN') }).code).toBe('USCC_UNUSUAL_TYPE')
    expect(one({ uscc: code('52622901MA92LD4EN') }).code).toBe('USCC_UNUSUAL_TYPE')
  })
  it('each defect of the code is an error that says how to fix it', () => {
    expect(one({ uscc: '91622901MA7FLD4EN' })).toEqual({ severity: 'error', code: 'USCC_LENGTH', field: 'uscc', message: '「统一社会信用代码」应为18位，现为17位，请对照营业执照核对' })
    expect(one({ uscc: '91622901MA7FLD4EO1' })).toEqual({
      severity: 'error', code: 'USCC_CHARSET', field: 'uscc', message: '「统一社会信用代码」含有不允许的字符（代码中不使用 I、O、S、V、Z，请检查是否把数字 0、1 写成了字母），请对照营业执照核对'
    })
    expect(one({ uscc: '91622901MA76YR07N7' })).toEqual({
      severity: 'error', code: 'USCC_CHECKSUM', field: 'uscc', message: '「统一社会信用代码」校验位错误（按 GB 32100 应为“0”），请对照营业执照逐位核对'
    })
  })
  it('a 15-digit old 工商注册号 is a warning, not an error', () => {
    expect(one({ uscc: '622901600123456' })).toEqual({
      severity: 'warning', code: 'USCC_OLD_NUMBER', field: 'uscc', message: '「统一社会信用代码」622901600123456 是15位旧工商注册号，企业尚未换领统一社会信用代码，请核实'
    })
  })
  it('无 is allowed only when the form shows the business has no licence (营业执照 无, or 所属领域 无证照)', () => {
    expect(one({ uscc: ' 无 ' })).toEqual({
      severity: 'error', code: 'REQUIRED_EMPTY', field: 'uscc', message: '「统一社会信用代码」只有无营业执照的（所属领域“无证照”或营业执照“无”）才可填“无”，请填写18位代码'
    })
    expect(check({ uscc: '无', licBusiness: '无' })).toEqual([])
    expect(check({ uscc: '无', licBusiness: '有' }).map((i) => i.code)).toEqual(['REQUIRED_EMPTY'])
    const withSector = { ...annex, columns: [...columns.filter((c) => c.key !== 'licBusiness'), col({ key: 'sector', kind: 'text' })] }
    expect(validateRecord({ name: 'x', uscc: '无', sector: '无证照' }, withSector, ctx)).toEqual([])
    expect(validateRecord({ name: 'x', uscc: '无', sector: '服务业' }, withSector, ctx).map((i) => i.code)).toEqual(['REQUIRED_EMPTY'])
  })
  it('a form that shows neither (附件3, 附件4) takes 无 as written', () => {
    const neither = { ...annex, columns: columns.filter((c) => c.key !== 'licBusiness') }
    expect(validateRecord({ name: 'x', uscc: '无' }, neither, ctx)).toEqual([])
  })
})

describe('phones in a record', () => {
  it('a mobile, or a landline of the city\'s area code with or without its dash, raises nothing', () => {
    for (const phone of ['15794688302', '0930-6212345', '09306212345']) expect(check({ phone }), phone).toEqual([])
  })
  it('anything else is an error that shows both forms', () => {
    expect(one({ phone: '6212345' })).toEqual({
      severity: 'error', code: 'PHONE_FORMAT', field: 'phone', message: '「联系电话」“6212345”不是有效的手机号（11位）或固定电话（如 0930-6212345）'
    })
  })
  it('a landline of another area code is a warning naming both codes', () => {
    expect(one({ phone: '010-12345678' })).toEqual({
      severity: 'warning', code: 'PHONE_AREA', field: 'phone', message: '「联系电话」区号 010 不是本地区号 0930，请核实'
    })
  })
})

describe('dates in a record', () => {
  it('a date without a year, or no date at all, is an error with an example', () => {
    expect(one({ caseFiled: '是', caseDate: '6月30日' })).toEqual({
      severity: 'error', code: 'DATE_NO_YEAR', field: 'caseDate', message: '「立案日期」“6月30日”没有年份，请写完整日期，如 2024年6月30日'
    })
    expect(one({ caseFiled: '是', caseDate: '月底' })).toEqual({
      severity: 'error', code: 'DATE_UNPARSEABLE', field: 'caseDate', message: '「立案日期」“月底”不是有效日期，请写作 2024年6月30日 或 2024-06-30'
    })
    expect(check({ caseFiled: '是', caseDate: '2019-01-01' })).toEqual([])
  })
  it('a 完成时限 must lie from the start of 清理整治 to the end of 整治提升, both days included', () => {
    expect(ctx.deadlineWindow).toEqual({ from: '2024-05-15', to: '2024-09-30' })
    for (const deadline of ['2024-05-15', '2024-09-30']) expect(check({ deadline }), deadline).toEqual([])
    expect(one({ deadline: '2024-05-14' })).toEqual({
      severity: 'error', code: 'DATE_OUT_OF_RANGE', field: 'deadline', message: '「完成时限」2024年5月14日 不在整治期限内（2024年5月15日至2024年9月30日），请核实'
    })
    expect(one({ deadline: '2024-10-01' }).code).toBe('DATE_OUT_OF_RANGE')
  })
  it('a date of a phase outside that phase is a warning naming the phase, both ends included', () => {
    for (const completeDate of ['2024-05-15', '2024-06-28']) expect(check({ completeDate }), completeDate).toEqual([])
    expect(one({ completeDate: '2024-06-29' })).toEqual({
      severity: 'warning', code: 'DATE_OUT_OF_RANGE', field: 'completeDate', message: '「完成日期」2024年6月29日 不在清理整治阶段（2024年5月15日至2024年6月28日）内，请核实'
    })
    expect(one({ completeDate: '2024-05-14' }).severity).toBe('warning')
    expect(check({ acceptDate: '2024-07-01' })).toEqual([])
    expect(one({ acceptDate: '2024-06-30' }).field).toBe('acceptDate')
  })
  it('a campaign without these phases takes its whole year as the window and checks no phase', () => {
    const bare: Campaign = { ...defaultCampaign, phases: [] }
    const c = createValidationContext(bare, annex)
    expect(c.deadlineWindow).toEqual({ from: '2024-01-01', to: '2024-12-31' })
    expect(check({ deadline: '2024-01-01', completeDate: '2024-12-31' }, annex, c)).toEqual([])
    expect(check({ deadline: '2023-12-31' }, annex, c).map((i) => i.code)).toEqual(['DATE_OUT_OF_RANGE'])
  })
})

describe('choices in a record', () => {
  it('the town, department and unit lists come from the campaign', () => {
    expect(optionsOf(columns.find((c) => c.key === 'town')!, defaultCampaign)).toEqual(towns(defaultCampaign).map((u) => u.name))
    expect(optionsOf(columns.find((c) => c.key === 'leadDept')!, defaultCampaign)).toEqual(departments(defaultCampaign).map((u) => u.name))
    expect(optionsOf(columns.find((c) => c.key === 'responsibleUnit')!, defaultCampaign)).toEqual(defaultCampaign.units.map((u) => u.name))
    expect(optionsOf(columns.find((c) => c.key === 'grade')!, defaultCampaign)).toHaveLength(8)
    expect(optionsOf(columns.find((c) => c.key === 'name')!, defaultCampaign)).toEqual([])
    expect(check({ town: '八坊街道', leadDept: '市商务局', responsibleUnit: '市商务局', grade: '八', types: ['散', '污'] })).toEqual([])
  })
  it('a town that is not one of the city\'s is its own error', () => {
    expect(one({ town: '城东街道' })).toEqual({ severity: 'error', code: 'TOWN_UNKNOWN', field: 'town', message: '「镇（街道）」“城东街道”不是临夏市的镇（街道），应为四镇七街道之一' })
    expect(one({ leadDept: '八坊街道' }).code).toBe('ENUM_INVALID')
  })
  it('any other value outside its list is an error that lists up to eight choices', () => {
    expect(one({ grade: '九' }).message).toBe('「等级」“九”不在可选范围内，应为：一、二、三、四、五、六、七、八')
    expect(one({ leadDept: '市教育局' }).message).toBe(
      `「行业主管部门」“市教育局”不在可选范围内，应为：${departments(defaultCampaign).slice(0, 8).map((u) => u.name).join('、')} 等`
    )
  })
  it('each value of a multiple choice is checked', () => {
    expect(check({ types: ['散', '脏', '乱', '臭'] }).map((i) => i.message)).toEqual([
      '「问题类型」“脏”不在可选范围内，应为：散、乱、污',
      '「问题类型」“臭”不在可选范围内，应为：散、乱、污'
    ])
    expect(check({ types: '脏' }).map((i) => i.code)).toEqual(['ENUM_INVALID'])
  })
  it('a choice column without a list takes any value', () => {
    const open = { ...annex, columns: [col({ key: 'kind', kind: 'enum' })] }
    expect(validateRecord({ kind: '任意' }, open, createValidationContext(defaultCampaign, open))).toEqual([])
  })
  it('a category written as a list asks for nothing more', () => {
    expect(check({ category: ['关停取缔'] })).toEqual([])
  })
})

describe('numbers in a record', () => {
  it('money is a non-negative amount in 万元 with at most two decimals', () => {
    for (const fine of ['0', '12', '12.5', '12.05', '１２.５']) expect(check({ fine }), fine).toEqual([])
    for (const fine of ['12.505', '-1', '1e3', '.5', '12.', '约10', '10万']) expect(check({ fine }).map((i) => i.code), fine).toEqual(['NUMBER_INVALID'])
    expect(one({ fine: '-1' }).message).toBe('「罚款金额（万元）」“-1”应为非负数，最多两位小数（单位：万元）')
  })
  it('a count is a whole non-negative number', () => {
    for (const workers of ['0', '12', '１２']) expect(check({ workers }), workers).toEqual([])
    for (const workers of ['1.5', '-1', '十', '3人', 'x3']) expect(check({ workers }).map((i) => i.code), workers).toEqual(['NUMBER_INVALID'])
    expect(one({ workers: '1.5' }).message).toBe('「人数」“1.5”应为非负整数')
  })
})

describe('text in a record', () => {
  it('text starting with = is kept as text, with a warning that it is no formula', () => {
    expect(one({ measures: '=1+1' })).toEqual({ severity: 'warning', code: 'FORMULA_TEXT', field: 'measures', message: '「整治措施」以“=”开头，已按文字保存，不会作为公式计算' })
    expect(check({ measures: '1+1=2' })).toEqual([])
  })
  it('control characters are an error, and the field is checked no further', () => {
    expect(one({ uscc: '91622901MA7FLD4EN1\u0007' })).toEqual({ severity: 'error', code: 'CONTROL_CHAR', field: 'uscc', message: '「统一社会信用代码」含有不可见的控制字符，请删除后重新输入' })
    expect(one({ measures: '=x\u202e' }).code).toBe('CONTROL_CHAR')
  })
})

describe('what a 拟整治类别 asks for at 摸底', () => {
  it('关停取缔, 整合搬迁 and 升级改造 want 整治措施 and 责任单位, as warnings', () => {
    for (const category of ['关停取缔', '整合搬迁', '升级改造']) {
      expect(check({ category }), category).toEqual([
        { severity: 'warning', code: 'REQUIRED_BY_CATEGORY', field: 'measures', message: `拟整治类别为“${category}”的，应填写「整治措施」` },
        { severity: 'warning', code: 'REQUIRED_BY_CATEGORY', field: 'responsibleUnit', message: `拟整治类别为“${category}”的，应填写「责任单位」` }
      ])
    }
    expect(check({ category: '升级改造', measures: '安装除尘设施', responsibleUnit: '市工信局' })).toEqual([])
  })
  it('other categories want nothing more, and a form without the column or with it required does not warn twice', () => {
    expect(check({ category: '其他' })).toEqual([])
    const without = { ...annex, columns: columns.filter((c) => c.key !== 'measures' && c.key !== 'responsibleUnit') }
    expect(validateRecord({ name: 'x', category: '关停取缔' }, without, ctx)).toEqual([])
    const required = { ...annex, columns: columns.map((c) => (c.key === 'measures' ? { ...c, required: true } : c)) }
    expect(validateRecord({ name: 'x', category: '关停取缔', responsibleUnit: '市工信局' }, required, ctx).map((i) => `${i.code}:${i.field}`)).toEqual([
      'REQUIRED_EMPTY:measures'
    ])
  })
})

describe('the lifecycle rules join the field rules', () => {
  it('a deadline passed before the unit\'s working day is overdue; without a working day nothing is', () => {
    const late: RecordFields = { category: '关停取缔', measures: '关停', responsibleUnit: '市工信局', deadline: '2024-06-01' }
    expect(check(late)).toEqual([])
    const today = createValidationContext(defaultCampaign, annex, '2024-06-20')
    expect(today.today).toBe('2024-06-20')
    expect(check(late, annex, today).map((i) => i.code)).toEqual(['OVERDUE'])
    expect('today' in ctx).toBe(false)
  })
})

describe('validateLedger across rows', () => {
  const a: RecordFields = { name: '临夏市某厂', address: '八坊街道1号', uscc: '91622901MA7FLD4EN1' }
  it('names the earlier row by its label when the caller gives one', () => {
    const r = validateLedger(
      [
        { id: 'a', fields: a, label: '第8行' },
        { id: 'b', fields: { ...a, address: '别处' }, label: '第9行' },
        { id: 'c', fields: { ...a, uscc: '' }, label: '第10行' }
      ],
      annex,
      ctx
    )
    expect(r.get('a')).toEqual([])
    expect(r.get('b')).toEqual([{ severity: 'error', code: 'USCC_DUPLICATE', field: 'uscc', message: '统一社会信用代码 91622901MA7FLD4EN1 与第8行重复，同一企业只应填写一行' }])
    expect(r.get('c')).toEqual([{ severity: 'warning', code: 'NAME_ADDRESS_DUPLICATE', field: 'name', message: '名称和地址与第8行相同，可能重复填报，请核实' }])
  })
  it('always points at the first row, however many repeat it', () => {
    const r = validateLedger([{ id: 'a', fields: a }, { id: 'b', fields: { ...a } }, { id: 'c', fields: { ...a } }], annex, ctx)
    expect(r.get('c')?.map((i) => i.message)).toEqual(['统一社会信用代码 91622901MA7FLD4EN1 与第1行重复，同一企业只应填写一行', '名称和地址与第1行相同，可能重复填报，请核实'])
  })
  it('rows without a code, or without name and address, are never duplicates of each other', () => {
    const r = validateLedger([{ id: 'a', fields: { name: '甲' } }, { id: 'b', fields: { name: '乙' } }, { id: 'c', fields: { name: '丙', uscc: '无', licBusiness: '无' } }], annex, ctx)
    expect([...r.values()]).toEqual([[], [], []])
  })
  it('takes a record\'s own issues from the cache, and never adds the ledger\'s to the cached ones', () => {
    const cache = new WeakMap<RecordFields, ReturnType<typeof validateRecord>>()
    const cached = [{ severity: 'warning' as const, code: 'FORMULA_TEXT' as const, field: 'name', message: '缓存' }]
    cache.set(a, cached)
    const rows = [{ id: 'a', fields: { ...a } }, { id: 'b', fields: a }]
    for (let i = 0; i < 2; i++) expect(validateLedger(rows, annex, ctx, cache).get('b')?.map((x) => x.code)).toEqual(['FORMULA_TEXT', 'USCC_DUPLICATE', 'NAME_ADDRESS_DUPLICATE'])
    expect(cache.get(a)).toEqual(cached)
    expect(cache.get(rows[0]!.fields)).toEqual([])
  })
})
