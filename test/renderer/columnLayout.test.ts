import type { GridState } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { annex2 } from '@shared/annexes/annex2'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import { buildColumnDefs } from '../../renderer/src/features/ledger/columnDefs'
import { changesLayout, forgetLayout, layoutColumns, loadLayout, saveLayout } from '../../renderer/src/features/ledger/columnLayout'

/** The Web Storage API over a Map, as the renderer's localStorage; `full` throws as a full or disabled storage does. */
function memoryStorage(full = false): Storage {
  const m = new Map<string, string>()
  return {
    get length() {
      return m.size
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError')
      m.set(k, v)
    }
  }
}

const issues = { issuesOf: () => undefined, indexOf: () => 0 }
const columns = layoutColumns(buildColumnDefs(annex2 as unknown as AnnexDefinition<RecordFields>, defaultCampaign, issues, true), { filter: true })
const KEY = 'slw.columnLayout.v1.annex2'

const state: GridState = {
  columnSizing: { columnSizingModel: [{ colId: 'town', width: 140 }, { colId: 'ag-Grid-SelectionColumn', width: 40 }] },
  columnOrder: { orderedColIds: ['ag-Grid-SelectionColumn', 'seq', 'name', 'operator', 'town'] },
  sort: { sortModel: [{ colId: 'village', sort: 'desc' }] },
  filter: { filterModel: { sector: { filterType: 'text', type: 'contains', filter: '工业' } } },
  focusedCell: { colId: 'town', rowIndex: 3, rowPinned: null },
  scroll: { top: 400, left: 0 }
}

describe('column layout remembered per form', () => {
  it('gives back widths, order, sort and filters, and not focus or scrolling', () => {
    const storage = memoryStorage()
    saveLayout('annex2', state, columns, storage)
    expect(loadLayout('annex2', columns, storage)).toEqual({
      columnSizing: state.columnSizing,
      columnOrder: state.columnOrder,
      sort: state.sort,
      filter: state.filter
    })
    expect(loadLayout('annex3', columns, storage)).toBeUndefined()
  })

  it('leaves out columns the form no longer has, and a filter saved for another kind of filter', () => {
    const storage = memoryStorage()
    storage.setItem(
      KEY,
      JSON.stringify({
        columnSizing: { columnSizingModel: [{ colId: 'gone', width: 300 }, { colId: 'town', width: 120 }] },
        columnOrder: { orderedColIds: ['gone', 'town', 'seq'] },
        sort: { sortModel: [{ colId: 'gone', sort: 'asc' }, { colId: 'town', sort: 'asc' }] },
        filter: { filterModel: { gone: { filter: 'x' }, sector: { values: ['工业'] }, address: { filter: '城' } } },
        // sector's filter was a set filter when saved; address's the text filter it still has.
        filterKinds: { gone: 'agTextColumnFilter', sector: 'agSetColumnFilter', address: 'agTextColumnFilter' }
      })
    )
    expect(loadLayout('annex2', columns, storage)).toEqual({
      columnSizing: { columnSizingModel: [{ colId: 'town', width: 120 }] },
      columnOrder: { orderedColIds: ['town', 'seq'] },
      sort: { sortModel: [{ colId: 'town', sort: 'asc' }] },
      filter: { filterModel: { address: { filter: '城' } } }
    })
  })

  it.each([
    ['not JSON', '{"columnSizing": [no'],
    ['the wrong shape', JSON.stringify({ columnSizing: { columnSizingModel: 'wide' } })],
    ['a negative width', JSON.stringify({ columnSizing: { columnSizingModel: [{ colId: 'town', width: -5 }] } })],
    ['an unknown sort', JSON.stringify({ sort: { sortModel: [{ colId: 'town', sort: 'up' }] } })],
    ['null', 'null']
  ])('drops a saved layout that is %s and opens the default', (_what, raw) => {
    const storage = memoryStorage()
    storage.setItem(KEY, raw)
    expect(loadLayout('annex2', columns, storage)).toBeUndefined()
    expect(storage.getItem(KEY)).toBeNull()
  })

  it('goes on without a layout when the storage is full, and forgets one on request', () => {
    expect(() => saveLayout('annex2', state, columns, memoryStorage(true))).not.toThrow()
    const storage = memoryStorage()
    saveLayout('annex2', state, columns, storage)
    forgetLayout('annex2', storage)
    expect(loadLayout('annex2', columns, storage)).toBeUndefined()
  })

  it('saves on layout changes only', () => {
    expect(changesLayout(['columnSizing'])).toBe(true)
    expect(changesLayout(['sort', 'focusedCell'])).toBe(true)
    expect(changesLayout(['focusedCell', 'scroll', 'rowSelection'])).toBe(false)
    expect(changesLayout(['gridInitializing'])).toBe(false)
  })
})
