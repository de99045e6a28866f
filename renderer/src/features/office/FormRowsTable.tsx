import type { AnnexColumn } from '@shared/annexes/types'
import type { RecordFields } from '@shared/ledger/record'
import { valueToText } from '@shared/validation/cellInput'
import { GroupedHeader } from '../../components/GroupedHeader'

/** One row per unit under a form's headers (the office's weekly 附表 and contact list), with an optional 合计. */
export function FormRowsTable(props: {
  columns: readonly AnnexColumn[]
  rows: readonly { unit: string; fields: RecordFields; file: string; note?: string; className?: string }[]
  total?: RecordFields
}): React.JSX.Element {
  const cells = (fields: RecordFields): React.JSX.Element[] => props.columns.map((c) => <td key={c.key}>{valueToText(fields[c.key])}</td>)
  return (
    <table className="plain form-rows">
      <GroupedHeader lead="单位" columns={props.columns} />
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.unit} className={r.className ?? ''}>
            <td title={r.file}>
              {r.unit}
              {r.note ?? ''}
            </td>
            {cells(r.fields)}
          </tr>
        ))}
        {props.total && (
          <tr className="total">
            <td>合计</td>
            {cells(props.total)}
          </tr>
        )}
      </tbody>
    </table>
  )
}
