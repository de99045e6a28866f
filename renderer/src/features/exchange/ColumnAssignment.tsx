/**
 * 列的对应: each column of the file as read — its header, a few values, the field it goes into — for the clerk to
 * confirm or change, or set to 忽略; the preview is read again with the assignments, and once the file is taken they
 * are remembered for the next file with the same headers.
 */
import { useState } from 'react'
import type { SourceColumn } from '@shared/annexes/columnMapping'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'

const IGNORE = '__ignore'

/** The fields a column can go into: the form's columns a clerk fills (not 序号, not the computed ones). */
export function assignableFields(annex: AnnexDefinition<RecordFields>): { key: string; header: string }[] {
  return annex.columns.filter((c) => c.kind !== 'seq' && !c.derive).map((c) => ({ key: c.key, header: c.group ? `${c.group}·${c.header}` : c.header }))
}

export function ColumnAssignment(props: {
  columns: readonly SourceColumn[]
  fields: readonly { key: string; header: string }[]
  remembered: boolean
  open: boolean
  busy: boolean
  onApply: (mapping: Record<string, string | null>) => void
}): React.JSX.Element | null {
  const initial = (c: SourceColumn): string => (c.ignored ? IGNORE : (c.key ?? ''))
  const [chosen, setChosen] = useState<Record<string, string>>(() => Object.fromEntries(props.columns.map((c) => [c.header, initial(c)])))
  if (props.columns.length === 0) return null
  const unassigned = props.columns.filter((c) => !c.ignored && c.key === null).length
  const changed = props.columns.some((c) => chosen[c.header] !== initial(c))
  const apply = (): void =>
    props.onApply(
      Object.fromEntries(
        props.columns.flatMap((c) => {
          const v = chosen[c.header] ?? ''
          return v === '' ? [] : [[c.header, v === IGNORE ? null : v]]
        })
      )
    )
  return (
    <details className="column-assignment" open={props.open}>
      <summary>
        列的对应（{props.columns.length} 列{unassigned ? `，${unassigned} 列未对应` : ''}）{props.remembered && '：已按上次对同样表头的指定对应'}
      </summary>
      <table className="plain">
        <thead>
          <tr>
            <th>列</th>
            <th>原表列名</th>
            <th>示例</th>
            <th>导入到</th>
          </tr>
        </thead>
        <tbody>
          {props.columns.map((c) => (
            <tr key={c.letter} className={!c.ignored && c.key === null ? 'unassigned' : ''}>
              <td>{c.letter}</td>
              <td>{c.header}</td>
              <td className="samples">{c.samples.join('、')}</td>
              <td>
                {c.key !== null && !props.fields.some((f) => f.key === c.key) ? (
                  <span className="muted">（{c.key === 'seq' ? '序号，不导入' : '自动计算，不导入'}）</span>
                ) : (
                  <select aria-label={`“${c.header}”导入到`} value={chosen[c.header] ?? ''} onChange={(e) => setChosen((x) => ({ ...x, [c.header]: e.target.value }))}>
                    <option value="">（未对应）</option>
                    <option value={IGNORE}>忽略（不导入）</option>
                    {props.fields.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.header}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={props.busy || !changed} onClick={apply}>
        按此对应重新预览
      </button>
    </details>
  )
}
