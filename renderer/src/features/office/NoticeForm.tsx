/**
 * 印发督办通知: 主送 a town or a 牵头单位, 抄送 others, pick any problems of the consolidated 明细 (filtered by unit,
 * 牵头单位, category, state and source) or none — a notice on the work itself, with requirements only.
 */
import { useEffect, useMemo, useState } from 'react'
import type { Campaign } from '@shared/campaign/campaign'
import { isTownLike } from '@shared/campaign/campaign'
import type { OfficeView } from '@shared/ipc/contract'
import type { ProblemChoice } from '@shared/office/notices'
import { DEFAULT_REQUIREMENTS, defaultPicks } from '@shared/office/notices'
import { dateFromTyped } from '@shared/validation/cellInput'
import { invoke } from '../../api/client'
import { DateField } from '../ledger/editors/DateField'
import { UnitChecklist } from './UnitChecklist'

const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** Rows drawn at most: the clerk narrows the filters rather than scrolling thousands. */
const SHOWN = 200

type FilterKey = 'unit' | 'leadDept' | 'category' | 'state' | 'source'
const FILTERS: { key: FilterKey; label: string }[] = [
  { key: 'unit', label: '属地单位' },
  { key: 'leadDept', label: '牵头单位' },
  { key: 'category', label: '拟整治类别' },
  { key: 'state', label: '状态' },
  { key: 'source', label: '来源' }
]
const NO_FILTER: Record<FilterKey, string> = { unit: '', leadDept: '', category: '', state: '', source: '' }

/** A pick outlives the list being read again (after a 反馈 is recorded): it is kept by what the problem is. */
const pickKey = (c: ProblemChoice): string => [c.unit, c.problemNo, c.name, c.address, c.state === '待核实' ? c.issue : ''].join('\u0000')

interface Props {
  campaign: Campaign
  view: OfficeView
  onView: (view: OfficeView) => void
  onError: (message: string) => void
}

export function NoticeForm({ campaign, view, onView, onError }: Props): React.JSX.Element {
  const [choices, setChoices] = useState<ProblemChoice[]>([])
  const [to, setTo] = useState('')
  const [copyTo, setCopyTo] = useState<string[]>([])
  const [subject, setSubject] = useState('')
  const [filter, setFilter] = useState(NO_FILTER)
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [requirements, setRequirements] = useState(DEFAULT_REQUIREMENTS.join('\n'))
  const [deadline, setDeadline] = useState(addDays(view.today, 7))

  useEffect(() => {
    void invoke('office:problems', {}).then((r) => (r.ok ? setChoices(r.value) : onError(r.error.message)))
  }, [view])

  const options = useMemo(
    () => Object.fromEntries(FILTERS.map(({ key }) => [key, [...new Set(choices.map((c) => c[key]).filter((v) => v !== ''))].sort()])) as Record<FilterKey, string[]>,
    [choices]
  )
  const shown = choices.filter((c) => FILTERS.every(({ key }) => filter[key] === '' || c[key] === filter[key]))

  const address = (unit: string): void => {
    setTo(unit)
    const u = campaign.units.find((x) => x.name === unit)
    // The problems the notice is most likely about, shown and ticked: the town's own, or those the department leads.
    setFilter(!u ? NO_FILTER : isTownLike(u) ? { ...NO_FILTER, unit } : { ...NO_FILTER, leadDept: unit })
    setPicked(new Set(unit ? defaultPicks(choices, unit).map(pickKey) : []))
  }
  const toggle = (c: ProblemChoice): void => {
    const next = new Set(picked)
    if (next.has(pickKey(c))) next.delete(pickKey(c))
    else next.add(pickKey(c))
    setPicked(next)
  }
  const allShown = shown.length > 0 && shown.every((c) => picked.has(pickKey(c)))
  const toggleShown = (): void => {
    const next = new Set(picked)
    for (const c of shown) {
      if (allShown) next.delete(pickKey(c))
      else next.add(pickKey(c))
    }
    setPicked(next)
  }

  const issue = async (): Promise<void> => {
    const items = choices.filter((c) => picked.has(pickKey(c))).map(({ problemNo, name, address, issue }) => ({ problemNo, name, address, issue }))
    const r = await invoke('office:noticeIssue', {
      unit: to,
      copyTo,
      subject: subject.trim(),
      source: items.length ? '汇总核查' : '工作督办',
      items,
      requirements: requirements.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
      // Typed as dates are typed everywhere; text that is no date is refused by the service with its message.
      deadline: dateFromTyped(deadline) ?? deadline
    })
    if (!r.ok) return onError(r.error.details?.join('；') ?? r.error.message)
    onView(r.value)
    setTo('')
    setCopyTo([])
    setSubject('')
    setFilter(NO_FILTER)
    setPicked(new Set())
  }

  return (
    <div className="issue-form" aria-label="印发督办通知">
      <h3>印发督办通知</h3>
      <div className="labelled-row">
        <label>
          主送单位：
          <select aria-label="主送单位" value={to} onChange={(e) => address(e.target.value)}>
            <option value="">（请选择）</option>
            {campaign.units.map((u) => (
              <option key={u.id}>{u.name}</option>
            ))}
          </select>
        </label>
        <label>
          事由：关于
          <input aria-label="事由" placeholder="“散乱污”问题整治有关事项" value={subject} onChange={(e) => setSubject(e.target.value)} />
          的督办通知
        </label>
      </div>
      <UnitChecklist label="抄送单位" none="可不选" units={campaign.units.filter((u) => u.name !== to)} value={copyTo} onChange={setCopyTo} />
      <div className="filters">
        {FILTERS.map(({ key, label }) => (
          <label key={key}>
            {label}：
            <select aria-label={`筛选${label}`} value={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}>
              <option value="">全部</option>
              {options[key].map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </label>
        ))}
        <span>
          筛选出 {shown.length} 个问题，已选 {picked.size} 个
        </span>
      </div>
      {shown.length > 0 && (
        <table className="plain problems">
          <thead>
            <tr>
              <th>
                <input type="checkbox" aria-label="选择筛选出的全部问题" checked={allShown} onChange={toggleShown} />
              </th>
              <th>属地</th>
              <th>问题编号</th>
              <th>企业（场所）名称</th>
              <th>牵头单位</th>
              <th>类别</th>
              <th>状态</th>
              <th>督办事项</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((c, i) => (
              <tr key={i}>
                <td>
                  <input type="checkbox" aria-label={`选择 ${c.name}`} checked={picked.has(pickKey(c))} onChange={() => toggle(c)} />
                </td>
                <td>{c.unit}</td>
                <td>{c.problemNo || '（未编号）'}</td>
                <td>{c.name}</td>
                <td>{c.leadDept}</td>
                <td>{c.category}</td>
                <td className={c.state === '逾期' ? 'count-error' : ''}>{c.state}</td>
                <td>{c.issue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length > SHOWN && <p className="empty">只列出前 {SHOWN} 个，请用筛选缩小范围。</p>}
      <label>
        {picked.size ? '整改要求（每行一条）' : '工作要求（每行一条；不选问题时即为工作督办）'}
        <textarea rows={4} value={requirements} onChange={(e) => setRequirements(e.target.value)} />
      </label>
      <div className="labelled">
        办理时限：
        <DateField label="办理时限" value={deadline} onChange={setDeadline} onPick={setDeadline} />
      </div>
      <button type="button" className="primary" disabled={!to} onClick={() => void issue()}>
        {picked.size ? `印发督办通知（${picked.size} 项）` : '印发督办通知（工作督办，不列问题）'}
      </button>
    </div>
  )
}
