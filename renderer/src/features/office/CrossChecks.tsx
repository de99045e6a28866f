import { useState } from 'react'
import type { ConfirmedCheck } from '@shared/office/crossForms'
import { chinaDateTimeCn } from '@shared/domain/chinaTime'

/**
 * 各表之间的核对: each unit's 附件2/3/4 and Friday reports against each other. A difference blocks the workbooks of
 * its forms until it is corrected (the unit re-sends) or the office writes why it stands and confirms it.
 */
export function CrossChecks(props: { checks: readonly ConfirmedCheck[]; onConfirm: (check: string, note: string) => void }): React.JSX.Element | null {
  const { checks } = props
  if (checks.length === 0) return null
  const differing = checks.filter((c) => !c.ok)
  const open = differing.filter((c) => !c.confirmed).length
  return (
    <div className="cross-checks">
      <h3 className={open ? 'count-error' : ''}>
        各表之间的核对：共 {checks.length} 项，{differing.length ? `不一致 ${differing.length} 项（未确认 ${open} 项）` : '全部一致'}
      </h3>
      {differing.length > 0 && (
        <table className="plain">
          <thead>
            <tr>
              <th>核对项目</th>
              <th>不一致之处</th>
              <th>办公室确认</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((c) => (
              <tr key={c.id} className={c.confirmed ? 'confirmed' : 'bad'}>
                <td>{c.label}</td>
                <td>
                  {c.findings.map((f) => (
                    <div key={f}>{f}</div>
                  ))}
                </td>
                <td>{c.confirmed ? `已确认：${c.confirmed.note}（${c.confirmed.by}，${chinaDateTimeCn(c.confirmed.at)}）` : <ConfirmForm onConfirm={(note) => props.onConfirm(c.id, note)} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

function ConfirmForm({ onConfirm }: { onConfirm: (note: string) => void }): React.JSX.Element {
  const [note, setNote] = useState('')
  return (
    <form
      className="confirm-difference"
      onSubmit={(e) => {
        e.preventDefault()
        if (note.trim()) onConfirm(note.trim())
      }}
    >
      <input aria-label="差异原因" placeholder="写明原因，如：5月10日后新发现" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={!note.trim()}>
        确认差异
      </button>
    </form>
  )
}
