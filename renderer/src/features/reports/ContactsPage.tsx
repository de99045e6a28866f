/** 分管领导及联络员 (plan 五(二), due 4/30): who answers for the unit, exported as the contact-list annex. */
import { useEffect, useState } from 'react'
import { contacts } from '@shared/annexes/contacts'
import type { Campaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { createValidationContext, validateRecord } from '@shared/validation/validateRecord'
import { invoke } from '../../api/client'
import type { PageNotice } from '../../components/Notices'
import { Notices } from '../../components/Notices'
import { tellExport } from '../exchange/exportNotice'
import { countKinds, countsLine, issueKind, shownWhileQuiet } from '../ledger/issueVisibility'
import { FieldInput } from '../lifecycle/FieldInput'

const fields = contacts.columns.filter((c) => c.kind !== 'seq' && c.key !== 'unit')

export function ContactsPage({ unitId, unitName, campaign }: { unitId: string; unitName: string; campaign: Campaign }): React.JSX.Element {
  const [values, setValues] = useState<RecordFields>({})
  const [message, setMessage] = useState<PageNotice | null>(null)
  // A list not yet saved is quiet until the clerk saves or exports it: only what is typed into it can be wrong.
  const [quiet, setQuiet] = useState(true)
  const ctx = createValidationContext(campaign, contacts)

  useEffect(() => {
    void invoke('contacts:view', { unitId }).then((r) => {
      if (!r.ok) return
      setValues(r.value.fields ?? {})
      setQuiet(r.value.fields === null)
    })
  }, [unitId])

  const record = { ...values, unit: unitName }
  const found = validateRecord(record, contacts, ctx)
  const issues = (quiet ? shownWhileQuiet(found, record) : found).map((i) => ({ ...i, kind: issueKind(i, record) }))
  const save = async (): Promise<boolean> => {
    setQuiet(false)
    const r = await invoke('contacts:save', { unitId, fields: values })
    if (!r.ok) setMessage({ level: 'error', message: r.error.message })
    else setMessage({ level: 'info', message: '已保存联络员信息。' })
    return r.ok
  }
  const exportList = async (): Promise<void> => {
    if (!(await save())) return
    await tellExport(await invoke('export:annex', { unitId, annex: contacts.id, template: false }), setMessage, '请于4月30日前报领导小组办公室。')
  }

  return (
    <section className="contacts-page">
      <h2>{unitName} 分管领导及联络员</h2>
      <Notices notices={message ? [message] : []} onDismiss={() => setMessage(null)} />
      <p className="counts" aria-label="问题统计">
        {countsLine(countKinds(issues))}
      </p>
      <div className="contact-grid">
        {fields.map((c) => (
          <label key={c.key}>
            {c.group ? `${c.group}·${c.header}` : c.header}
            {c.required ? '（必填）' : ''}
            <FieldInput column={c} campaign={campaign} value={values[c.key]} disabled={false} onChange={(v) => setValues({ ...values, [c.key]: v })} />
            {issues.filter((i) => i.field === c.key).map((i) => (
              <small key={i.code} className={i.kind === 'error' ? 'count-error' : i.kind === 'incomplete' ? 'muted' : 'count-warning'}>
                {i.message}
              </small>
            ))}
          </label>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          保存
        </button>
        <button type="button" onClick={() => void exportList()}>
          导出联络员名单
        </button>
      </div>
    </section>
  )
}
