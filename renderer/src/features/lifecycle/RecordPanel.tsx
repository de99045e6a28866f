/**
 * 办理: one record's status and the steps it can take next (each with what is still missing, and a field to fill
 * where that is all it takes), its 两断三清 checklist, the 回头看 reopening, its evidence and its change history.
 */
import { useState } from 'react'
import { checksFor, huikan, isHuikan } from '@shared/annexes/huikan'
import { recordColumns, recordText } from '@shared/annexes/registry'
import type { Campaign } from '@shared/campaign/campaign'
import type { HistoryEntry, LedgerRecord } from '@shared/ledger/record'
import type { FieldValue, RecordFields } from '@shared/ledger/record'
import type { Action } from '@shared/lifecycle/actions'
import { actionsFor, applyAction } from '@shared/lifecycle/actions'
import type { AnnexColumn } from '@shared/annexes/types'
import type { Attachment } from '@shared/evidence/attachments'
import { closeNeeds, evidenceSummary } from '@shared/evidence/closeEvidence'
import { statusOf } from '@shared/lifecycle/requirements'
import { tlcApplies } from '@shared/lifecycle/tlc'
import { invoke } from '../../api/client'
import type { ShowNotice } from '../exchange/exportNotice'
import { tellExport } from '../exchange/exportNotice'
import { EvidencePanel } from './EvidencePanel'
import { FieldInput } from './FieldInput'
import { historyLine } from './historyLine'
import { TlcChecklist } from './TlcChecklist'

/** The 销号 approval has no form column: its two fields are asked for as text. */
const APPROVAL: readonly AnnexColumn[] = [
  { key: 'closeApprover', header: '销号审核人', kind: 'text', width: 8 },
  { key: 'closeApproverTitle', header: '审核人职务', kind: 'text', width: 8 }
]
const columnOf = (key: string): AnnexColumn | undefined => recordColumns.find((c) => c.key === key) ?? APPROVAL.find((c) => c.key === key)

interface Props {
  /** The ledger row the panel works on (the grid's row). */
  row: Pick<LedgerRecord, 'id' | 'problemNo' | 'fields'>
  unitId: string
  campaign: Campaign
  today: string
  readOnly: boolean
  onPatch: (fields: RecordFields) => void
  /** A lifecycle step: saved on its own, so each transition is its own line in the history. */
  onStep: (fields: RecordFields) => void
  onReopen: (huikanRowId: string) => void
  /** A message for the page (the evidence's additions, refusals and saves). */
  onNotice: ShowNotice
}

