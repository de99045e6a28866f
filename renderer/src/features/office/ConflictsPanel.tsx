/**
 * 重复与冲突: every enterprise reported by more than one unit, the rows side by side (fields as lines, units as
 * columns, differences marked), and the office's decision. Nothing is resolved until someone decides.
 */
import { useState } from 'react'
import { annex2 } from '@shared/annexes/annex2'
import type { ConflictView } from '@shared/ipc/contract'
import type { DecisionInput } from '@shared/merge/schema'
import type { DecisionOutcome } from '@shared/merge/types'
import type { ResurgenceFinding } from '@shared/office/resurgence'
import { sameValue } from '@shared/ledger/record'
import { valueToText } from '@shared/validation/cellInput'
import { decisionText } from './labels'

function ConflictCard(props: { conflict: ConflictView; onDecide: (d: DecisionInput) => void }): React.JSX.Element {
  const { group, rows } = props.conflict
  const [note, setNote] = useState('')
  const key = group.key
  const withNote = <T extends object>(d: T): T & { note?: string } => (note.trim() ? { ...d, note: note.trim() } : d)
  const columns = annex2.columns.filter((c) => c.kind !== 'seq')
  return (
    <article className={`conflict ${group.decision ? 'decided' : 'open'}`} aria-label={`冲突 ${key}`}>
      <header>
        <strong>{group.keyType === 'uscc' ? `统一社会信用代码 ${key.replace(/^uscc:/, '')}` : '名称和地址相同（无代码）'}</strong>
        <span>报送单位：{group.units.join('、')}</span>
        <span className={group.decision ? 'decision' : 'count-error'}>{decisionText(group.decision)}</span>
      </header>
      <table className="plain side-by-side">
        <thead>
          <tr>
            <th>字段</th>
            {rows.map((r) => (
              <th key={`${r.file}:${r.row}`}>
                {r.unit}
                <small>
                  {r.file} 第{r.row}行
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const values = rows.map((r) => r.fields[c.key])
            const differs = values.some((v) => !sameValue(v, values[0]))
            return (
              <tr key={c.key} className={differs ? 'differs' : ''}>
                <th>{c.header}</th>
                {values.map((v, i) => (
                  <td key={i}>{valueToText(v)}</td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
      <div className="decide">
        <input placeholder="处理说明（可选，写入合并报告）" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        <button type="button" onClick={() => props.onDecide(withNote({ kind: 'keep-both', key }))}>
          两单位分别统计
        </button>
        {group.units.map((unit) => (
          <button key={`a${unit}`} type="button" onClick={() => props.onDecide(withNote({ kind: 'attribute', key, unit }))}>
            归属{unit}
          </button>
        ))}
        {group.units.map((unit) => (
          <button key={`m${unit}`} type="button" onClick={() => props.onDecide(withNote({ kind: 'merge', key, unit }))}>
            合并为一条（归属{unit}）
          </button>
        ))}
      </div>
    </article>
  )
}

function DecisionLog({ outcomes }: { outcomes: readonly DecisionOutcome[] }): React.JSX.Element | null {
  if (outcomes.length === 0) return null
  return (
    <section className="decision-log">
      <h3>处理记录</h3>
      <ol>
        {outcomes.map((o, i) => (
          <li key={i} className={o.status}>
            {decisionText(o.decision)}：{o.note}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** New finds that look like enterprises closed before: each to be checked on site by its unit. */
function Resurgence({ findings }: { findings: readonly ResurgenceFinding[] }): React.JSX.Element | null {
  if (findings.length === 0) return null
  return (
    <section className="resurgence" aria-label="疑似死灰复燃">
      <h3>疑似死灰复燃（{findings.length}）</h3>
      <ul>
        {findings.map((f) => (
          <li key={`${f.file}:${f.row}`}>
            <strong>{f.unit}</strong> {f.file} 第{f.row}行 {f.name}：{f.message}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function ConflictsPanel(props: {
  conflicts: readonly ConflictView[]
  decisions: readonly DecisionOutcome[]
  resurgence: readonly ResurgenceFinding[]
  onDecide: (d: DecisionInput) => void
}): React.JSX.Element {
  if (props.conflicts.length === 0) {
    return (
      <>
        <Resurgence findings={props.resurgence} />
        <p className="empty">没有发现不同单位重复报送的企业。</p>
        <DecisionLog outcomes={props.decisions} />
      </>
    )
  }
  const open = props.conflicts.filter((c) => !c.group.decision).length
  return (
    <section className="conflicts">
      <Resurgence findings={props.resurgence} />
      <p>
        共 {props.conflicts.length} 组重复报送，{open} 组待处理。不同的内容以底色标出；处理结果写入合并报告。
      </p>
      {props.conflicts.map((c) => (
        <ConflictCard key={c.group.key} conflict={c} onDecide={props.onDecide} />
      ))}
      <DecisionLog outcomes={props.decisions} />
    </section>
  )
}
