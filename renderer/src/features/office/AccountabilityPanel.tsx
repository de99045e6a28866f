/**
 * 督查问责 (plan 五(三)): issue a 通报 drafted from today's figures, record 督查、约谈、问责 against units or persons,
 * linked to the 督办通知 and the overdue reports behind them, and keep the register.
 */
import { useState } from 'react'
import type { Campaign } from '@shared/campaign/campaign'
import { cnDate, monthDay } from '@shared/domain/dates'
import type { AccountabilityKind } from '@shared/office/accountability'
import { ACCOUNTABILITY_KINDS } from '@shared/office/accountability'
import { dateFromTyped } from '@shared/validation/cellInput'
import { invoke } from '../../api/client'
import { useLoaded } from '../../api/useLoaded'
import type { ShowNotice } from '../exchange/exportNotice'
import { tellExport } from '../exchange/exportNotice'
import { DateField } from '../ledger/editors/DateField'
import { UnitChecklist } from './UnitChecklist'

interface Props {
  campaign: Campaign
  onNotice: ShowNotice
  onError: (message: string) => void
}

const due = (unit: string, id: string): string => `${unit}|${id}`

/** A long list in a register cell: its first three and how many in all. */
const briefly = (items: readonly string[], unit: string): string =>
  items.length > 4 ? `${items.slice(0, 3).join('、')}等${items.length}${unit}` : items.join('、')

export function AccountabilityPanel({ campaign, onNotice, onError }: Props): React.JSX.Element {
  const [view, setView] = useLoaded(() => invoke('office:accountability', {}), [], onError)
  const [copyTo, setCopyTo] = useState<string[]>([])
  const [kind, setKind] = useState<AccountabilityKind>('约谈')
  const [date, setDate] = useState('')
  const [units, setUnits] = useState<string[]>([])
  const [person, setPerson] = useState('')
  const [findings, setFindings] = useState('')
  const [notices, setNotices] = useState<string[]>([])
  const [dues, setDues] = useState<string[]>([])
  if (!view) return <p className="loading">正在读取督查问责登记……</p>

  const owed = view.behind.filter((b) => units.includes(b.unit))
  const theirNotices = view.notices.filter((n) => units.includes(n.unit))
  const toggle = (list: string[], set: (l: string[]) => void, key: string): void => set(list.includes(key) ? list.filter((x) => x !== key) : [...list, key])

  const issueBulletin = async (): Promise<void> => {
    const r = await invoke('office:bulletinIssue', { copyTo })
    if (!r.ok) return onError(r.error.message)
    setView(r.value)
    setCopyTo([])
    onNotice({ level: 'info', message: `已印发${r.value.records[0]?.number ?? '通报'}，可在下方登记中导出 Word。` })
  }
  const record = async (): Promise<void> => {
    const linked = owed.flatMap((b) => b.items.filter((i) => dues.includes(due(b.unit, i.id))).map((i) => ({ unit: b.unit, id: i.id, label: i.label, due: i.due })))
    const r = await invoke('office:accountabilityRecord', {
      kind,
      date: dateFromTyped(date || view.today) ?? date,
      units,
      person,
      findings,
      notices: notices.filter((n) => theirNotices.some((x) => x.number === n)),
      dues: linked
    })
    if (!r.ok) return onError(r.error.details?.join('；') ?? r.error.message)
    setView(r.value)
    setUnits([])
    setPerson('')
    setFindings('')
    setNotices([])
    setDues([])
  }
  const exportBulletin = async (no: number): Promise<void> => {
    await tellExport(await invoke('office:bulletinExport', { no }), onNotice)
  }

  return (
    <section className="supervision accountability">
      <div className="issue-form" aria-label="印发通报">
        <h3>印发通报</h3>
        <p>
          按截至{cnDate(view.today)}的汇总数据起草《关于全市“散乱污”问题清理整治工作进展情况的通报》：各单位完成率排名，点名{view.behind.length}
          个逾期未报送的单位、逾期未完成的问题和逾期未反馈的督办通知；编号并登记。
        </p>
        <UnitChecklist label="抄送单位" none="可不选" units={campaign.units} value={copyTo} onChange={setCopyTo} />
        <button type="button" className="primary" onClick={() => void issueBulletin()}>
          起草并印发通报
        </button>
      </div>
      <div className="issue-form" aria-label="登记督查问责">
        <h3>登记督查、约谈、问责</h3>
        <div className="labelled-row">
          <label>
            类别：
            <select aria-label="类别" value={kind} onChange={(e) => setKind(e.target.value as AccountabilityKind)}>
              {ACCOUNTABILITY_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <span className="labelled">
            日期：
            <DateField label="日期" value={date || view.today} onChange={setDate} onPick={setDate} />
          </span>
          <label>
            对象（姓名、职务）：
            <input aria-label="对象" placeholder="约谈、问责的人员，可不填" value={person} onChange={(e) => setPerson(e.target.value)} />
          </label>
        </div>
        <UnitChecklist label="涉及单位" none="请选择" units={campaign.units} value={units} onChange={setUnits} />
        <label>
          {kind === '督查' ? '督查发现的问题' : kind === '通报' ? '通报事项' : kind === '约谈' ? '约谈事由' : '问责决定'}
          <textarea aria-label="内容" rows={3} value={findings} onChange={(e) => setFindings(e.target.value)} />
        </label>
        {(owed.length > 0 || theirNotices.length > 0) && (
          <fieldset className="links">
            <legend>关联事项</legend>
            {theirNotices.map((n) => (
              <label key={n.number}>
                <input type="checkbox" checked={notices.includes(n.number)} onChange={() => toggle(notices, setNotices, n.number)} />
                {n.unit}：{n.number}
                {n.overdue ? '（逾期未反馈）' : ''}
              </label>
            ))}
            {owed.flatMap((b) =>
              b.items.map((i) => (
                <label key={due(b.unit, i.id)}>
                  <input type="checkbox" checked={dues.includes(due(b.unit, i.id))} onChange={() => toggle(dues, setDues, due(b.unit, i.id))} />
                  {b.unit}：{i.label}（{monthDay(i.due)}前）逾期未报
                </label>
              ))
            )}
          </fieldset>
        )}
        <button type="button" className="primary" disabled={units.length === 0} onClick={() => void record()}>
          登记
        </button>
      </div>
      <h3>督查问责登记</h3>
      {view.records.length === 0 ? (
        <p className="empty">尚无登记。</p>
      ) : (
        <table className="plain register">
          <thead>
            <tr>
              <th>序号</th>
              <th>类别</th>
              <th>日期</th>
              <th>涉及单位</th>
              <th>内容</th>
              <th>关联事项</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.records.map((r) => (
              <tr key={r.no}>
                <td>{r.no}</td>
                <td>
                  {r.kind}
                  {r.number && <small>{r.number}</small>}
                </td>
                <td>{cnDate(r.date)}</td>
                <td>
                  {briefly(r.units, '个单位')}
                  {r.person && <small>（{r.person}）</small>}
                </td>
                <td>{r.findings}</td>
                <td>{briefly([...r.notices, ...r.dues.map((d) => `${d.unit}${d.label}逾期`)], '项') || '—'}</td>
                <td>
                  {r.bulletin && (
                    <button type="button" className="link" onClick={() => void exportBulletin(r.no)}>
                      导出 Word
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
