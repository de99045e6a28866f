/** 统计图表 of a unit: completion by category and status, weekly progress, overdue items, the next reports due. */
import { useMemo } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import { isHuikan } from '@shared/annexes/huikan'
import type { Campaign, CampaignUnit } from '@shared/campaign/campaign'
import { monthDay } from '@shared/domain/dates'
import { unitDashboard } from '@shared/reports/dashboard'
import { invoke } from '../../api/client'
import { useLoaded } from '../../api/useLoaded'
import { Chart } from '../../components/Chart'
import { CalendarImport } from './CalendarImport'
import { complaintKpis, Kpis } from './Kpis'

/** One bar per category, its count written on top. */
function countBars(bars: readonly (readonly [string, number])[]): EChartsCoreOption {
  return {
    tooltip: {},
    xAxis: { type: 'category', data: bars.map(([name]) => name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: bars.map(([, n]) => n), label: { show: true, position: 'top' } }]
  }
}

/** Reads the ledger as saved (the ledger page keeps saving in the background) each time the page is shown. */
export function UnitDashboardPage(props: { campaign: Campaign; unit: CampaignUnit; today: string; onCampaignChange: () => void }): React.JSX.Element {
  const [view] = useLoaded(() => invoke('ledger:open', { unitId: props.unit.id }), [props.unit.id], () => {})
  const [complaints] = useLoaded(() => invoke('complaints:view', {}), [props.unit.id, props.today], () => {})
  const d = useMemo(() => {
    const fields = (view?.records ?? []).map((r) => r.fields)
    return unitDashboard(props.campaign, props.unit, fields.filter((f) => !isHuikan(f)), fields.filter(isHuikan), props.today)
  }, [props.campaign, props.unit, view, props.today])

  const byCategory = useMemo(
    () => ({
      tooltip: {},
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: d.byCategory.map((c) => c.category) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '应完成', type: 'bar', data: d.byCategory.map((c) => c.due), label: { show: true, position: 'top' } },
        { name: '已完成', type: 'bar', data: d.byCategory.map((c) => c.done), label: { show: true, position: 'top' } }
      ]
    }),
    [d]
  )
  const byStatus = useMemo(() => countBars(d.byStatus.map((s) => [s.status, s.count])), [d])
  const byPhase = useMemo(() => countBars(d.byPhase.map((p) => [p.phase, p.done])), [d])
  const weeks = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: d.weeks.map((w) => monthDay(w.friday)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '累计完成', type: 'line', data: d.weeks.map((w) => w.done), label: { show: true } }]
    }),
    [d]
  )

  return (
    <section className="dashboard">
      <Kpis
        items={[
          { label: '摸底问题', value: String(d.records) },
          { label: '已完成整治', value: String(d.done), tone: 'good' },
          { label: '完成率', value: d.rate === null ? '—' : `${d.rate.toFixed(1)}%` },
          { label: '逾期未完成', value: String(d.overdue), ...(d.overdue ? { tone: 'bad' as const } : {}) },
          { label: '两断三清', value: String(d.tlcDone) },
          { label: '立案查处', value: String(d.cases) },
          { label: '罚款（万元）', value: d.fines.toFixed(2) },
          ...(complaints && complaints.stats.total > 0 ? complaintKpis(complaints.stats) : [])
        ]}
      />
      <div className="charts">
        <Chart option={byCategory} title="按整治类别" label="按整治类别的应完成和已完成" />
        <Chart option={byStatus} title="按办理状态" label="按办理状态的问题数" />
        <Chart option={byPhase} title="各阶段完成整治" label="各阶段完成整治数" />
        <Chart option={weeks} title="每周累计完成" label="每周累计完成数" />
      </div>
      <h3>即将到期的报送</h3>
      <CalendarImport onImported={props.onCampaignChange} />
      {d.upcoming.length === 0 ? (
        <p className="empty">本次整治各项报送时间均已过。</p>
      ) : (
        <ul className="upcoming">
          {d.upcoming.map((u) => (
            <li key={`${u.date}${u.what}`}>
              {monthDay(u.date)}前：{u.what}（{u.daysLeft === 0 ? '今天' : `还有 ${u.daysLeft} 天`}）
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
