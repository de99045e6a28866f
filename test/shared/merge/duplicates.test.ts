/** The same enterprise reported by several units: how groups form and what each office decision does to the rows. */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { decisionLog } from '@shared/merge/decisionLog'
import { applyDecisions, findDuplicateGroups } from '@shared/merge/duplicates'
import { unitComparator } from '@shared/merge/order'
import type { ConsolidatedRow, Decision } from '@shared/merge/types'
import { decision, sha } from './builders'

const compareUnits = unitComparator(defaultCampaign)
let n = 0
const taken = (unit: string, key: string | null, fields: RecordFields = {}): ConsolidatedRow => {
  n++
  return { key, unit, fields, provenance: { unit, file: `${unit}.xlsx`, sha256: sha(n), sheet: '摸底台账', row: n } }
}
const USCC = 'uscc:91622901MA7B8HHWGC'
const NAME = 'name:嘉禾建材|王坪村256号'
const resolve = (rows: ConsolidatedRow[], decisions: Decision[]) => {
  const groups = findDuplicateGroups(rows, compareUnits)
  return { groups, ...applyDecisions(rows, groups, decisionLog(decisions).byKey) }
}
const notes = (r: ReturnType<typeof resolve>): string[] => [...r.verdicts.values()].map((v) => `${v.applied}:${v.note}`)

describe('a duplicate group', () => {
  it('is a key reported by two or more different units, units in campaign order, members in row order', () => {
    const rows = [taken('城北街道', USCC, { name: '嘉禾建材', address: '王坪村', uscc: '91622901MA7B8HHWGC' }), taken('城南街道', USCC, { name: ['嘉禾'] })]
    const [g] = findDuplicateGroups(rows, compareUnits)
    expect(g).toEqual({
      key: USCC,
      keyType: 'uscc',
      units: ['城南街道', '城北街道'],
      rows: [
        { unit: '城北街道', file: '城北街道.xlsx', sha256: rows[0]!.provenance.sha256, row: rows[0]!.provenance.row, name: '嘉禾建材', address: '王坪村', uscc: '91622901MA7B8HHWGC' },
        { unit: '城南街道', file: '城南街道.xlsx', sha256: rows[1]!.provenance.sha256, row: rows[1]!.provenance.row, name: '嘉禾', address: '', uscc: '' }
      ],
      decision: null
    })
  })
  it('is not formed by one unit reporting the same key twice, nor by rows without a key', () => {
    expect(findDuplicateGroups([taken('城南街道', USCC), taken('城南街道', USCC), taken('城南街道', null), taken('城北街道', null)], compareUnits)).toEqual([])
  })
  it('says whether the key is the code or the name and address; groups come in key order', () => {
    const groups = findDuplicateGroups([taken('城南街道', USCC), taken('城南街道', NAME), taken('城北街道', NAME), taken('城北街道', USCC)], compareUnits)
    expect(groups.map((g) => [g.key, g.keyType])).toEqual([
      [NAME, 'name_address'],
      [USCC, 'uscc']
    ])
  })
})

describe('the office\'s decision on a group', () => {
  it('with no decision, every row of the group stays, flagged as a duplicate; other rows are untouched', () => {
    const rows = [taken('城南街道', USCC), taken('城北街道', USCC), taken('城北街道', null), taken('西关街道', NAME)]
    const r = resolve(rows, [])
    expect(r.rows.map((x) => x.duplicate)).toEqual([true, true, undefined, undefined])
    expect(r.rows[2]).toBe(rows[2])
    expect(r.removed.size).toBe(0)
  })
  it('keep-both keeps every row flagged, and says so naming the units and the key', () => {
    const d = decision({ kind: 'keep-both', key: NAME })
    const r = resolve([taken('城北街道', NAME), taken('城南街道', NAME)], [d])
    expect(r.groups[0]?.decision).toBe(d)
    expect(r.rows.map((x) => x.duplicate)).toEqual([true, true])
    expect(notes(r)).toEqual(['true:城南街道、城北街道都保留，标为重复（名称及地址 嘉禾建材，王坪村256号）'])
  })
  it('attribute keeps the chosen unit\'s rows only, unflagged, and counts what each other unit lost', () => {
    const rows = [taken('城南街道', USCC), taken('城北街道', USCC), taken('西关街道', USCC), taken('西关街道', USCC), taken('西关街道', null)]
    const r = resolve(rows, [decision({ kind: 'attribute', key: USCC, unit: '城北街道' })])
    expect(r.rows).toEqual([rows[1], rows[4]])
    expect([...r.removed]).toEqual([
      ['城南街道', 1],
      ['西关街道', 2]
    ])
    expect(notes(r)).toEqual(['true:归属城北街道，移除其他单位的 3 行（统一社会信用代码 91622901MA7B8HHWGC）'])
  })
  it('merge keeps one record under the chosen unit: its own values first, blanks filled from the others in row order', () => {
    const rows = [
      taken('城南街道', USCC, { phone: '13800000000', remarks: '', measures: '关停', types: [] }),
      taken('城北街道', USCC, { phone: '', remarks: '', measures: '', types: [] }),
      taken('城北街道', USCC, { phone: '13900000000', remarks: '二号', measures: '' }),
      taken('西关街道', USCC, { remarks: '交界处', types: ['散'] })
    ]
    const r = resolve(rows, [decision({ kind: 'merge', key: USCC, unit: '城北街道' })])
    expect(r.rows).toEqual([
      {
        ...rows[1],
        fields: { phone: '13800000000', remarks: '二号', measures: '关停', types: ['散'] },
        mergedFrom: [rows[0]!.provenance, rows[2]!.provenance, rows[3]!.provenance]
      }
    ])
    expect([...r.removed]).toEqual([
      ['城南街道', 1],
      ['城北街道', 1],
      ['西关街道', 1]
    ])
    expect(notes(r)).toEqual(['true:合并为城北街道的一条记录，并入 3 行（统一社会信用代码 91622901MA7B8HHWGC）'])
  })
  it('a decision on a key that is no longer a group, or for a unit not in it, does nothing and says why', () => {
    const rows = [taken('城南街道', USCC), taken('城北街道', USCC), taken('城南街道', NAME)]
    const r = resolve(rows, [
      decision({ kind: 'merge', key: USCC, unit: '南龙镇' }),
      decision({ kind: 'keep-both', key: NAME }),
      decision({ kind: 'attribute', key: 'name:某厂|某路', unit: '城南街道' })
    ])
    expect(notes(r)).toEqual([
      'false:南龙镇不是这一重复项（统一社会信用代码 91622901MA7B8HHWGC）的报送单位，未执行',
      'false:当前没有这一重复项（名称及地址 嘉禾建材，王坪村256号），未执行',
      'false:当前没有这一重复项（名称及地址 某厂，某路），未执行'
    ])
    expect(r.groups[0]?.decision).toBeNull()
    expect(r.rows.map((x) => x.duplicate)).toEqual([true, true, undefined])
  })
})
