/** The leadership-group office's start page: the campaign as the plan sets it out (task groups, calendar, units). */
import type { Campaign } from '@shared/campaign/campaign'
import { departments, towns, unitById } from '@shared/campaign/campaign'
import { cnDate } from '@shared/domain/dates'
import type { ShowNotice } from '../exchange/exportNotice'
import { OfficeCalendar } from './OfficeCalendar'

interface Props {
  campaign: Campaign
  onCampaignChange: () => void
  onNotice: ShowNotice
  onError: (message: string) => void
}

export function OfficeHome({ campaign, onCampaignChange, onNotice, onError }: Props): React.JSX.Element {
  const name = (id: string): string => unitById(campaign, id)?.name ?? id
  return (
    <section className="office">
      <h2>{campaign.name}</h2>
      <h3>工作阶段</h3>
      <table className="plain">
        <thead>
          <tr>
            <th>日期</th>
            <th>事项</th>
          </tr>
        </thead>
        <tbody>
          {campaign.phases.map((p) => (
            <tr key={p.id}>
              <td>
                {cnDate(p.start)}—{cnDate(p.end)}
              </td>
              <td>{p.name}</td>
            </tr>
          ))}
          <tr>
            <td>
              {cnDate(campaign.weeklyReports.from)}—{cnDate(campaign.weeklyReports.to)}
            </td>
            <td>{campaign.weeklyReports.what}</td>
          </tr>
        </tbody>
      </table>
      <OfficeCalendar onChanged={onCampaignChange} onNotice={onNotice} onError={onError} />
      <h3>专责组分工</h3>
      <table className="plain">
        <thead>
          <tr>
            <th>专责组</th>
            <th>牵头单位</th>
            <th>配合单位</th>
          </tr>
        </thead>
        <tbody>
          {campaign.taskGroups.map((g) => (
            <tr key={g.no}>
              <td>{g.name}</td>
              <td>{g.leads.map(name).join('、')}</td>
              <td>
                {g.cooperating.map(name).join('、')}
                {g.cooperatingTowns ? '、各镇街道' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>成员单位</h3>
      <p>
        镇（街道）{towns(campaign).length} 个：{towns(campaign).map((u) => u.name).join('、')}
      </p>
      <p>
        市直部门 {departments(campaign).length} 个：{departments(campaign).map((u) => u.name).join('、')}
      </p>
    </section>
  )
}
