import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { planImport } from '@shared/ledger/importPlan'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'

const rec = (id: string, fields: RecordFields): LedgerRecord => ({ id, problemNo: `LXS-2024-005-000${id}`, createdAt: '', updatedAt: '', fields })
let n = 0
const newId = (): string => `new${++n}`

describe('planImport', () => {
  const ledger = [
    rec('1', { name: '临夏市甲厂', uscc: '91622901MA7FLD4EN1', address: '东环路8号', remarks: '' }),
    rec('2', { name: '八坊社区马某某加工点', uscc: '无', address: '临夏市八坊街道枹罕路1号' }),
    rec('3', { name: '临夏市丙厂', uscc: '92622901MA733BDEXM', address: '滨河路30号', extra: '附件3的字段' })
  ]

  it('matches by record id, then code, then name + address, and never deletes', () => {
    const plan = planImport(
      [
        { rowNumber: 6, recordId: '3', fields: { name: '临夏市丙厂', uscc: '92622901MA733BDEXM', address: '滨河路30号' } },
        { rowNumber: 7, fields: { name: '临夏市甲厂（改名）', uscc: ' 91622901ma7fld4en1 ', address: '东环路8号' } },
        { rowNumber: 8, fields: { name: '八坊社区马某某加工点', uscc: '无', address: '甘肃省临夏州临夏市八坊街道枹罕路1号' } },
        { rowNumber: 9, fields: { name: '临夏市新厂', uscc: '无', address: '别处' } }
      ],
      ledger,
      annex2,
      newId
    )
    expect(plan.rows.map((r) => [r.rowNumber, r.status, r.recordId])).toEqual([
      [6, 'unchanged', '3'],
      [7, 'changed', '1'],
      [8, 'changed', '2'],
      [9, 'new', 'new1']
    ])
    expect(plan.rows[1]?.changes.map((c) => `${c.header}:${String(c.from)}→${String(c.to)}`)).toEqual([
      '企业（场所）名称:临夏市甲厂→临夏市甲厂（改名）',
      '统一社会信用代码:91622901MA7FLD4EN1→ 91622901ma7fld4en1 '
    ])
    expect(plan.notInFile).toBe(0)
    expect(plan.changes.deletes).toEqual([])
    expect(plan.inverse.deletes).toEqual(['new1'])
    expect(plan.inverse.upserts.map((u) => u.id)).toEqual(['1', '2'])
  })

  it('keeps the fields other annexes put on a record', () => {
    const plan = planImport([{ rowNumber: 6, recordId: '3', fields: { name: '临夏市丙厂二', uscc: '92622901MA733BDEXM', address: '滨河路30号' } }], ledger, annex2, newId)
    expect(plan.changes.upserts[0]?.fields).toMatchObject({ name: '临夏市丙厂二', extra: '附件3的字段' })
    expect(plan.notInFile).toBe(2)
  })

  it('a second row of the same enterprise becomes a new record instead of overwriting the first', () => {
    const row = { name: '临夏市甲厂', uscc: '91622901MA7FLD4EN1', address: '东环路8号' }
    const plan = planImport([{ rowNumber: 6, fields: row }, { rowNumber: 7, fields: { ...row, remarks: '重复' } }], ledger, annex2, newId)
    expect(plan.rows.map((r) => r.status)).toEqual(['unchanged', 'new'])
  })
})
