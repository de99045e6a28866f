import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { buildClosedIndex, findResurgence } from '@shared/lifecycle/resurgence'
import { validateRecord } from '@shared/validation/validateRecord'
import { UnitLedgerValidator } from '@shared/validation/validateUnitLedger'

// The real functions, counted: the validator promises to check and match each unchanged record once.
vi.mock('@shared/lifecycle/resurgence', async (importOriginal) => {
  const m = await importOriginal<typeof import('@shared/lifecycle/resurgence')>()
  return { ...m, buildClosedIndex: vi.fn(m.buildClosedIndex), findResurgence: vi.fn(m.findResurgence) }
})
vi.mock('@shared/validation/validateRecord', async (importOriginal) => {
  const m = await importOriginal<typeof import('@shared/validation/validateRecord')>()
  return { ...m, validateRecord: vi.fn(m.validateRecord) }
})

const TODAY = '2024-06-20'
const CODE = '91622901MA7AYMTJX2'
const OTHER_CODE = '91622901MA7FLD4EN1'
const item = (id: string, fields: RecordFields) => ({
  id,
  fields: { track: 'huikan', uscc: '无', hkCategory2023: '关停取缔', hkResurgent: '是', ...fields }
})
const record = (id: string, fields: RecordFields) => ({ id, fields })
const stone = item('hk1', { name: '临夏市马占山皮毛加工点', uscc: CODE, address: '临夏市八坊街道清华社区建设路88号' })
const fresh = record('r1', { name: '临夏市众诚石材有限责任公司', uscc: CODE })
const unrelated = record('r2', { name: '临夏市清河洗车行', uscc: OTHER_CODE })
const resurgence = (issues: { code: string }[] | undefined) => (issues ?? []).filter((i) => i.code === 'RESURGENCE_SUSPECT')

beforeEach(() => vi.clearAllMocks())

