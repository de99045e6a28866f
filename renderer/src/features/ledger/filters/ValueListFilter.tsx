import { useCallback, useMemo, useState } from 'react'
import type { IDoesFilterPassParams } from 'ag-grid-community'
import type { CustomFilterProps } from 'ag-grid-react'
import { useGridFilter } from 'ag-grid-react'
import type { FieldValue } from '@shared/ledger/record'
import type { GridRow } from '../ledgerModel'
import type { ValueListModel } from './filterMatch'
import { listValues, passesValueList } from './filterMatch'

/** More values than this get a search box above the list. */
const SEARCH_FROM = 8

/**
 * The value list of a choice column (AG Grid Community has no set filter): a checkbox per option, per value found
 * that is not an option, and for blank cells; 全选, and a search box when the list is long.
 */
export function ValueListFilter(props: CustomFilterProps<GridRow, unknown, ValueListModel> & { options: readonly string[] }): React.JSX.Element {
  const { model, onModelChange, api, options } = props
  const key = props.colDef.colId ?? ''
  const [opened, setOpened] = useState(0)
  const [search, setSearch] = useState('')

  // The rows' values are read again each time the filter is opened.
  const values = useMemo(() => {
    const present: (FieldValue | undefined)[] = []
    api.forEachNode((n) => present.push(n.data?.fields[key]))
    return listValues(options, present)
  }, [api, key, options, opened])
  const kept = useMemo(() => new Set(model ? model.values : values), [model, values])
  const shown = search.trim() === '' ? values : values.filter((v) => v.includes(search.trim()))

  const doesFilterPass = useCallback((p: IDoesFilterPassParams<GridRow>) => passesValueList(p.node.data?.fields[key], kept), [key, kept])
  useGridFilter({ doesFilterPass, afterGuiAttached: () => setOpened((n) => n + 1) })

  const keep = (next: Set<string>): void => onModelChange(values.every((v) => next.has(v)) ? null : { values: values.filter((v) => next.has(v)) })
  const toggle = (v: string): void => {
    const next = new Set(kept)
    if (next.has(v)) next.delete(v)
    else next.add(v)
    keep(next)
  }
  const allShown = shown.every((v) => kept.has(v))
  const someShown = shown.some((v) => kept.has(v))
  const toggleShown = (): void => {
    const next = new Set(kept)
    for (const v of shown) {
      if (allShown) next.delete(v)
      else next.add(v)
    }
    keep(next)
  }

  return (
    <div className="value-filter" role="group" aria-label={`${props.colDef.headerName ?? ''}筛选`}>
      {values.length > SEARCH_FROM && (
        <input type="search" aria-label="在选项中查找" placeholder="查找选项……" value={search} onChange={(e) => setSearch(e.target.value)} />
      )}
      <label className="select-all">
        <input
          type="checkbox"
          checked={allShown}
          ref={(el) => {
            if (el) el.indeterminate = someShown && !allShown
          }}
          onChange={toggleShown}
        />
        全选{search.trim() !== '' && '（查找结果）'}
      </label>
      <div className="value-filter-list">
        {shown.map((v) => (
          <label key={v}>
            <input type="checkbox" checked={kept.has(v)} onChange={() => toggle(v)} />
            {v}
          </label>
        ))}
        {shown.length === 0 && <p className="empty">没有找到</p>}
      </div>
    </div>
  )
}
