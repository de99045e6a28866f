/** 两断三清 of one record: the five items with date, method or 不涉及 reason, then the on-site 核销. */
import { tlc } from '@shared/annexes/tlc'
import type { FormKey } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import { TLC_ITEMS, tlcKey, tlcState } from '@shared/lifecycle/tlc'
import { FieldInput } from './FieldInput'

/** A field of the 两断三清核查表 (a misspelt key would render no input at all: a compile error instead). */
type TlcKey = FormKey<typeof tlc>
const column = (key: TlcKey) => tlc.columns.find((c) => c.key === key)
const STATE = { done: '已完成', na: '不涉及', open: '未完成' } as const

export function TlcChecklist(props: {
  fields: RecordFields
  campaign: Campaign
  disabled: boolean
  onChange: (key: string, value: FieldValue) => void
}): React.JSX.Element {
  const input = (key: TlcKey): React.JSX.Element | null => {
    const col = column(key)
    return col ? <FieldInput column={col} campaign={props.campaign} value={props.fields[key]} disabled={props.disabled} onChange={(v) => props.onChange(key, v)} /> : null
  }
  return (
    <section className="tlc-checklist" aria-label="两断三清核查">
      <h3>两断三清</h3>
      <table className="plain">
        <thead>
          <tr>
            <th>项目</th>
            <th>完成日期</th>
            <th>方式</th>
            <th>不涉及原因</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {TLC_ITEMS.map((item) => {
            const state = tlcState(props.fields, item)
            return (
              <tr key={item.id} className={state}>
                <th>{item.label}</th>
                <td>{input(tlcKey(item, 'Date'))}</td>
                <td>{input(tlcKey(item, 'Method'))}</td>
                <td>{input(tlcKey(item, 'Na'))}</td>
                <td className={`tlc-state ${state}`}>{STATE[state]}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <div className="tlc-signoff">
        <label>核查人 {input('tlcInspector')}</label>
        <label>核查日期 {input('tlcInspectDate')}</label>
        <label>是否通过核销 {input('tlcPassed')}</label>
      </div>
    </section>
  )
}