describe('疑似死灰复燃 in a unit ledger', () => {
  it('adds to a new record that looks like a closed 2023 item a warning on its name, after its own issues', () => {
    const alone = new UnitLedgerValidator(defaultCampaign, TODAY).validate([fresh]).get('r1')!
    const issues = new UnitLedgerValidator(defaultCampaign, TODAY).validate([stone, fresh]).get('r1')!
    expect(alone.length).toBeGreaterThan(0)
    expect(issues.slice(0, -1)).toEqual(alone)
    expect(issues.at(-1)).toEqual({
      severity: 'warning',
      code: 'RESURGENCE_SUSPECT',
      field: 'name',
      message: `疑似死灰复燃：与2023年已销号的“临夏市马占山皮毛加工点”（八坊街道清华社区建设路88号）统一社会信用代码相同，请现场核实`
    })
  })

  it('leaves alone a record like no closed enterprise, and a ledger with nothing closed at all', () => {
    expect(resurgence(new UnitLedgerValidator(defaultCampaign, TODAY).validate([stone, fresh, unrelated]).get('r2'))).toEqual([])
    vi.clearAllMocks()
    const result = new UnitLedgerValidator(defaultCampaign, TODAY).validate([fresh, unrelated])
    expect([...result.keys()]).toEqual(['r1', 'r2'])
    expect(resurgence(result.get('r1'))).toEqual([])
    // Nothing closed, nothing to match: no record is even looked at.
    expect(findResurgence).not.toHaveBeenCalled()
  })

  it('counts a 2024 record already 已销号 as closed', () => {
    const closed = record('r0', { name: '临夏市马占山皮毛加工点', uscc: CODE, status: '已销号' })
    const issues = new UnitLedgerValidator(defaultCampaign, TODAY).validate([closed, fresh]).get('r1')
    expect(resurgence(issues)).toHaveLength(1)
    expect(resurgence(issues)[0]).toMatchObject({ severity: 'warning', field: 'name' })
    // Closed this year, not in 2023: the flag says so.
    expect(resurgence(issues)[0]).toMatchObject({ message: '疑似死灰复燃：与已销号的“临夏市马占山皮毛加工点”统一社会信用代码相同，请现场核实' })
    // Not yet 销号: one record of the two is a duplicate, not a resurgence.
    const open = record('r0', { ...closed.fields, status: '已验收' })
    expect(resurgence(new UnitLedgerValidator(defaultCampaign, TODAY).validate([open, fresh]).get('r1'))).toEqual([])
  })

  it('does not flag the follow-up itself: a record reopened from 回头看, or one already done', () => {
    const v = new UnitLedgerValidator(defaultCampaign, TODAY)
    const reopened = record('r3', { ...fresh.fields, reopenedFrom: 'hk1' })
    const done = record('r4', { ...fresh.fields, status: '已完成' })
    const result = v.validate([stone, reopened, done])
    expect(resurgence(result.get('r3'))).toEqual([])
    expect(resurgence(result.get('r4'))).toEqual([])
  })

  it('checks only 2024 records: two 回头看 items of the same enterprise are not a resurgence of each other', () => {
    const twin = item('hk2', { ...stone.fields, name: '临夏市马占山皮毛加工点（二）' })
    const result = new UnitLedgerValidator(defaultCampaign, TODAY).validate([stone, twin])
    expect(resurgence(result.get('hk1'))).toEqual([])
    expect(resurgence(result.get('hk2'))).toEqual([])
  })

  it('follows the closed set as it changes: an item replaced by another, an item removed', () => {
    const v = new UnitLedgerValidator(defaultCampaign, TODAY)
    expect(resurgence(v.validate([stone, fresh, unrelated]).get('r2'))).toEqual([])
    // The same number of closed items, another enterprise: the index is that of the new one.
    const replaced = item('hk1', { name: '临夏市清河洗车行旧址', uscc: OTHER_CODE })
    let result = v.validate([replaced, fresh, unrelated])
    expect(resurgence(result.get('r1'))).toEqual([])
    expect(resurgence(result.get('r2'))).toHaveLength(1)
    // Two closed items; then the second replaced, and at last removed: the record it resembled is no longer flagged.
    result = v.validate([stone, replaced, fresh, unrelated])
    expect(resurgence(result.get('r1'))).toHaveLength(1)
    expect(resurgence(result.get('r2'))).toHaveLength(1)
    // One of two replaced.
    const other = item('hk3', { name: '临夏市永兴废品收购站', uscc: '91622901MA7B8HHWGC' })
    result = v.validate([stone, other, fresh, unrelated])
    expect(resurgence(result.get('r1'))).toHaveLength(1)
    expect(resurgence(result.get('r2'))).toEqual([])
    result = v.validate([stone, replaced, fresh, unrelated])
    expect(resurgence(result.get('r2'))).toHaveLength(1)
    result = v.validate([stone, fresh, unrelated])
    expect(resurgence(result.get('r1'))).toHaveLength(1)
    expect(resurgence(result.get('r2'))).toEqual([])
  })

  it('builds the index once per closed set and matches each record again only when it changed', () => {
    const v = new UnitLedgerValidator(defaultCampaign, TODAY)
    v.validate([stone, fresh, unrelated])
    expect(buildClosedIndex).toHaveBeenCalledTimes(1)
    expect(findResurgence).toHaveBeenCalledTimes(2)
    v.validate([stone, fresh, unrelated])
    expect(buildClosedIndex).toHaveBeenCalledTimes(1)
    expect(findResurgence).toHaveBeenCalledTimes(2)
    const edited = record('r2', { ...unrelated.fields, phone: '15784984265' })
    v.validate([stone, fresh, edited])
    expect(buildClosedIndex).toHaveBeenCalledTimes(1)
    expect(findResurgence).toHaveBeenCalledTimes(3)
  })
})

describe('checking a large ledger in slices', () => {
  it('warm checks each record once, 2023 items against the 回头看台账, and validate then gives what it gives unwarmed', () => {
    const rows = [stone, fresh, unrelated]
    const expected = new UnitLedgerValidator(defaultCampaign, TODAY).validate(rows)
    vi.clearAllMocks()
    const v = new UnitLedgerValidator(defaultCampaign, TODAY)
    v.warm(rows)
    expect(validateRecord).toHaveBeenCalledTimes(3)
    v.warm(rows)
    expect(validateRecord).toHaveBeenCalledTimes(3)
    expect(v.validate(rows)).toEqual(expected)
    expect(validateRecord).toHaveBeenCalledTimes(3)
  })
})
