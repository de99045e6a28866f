import { useCallback, useEffect, useState } from 'react'
import type { IDoesFilterPassParams } from 'ag-grid-community'
import type { CustomFilterProps } from 'ag-grid-react'
import { useGridFilter } from 'ag-grid-react'
import { dateFromTyped } from '@shared/validation/cellInput'
import { DateField } from '../editors/DateField'
import type { GridRow } from '../ledgerModel'
import type { DateRangeModel } from './filterMatch'
import { passesDateRange } from './filterMatch'

/** A date typed in the filter: ISO, '' for none, or null for text that is no date (not applied). */
const read = (text: string): string | null => (text.trim() === '' ? '' : dateFromTyped(text))

/**
 * 从/到 for a date column, typed as dates are typed everywhere in the program (or picked in the calendar); either end
 * may stay empty. A row whose cell is no date is hidden once a range is set.
 */
export function DateRangeFilter(props: CustomFilterProps<GridRow, unknown, DateRangeModel>): React.JSX.Element {
  const { model, onModelChange } = props
  const key = props.colDef.colId ?? ''
  const [from, setFrom] = useState(model?.from ?? '')
  const [to, setTo] = useState(model?.to ?? '')

  // A model set from outside (filters cleared, a saved layout restored) shows in the inputs.
  useEffect(() => {
    if (read(from) !== (model?.from ?? '')) setFrom(model?.from ?? '')
    if (read(to) !== (model?.to ?? '')) setTo(model?.to ?? '')
  }, [model])

  const doesFilterPass = useCallback((p: IDoesFilterPassParams<GridRow>) => passesDateRange(p.node.data?.fields[key], model ?? {}), [key, model])
  useGridFilter({ doesFilterPass })

  const apply = (nextFrom: string, nextTo: string): void => {
    setFrom(nextFrom)
    setTo(nextTo)
    const f = read(nextFrom)
    const t = read(nextTo)
    if (f === null || t === null) return
    onModelChange(f || t ? { ...(f ? { from: f } : {}), ...(t ? { to: t } : {}) } : null)
  }

  return (
    <div className="date-filter" role="group" aria-label={`${props.colDef.headerName ?? ''}日期范围`}>
      <span>从</span>
      <DateField label="从" value={from} placeholder="开始日期，可不填" onChange={(v) => apply(v, to)} onPick={(iso) => apply(iso, to)} />
      <span>到</span>
      <DateField label="到" value={to} placeholder="结束日期，可不填" onChange={(v) => apply(from, v)} onPick={(iso) => apply(from, iso)} />
      <button type="button" disabled={!from && !to} onClick={() => apply('', '')}>
        清除
      </button>
    </div>
  )
}
