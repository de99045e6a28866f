/**
 * Text that names a member of Object.prototype (toString, __proto__ …) is ordinary text wherever the user's text is a
 * key: every enum column of every annex, the campaign's unit lookups, field names and record ids from a file.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { ANNEXES, fieldLabel } from '@shared/annexes/registry'
import { defaultCampaign, unitByName } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { applyChanges, emptyLedger } from '@shared/ledger/record'
import { valueFromText } from '@shared/validation/cellInput'
import { createValidationContext, validateRecord } from '@shared/validation/validateRecord'
import { PROTOTYPE_NAMES, prototypeSnapshot } from '../helpers/prototypeNames'

const campaign = defaultCampaign
const before = prototypeSnapshot()
afterAll(() => expect(prototypeSnapshot()).toEqual(before))

const enumColumns = ANNEXES.flatMap((annex) =>
  annex.columns.filter((c) => c.options !== undefined && !c.derive).map((column) => ({ annex, column }))
)

describe('a cell holding the name of an Object.prototype member', () => {
  it('covers every enum column of every annex', () => {
    // 附件2 alone has 12 (town, units, 所属领域 … 来源); a definition that lost its options would shrink this.
    expect(enumColumns.length).toBeGreaterThan(12)
  })

  it.each(enumColumns.map(({ annex, column }) => [`${annex.id}.${column.key}`, annex, column] as const))(
    '%s: kept as typed and refused as outside the list',
    (_, annex, column) => {
      const ctx = createValidationContext(campaign, annex)
      const expected = column.options === 'town' ? 'TOWN_UNKNOWN' : 'ENUM_INVALID'
      for (const name of PROTOTYPE_NAMES) {
        const value = valueFromText(column, name, campaign)
        expect(value).toEqual(column.kind === 'multiEnum' ? [name] : name)
        const issues = validateRecord({ [column.key]: value }, annex, ctx)
        expect(issues.filter((i) => i.field === column.key).map((i) => i.code)).toEqual([expected])
      }
    }
  )

  it('is read as the text it is by every column of every annex, whatever its kind', () => {
    for (const annex of ANNEXES) {
      const ctx = createValidationContext(campaign, annex)
      for (const name of PROTOTYPE_NAMES) {
        const fields: RecordFields = {}
        for (const c of annex.columns) if (c.kind !== 'seq') fields[c.key] = valueFromText(c, name, campaign)
        for (const v of Object.values(fields)) for (const x of [v].flat()) expect(typeof x).toBe('string')
        expect(() => validateRecord(fields, annex, ctx)).not.toThrow()
      }
    }
  })

  it('is a 拟整治类别 that needs nothing more, not a list of required fields', () => {
    const annex2 = ANNEXES[0]
    if (!annex2) throw new Error('no 附件2')
    const ctx = createValidationContext(campaign, annex2)
    for (const category of PROTOTYPE_NAMES) {
      const codes = validateRecord({ category }, annex2, ctx).map((i) => i.code)
      expect(codes).toContain('ENUM_INVALID')
      expect(codes).not.toContain('REQUIRED_BY_CATEGORY')
    }
  })
})

describe('campaign and field lookups by the user\'s text', () => {
  it('find no unit of that name', () => {
    for (const name of PROTOTYPE_NAMES) {
      expect(unitByName(campaign, name)).toBeUndefined()
      expect(unitByName(campaign, `临夏市${name}办事处`)).toBeUndefined()
    }
  })

  it('name a field the program does not know by its own name', () => {
    for (const name of PROTOTYPE_NAMES) expect(fieldLabel(name)).toBe(name)
  })
})

describe('a change whose record ids and field names are such names', () => {
  const opt = { at: '2024-05-09T08:00:00.000Z', by: '马晓东', problemNo: (n: number) => `LXS-2024-005-${String(n).padStart(4, '0')}` }

  it('hands out a 问题编号 to every record and records every field as changed from blank', () => {
    // JSON.parse makes `__proto__` an own key, as a file or a request body would.
    const fields = JSON.parse(`{${PROTOTYPE_NAMES.map((n) => `"${n}":"${n}值"`).join(',')}}`) as RecordFields
    const created = applyChanges(emptyLedger('t005'), { upserts: PROTOTYPE_NAMES.map((id) => ({ id, fields: {} })), deletes: [] }, opt)
    expect(Object.keys(created.assigned).sort()).toEqual([...PROTOTYPE_NAMES].sort())
    expect(Object.values(created.assigned).every((no) => /^LXS-2024-005-\d{4}$/.test(no))).toBe(true)

    const updated = applyChanges(created.ledger, { upserts: [{ id: 'toString', fields }], deletes: [] }, opt)
    const changes = updated.added.map((h) => [h.field, h.from, h.to])
    expect(changes).toEqual(PROTOTYPE_NAMES.map((n) => [n, '', `${n}值`]))

    const cleared = applyChanges(updated.ledger, { upserts: [{ id: 'toString', fields: {} }], deletes: [] }, opt)
    expect(cleared.added.map((h) => [h.field, h.from, h.to])).toEqual(PROTOTYPE_NAMES.map((n) => [n, `${n}值`, '']))
  })
})
