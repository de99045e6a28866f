/** 总览 of the office: completion per unit, who is behind (office/behind.ts), reporting per report, conflicts and overdue notices. */
import { useMemo } from 'react'
import { monthDay } from '@shared/domain/dates'
import { invoke } from '../../api/client'
import { useLoaded } from '../../api/useLoaded'
import { Chart } from '../../components/Chart'
import type { ShowNotice } from '../exchange/exportNotice'
import { tellExport } from '../exchange/exportNotice'
import { complaintKpis, Kpis } from './Kpis'
import { TaskGroups } from './TaskGroups'

/** Read again when `version` (the office's data) or `today` (the working date) changes. */
interface Props {
  version: number
  today: string
  onNotice: ShowNotice
  onError: (m: string) => void
}

export function OfficeDashboardPanel({ version, today, onNotice, onError }: Props): React.JSX.Element {
  const [d] = useLoaded(() => invoke('office:dashboard', {}), [version, today], onError)
  const exportLead = async (unit: string): Promise<void> => {
    await tellExport(await invoke('office:leadExport', { unit }), onNotice)
  }

  const units = useMemo(
    () =>
      d && {
        tooltip: {},
        grid: { left: 90, right: 30 },
        xAxis: { type: 'value', max: 100 },
        yAxis: { type: 'category', data: d.units.map((u) => u.unit), inverse: true },
        series: [
          {
            type: 'bar',
            data: d.units.map((u) => ({ value: u.rate ?? 0, itemStyle: { color: u.behind ? '#c62828' : '#2e7d32' } })),
            label: { show: true, position: 'right', formatter: '{c}%' }
          }
        ]
      },
    [d]
  )
  if (!d) return <p className="loading">正在统计……</p>
  const { behind } = d
  return (
    <section className="dashboard">
      <Kpis
        items={[
          { label: '全市问题', value: String(d.city.records) },
          { label: '已完成整治', value: String(d.city.done), tone: 'good' },
          { label: '全市完成率', value: d.city.rate === null ? '—' : `${d.city.rate.toFixed(1)}%` },
          { label: '落后单位', value: String(behind.length), ...(behind.length ? { tone: 'bad' as const } : {}) },
          { label: '待处理重复', value: String(d.openConflicts), ...(d.openConflicts ? { tone: 'bad' as const } : {}) },
          { label: '逾期未反馈督办', value: String(d.overdueNotices), ...(d.overdueNotices ? { tone: 'bad' as const } : {}) },
          ...complaintKpis(d.complaints)
        ]}
      />
      <div className="charts">
        {units && d.units.length > 0 && <Chart option={units} title="各单位整治完成率（%）" label="各单位整治完成率" height={Math.max(260, d.units.length * 26 + 80)} />}
        <div>
          <h3>落后的单位</h3>
          {behind.length === 0 ? (
            <p className="empty">没有落后的单位。</p>
          ) : (
            <ul className="behind">
              {behind.map((b) => (
                <li key={b.unit}>
                  {b.unit}：{b.items.map((i) => `${i.label}（${monthDay(i.due)}前）`).join('、')}逾期未报
                </li>
              ))}
            </ul>
          )}
          <h3>报送情况</h3>
          <table className="plain">
            <tbody>
              {d.reporting.map((r) => (
                <tr key={r.id}>
                  <td>{monthDay(r.deadline)}前</td>
                  <td title={r.what}>{r.label}</td>
                  <td className={r.received < r.expected && r.deadline < d.today ? 'count-error' : ''}>
                    {r.received}/{r.expected}
                    {r.late ? `（逾期 ${r.late}）` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TaskGroups groups={d.taskGroups} leads={d.leads} onExportLead={(unit) => void exportLead(unit)} />
          <h3>即将到期</h3>
          {d.upcoming.length === 0 ? <p className="empty">各项报送时间均已过。</p> : <ul>{d.upcoming.map((u) => <li key={u.date + u.what}>{monthDay(u.date)}前：{u.what}</li>)}</ul>}
        </div>
      </div>
    </section>
  )
}
