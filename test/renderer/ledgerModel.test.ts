import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { LedgerRecord } from '@shared/ledger/record'
import { LedgerModel } from '../../renderer/src/features/ledger/ledgerModel'
import { PROTOTYPE_NAMES } from '../helpers/prototypeNames'

const rec = (id: string, name: string): LedgerRecord => ({
  id,
  problemNo: `LXS-2024-005-${id.padStart(4, '0')}`,
  createdAt: '2024-05-01T00:00:00Z',
  updatedAt: '2024-05-01T00:00:00Z',
  fields: { name }
})

const names = (m: LedgerModel): unknown[] => m.all.map((r) => r.fields['name'])

describe('LedgerModel', () => {
  it('edits, inserts and removes as single undoable actions', () => {
    const m = new LedgerModel([rec('1', '甲'), rec('2', '乙'), rec('3', '丙')])
    expect(m.edit([{ id: '2', fields: { name: '乙二' } }])).toBe(true)
    m.insert([{ name: '丁' }, { name: '戊' }], 0)
    m.remove(['1', '3'])
    expect(names(m)).toEqual(['丁', '戊', '乙二'])
    m.undo()
    expect(names(m)).toEqual(['甲', '丁', '戊', '乙二', '丙'])
    m.undo()
    expect(names(m)).toEqual(['甲', '乙二', '丙'])
    m.undo()
    expect(names(m)).toEqual(['甲', '乙', '丙'])
    expect(m.canUndo).toBe(false)
    m.redo()
    m.redo()
    m.redo()
    expect(names(m)).toEqual(['丁', '戊', '乙二'])
  })

  it('an edit that changes nothing is not an action', () => {
    const m = new LedgerModel([rec('1', '甲')])
    expect(m.edit([{ id: '1', fields: { name: '甲' } }])).toBe(false)
    expect(m.canUndo).toBe(false)
    expect(m.hasUnsaved).toBe(false)
  })

  it('hands out the changes since the last save and takes them back after a failure', () => {
    const m = new LedgerModel([rec('1', '甲'), rec('2', '乙')])
    m.edit([{ id: '1', fields: { name: '甲一' } }], [{ name: '新' }])
    m.remove(['2'])
    const changes = m.takeChanges()
    expect(changes.deletes).toEqual(['2'])
    expect(changes.upserts.map((u) => u.fields['name']).sort()).toEqual(['新', '甲一'])
    expect(m.hasUnsaved).toBe(false)
    m.unsent(changes)
    expect(m.hasUnsaved).toBe(true)
  })

  it('problem numbers from the store survive undo and redo', () => {
    const m = new LedgerModel([])
    const [id] = m.insert([{ name: '新' }])
    m.edit([{ id: id as string, fields: { name: '新二' } }])
    m.setProblemNumbers({ [id as string]: 'LXS-2024-005-0001' })
    m.undo()
    expect(m.get(id as string)?.problemNo).toBe('LXS-2024-005-0001')
  })

  it('gives a problem number only to the records the store numbered, whatever their ids', () => {
    const m = new LedgerModel(PROTOTYPE_NAMES.map((id) => ({ ...rec(id, id), problemNo: '' })))
    m.setProblemNumbers(JSON.parse('{"valueOf":"LXS-2024-005-0001"}') as Record<string, string>)
    expect(m.all.map((r) => [r.id, r.problemNo])).toEqual(PROTOTYPE_NAMES.map((id) => [id, id === 'valueOf' ? 'LXS-2024-005-0001' : '']))
  })

  it('undoing everything restores the original rows for any sequence of actions', () => {
    const action = fc.oneof(
      fc.record({ t: fc.constant('edit' as const), i: fc.nat(), v: fc.string({ maxLength: 3 }) }),
      fc.record({ t: fc.constant('insert' as const), i: fc.nat(), n: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ t: fc.constant('remove' as const), i: fc.nat(), n: fc.integer({ min: 1, max: 3 }) })
    )
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const start = [rec('1', 'a'), rec('2', 'b'), rec('3', 'c'), rec('4', 'd')]
        const m = new LedgerModel(start)
        const snapshots: unknown[][] = []
        for (const a of actions) {
          const ids = m.all.map((r) => r.id)
          const pick = (i: number): string | undefined => ids[i % Math.max(ids.length, 1)]
          snapshots.push(names(m))
          let changed: boolean
          if (a.t === 'edit') changed = !!pick(a.i) && m.edit([{ id: pick(a.i) as string, fields: { name: a.v } }])
          else if (a.t === 'insert') changed = m.insert(Array.from({ length: a.n }, () => ({ name: 'x' })), (a.i % (ids.length + 1)) - 1).length > 0
          else changed = m.remove(ids.slice(a.i % Math.max(ids.length, 1), (a.i % Math.max(ids.length, 1)) + a.n)) > 0
          if (!changed) snapshots.pop()
        }
        for (let k = snapshots.length - 1; k >= 0; k--) {
          m.undo()
          expect(names(m)).toEqual(snapshots[k])
        }
        expect(names(m)).toEqual(['a', 'b', 'c', 'd'])
      }),
      { numRuns: 300 }
    )
  })
})
