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
      {/* One block per item, its fields two to a line: a five-column table does not fit the side panel. */}
      {TLC_ITEMS.map((item) => {
        const state = tlcState(props.fields, item)
        return (
          <div key={item.id} className={`tlc-item ${state}`}>
            <div className="tlc-head">
              <strong>{item.label}</strong>
              <span className={`tlc-state ${state}`}>{STATE[state]}</span>
            </div>
            <div className="panel-fields">
              <label>
                完成日期
                {input(tlcKey(item, 'Date'))}
              </label>
              <label>
                方式
                {input(tlcKey(item, 'Method'))}
              </label>
              <label className="wide">
                不涉及的原因
                {input(tlcKey(item, 'Na'))}
              </label>
            </div>
          </div>
        )
      })}
      <div className="panel-fields tlc-signoff">
        <label>核查人 {input('tlcInspector')}</label>
        <label>核查日期 {input('tlcInspectDate')}</label>
        <label className="wide">是否通过核销 {input('tlcPassed')}</label>
      </div>
    </section>
  )
}