export function RecordPanel({ row, unitId, campaign, today, readOnly, onPatch, onStep, onReopen, onNotice }: Props): React.JSX.Element {
  const f = row.fields
  const [error, setError] = useState('')
  const [history, setHistory] = useState<HistoryEntry[] | null>(null)
  const [evidence, setEvidence] = useState<Attachment[]>([])
  const set = (key: string, value: FieldValue): void => onPatch({ [key]: value })

  // 销号 also needs its proof attached and its 审核人; what is attached stands for 佐证材料编号 (closeEvidence.ts).
  const proven = evidence.length > 0 && recordText(f, 'evidence') === '' ? { ...f, evidence: evidenceSummary(evidence) } : f
  const options = actionsFor(proven, today).map((o) => {
    if (o.action !== 'close') return o
    const needs = [...o.needs, ...closeNeeds(proven, evidence, campaign)]
    return { ...o, needs, missing: needs.map((n) => n.message) }
  })

  const act = (action: Action): void => {
    const blocked = options.find((o) => o.action === action)?.missing ?? []
    const r = applyAction(action === 'close' ? proven : f, action, today)
    if (!r.ok || blocked.length) return setError((r.ok ? blocked : r.missing).join('；'))
    setError('')
    onStep(r.fields)
  }

  const exportDossier = async (): Promise<void> => {
    await tellExport(await invoke('evidence:dossier', { unitId, recordId: row.id }), onNotice, '可打印后归入一企一档。')
  }

  const loadHistory = async (): Promise<void> => {
    const r = await invoke('ledger:history', { unitId, recordId: row.id })
    setHistory(r.ok ? r.value.slice().reverse() : [])
  }

  return (
    <aside className="record-panel" aria-label="办理">
      <header>
        <strong>{recordText(f, 'name') || '（未填名称）'}</strong>
        <span className="muted">{row.problemNo || '保存后编号'}</span>
        {!isHuikan(f) && <span className={`status-badge s-${statusOf(f)}`}>{statusOf(f)}</span>}
        {!isHuikan(f) && <span>{recordText(f, 'category') || '未定整治类别'}</span>}
      </header>
      {isHuikan(f) ? (
        <>
          <HuikanChecks fields={f} campaign={campaign} readOnly={readOnly} onChange={set} />
          <Reopen fields={f} readOnly={readOnly} onReopen={() => onReopen(row.id)} />
        </>
      ) : (
        <section className="actions-list" aria-label="下一步">
          <h3>下一步</h3>
          {options.map((o) => (
            <div key={o.action} className={`action ${o.missing.length ? 'blocked' : 'ready'}`}>
              <button type="button" disabled={readOnly || o.missing.length > 0} onClick={() => act(o.action)}>
                {o.label}（→{o.to}）
              </button>
              {o.needs.length > 0 && (
                <ul className="needs">
                  {o.needs.map((n) => {
                    const col = n.key ? columnOf(n.key) : undefined
                    return (
                      // Keyed by what it asks for: a need met disappears without another need's input taking its place.
                      <li key={`${n.key ?? ''}:${n.message}`}>
                        <span>还需：{n.message}</span>
                        {col && <FieldInput column={col} campaign={campaign} value={f[col.key]} disabled={readOnly} onChange={(v) => set(col.key, v)} />}
                      </li>
                    )
                  })}
                </ul>
              )}
            </div>
          ))}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
      {!isHuikan(f) && tlcApplies(f) && <TlcChecklist fields={f} campaign={campaign} disabled={readOnly} onChange={set} />}
      <EvidencePanel unitId={unitId} recordId={row.id} fields={f} readOnly={readOnly} onNotice={onNotice} onInUse={setEvidence} />
      <section className="history">
        <button type="button" className="link" onClick={() => void loadHistory()}>
          查看修改记录
        </button>
        <button type="button" className="link" onClick={() => void exportDossier()}>
          导出一企一档（Word）
        </button>
        {history && (
          <ol>
            {history.length === 0 && <li>保存后才有记录。</li>}
            {history.map((h, i) => (
              <li key={i}>{historyLine(h)}</li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  )
}

/** 核查内容: the checks of the item's 2023 category only (a 关停取缔 site is checked for seals, not for a new site). */
function HuikanChecks(props: { fields: RecordFields; campaign: Campaign; readOnly: boolean; onChange: (key: string, value: FieldValue) => void }): React.JSX.Element | null {
  const checks = checksFor(props.fields)
  if (checks.length === 0) return <p className="muted">先填写“2023年整治类别”，再按类别核查。</p>
  return (
    <section className="actions-list" aria-label="核查内容">
      <h3>核查内容</h3>
      {checks.map((c) => {
        const col = huikan.columns.find((x) => x.key === c.key)
        return col ? (
          <label key={c.key} className="check-line">
            {c.header.replace(/^.*：/, '')}
            <FieldInput column={col} campaign={props.campaign} value={props.fields[c.key]} disabled={props.readOnly} onChange={(v) => props.onChange(c.key, v)} />
          </label>
        ) : null
      })}
    </section>
  )
}

/** A 2023 closed item found back in production: reopen it as a new 2024 record (server side, in one save). */
function Reopen(props: { fields: RecordFields; readOnly: boolean; onReopen: () => void }): React.JSX.Element {
  const f = props.fields
  const linked = recordText(f, 'hkLinked')
  const resurgent = recordText(f, 'hkResurgent') === '是'
  return (
    <section className="actions-list">
      <h3>回头看</h3>
      <p>
        2023年整治类别：{recordText(f, 'hkCategory2023') || '未填'}；发现问题：{recordText(f, 'hkFinding') || '未核查'}；是否死灰复燃：
        {recordText(f, 'hkResurgent') || '未填'}
      </p>
      {linked ? (
        <p>已重新立案整治，问题编号 {linked}。</p>
      ) : (
        <div className={`action ${resurgent ? 'ready' : 'blocked'}`}>
          <button type="button" disabled={props.readOnly || !resurgent} onClick={props.onReopen}>
            重新立案整治（关停取缔）
          </button>
          {!resurgent && <ul className="needs"><li>还需：核查发现死灰复燃（“是否死灰复燃”填“是”）</li></ul>}
        </div>
      )}
    </section>
  )
}
