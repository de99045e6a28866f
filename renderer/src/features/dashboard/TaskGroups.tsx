/**
 * 专责组 and 牵头单位 at work: problems, done, overdue and rate of each, problems outside a group's units, and each
 * department's list of the problems it leads across towns, to send it.
 */
import type { GroupProgress, LeadProgress, Progress } from '@shared/office/taskGroups'

const cells = (p: Progress): React.JSX.Element => (
  <>
    <td>{p.problems}</td>
    <td>{p.done}</td>
    <td className={p.overdue ? 'count-error' : ''}>{p.overdue}</td>
    <td>{p.rate === null ? '—' : `${p.rate.toFixed(1)}%`}</td>
  </>
)

const HEAD = (
  <>
    <th>问题</th>
    <th>已完成</th>
    <th>逾期</th>
    <th>完成率</th>
  </>
)

interface Props {
  groups: readonly GroupProgress[]
  leads: readonly LeadProgress[]
  /** Exports the problems a department leads, for the office to send it. */
  onExportLead: (unit: string) => void
}

export function TaskGroups({ groups, leads, onExportLead }: Props): React.JSX.Element {
  const shown = groups.filter((g) => g.sector !== null)
  return (
    <>
      <h3>专责组进展</h3>
      <table className="plain task-groups" aria-label="专责组进展">
        <thead>
          <tr>
            <th>专责组（所属领域）</th>
            <th>牵头单位</th>
            {HEAD}
          </tr>
        </thead>
        <tbody>
          {shown.map((g) => (
            <tr key={g.no}>
              <td>
                {g.name.replace('“散乱污”问题清理整治', '')}（{g.sector}）
                {g.outside > 0 && <small className="count-warning">其中 {g.outside} 个问题的行业主管部门不是本组成员单位，请核实所属领域</small>}
              </td>
              <td>{g.leads.join('、')}</td>
              {cells(g)}
            </tr>
          ))}
        </tbody>
      </table>
      {leads.length > 0 && (
        <>
          <h3>牵头单位进展</h3>
          <table className="plain task-groups" aria-label="牵头单位进展">
            <thead>
              <tr>
                <th>行业主管部门</th>
                {HEAD}
                <th />
              </tr>
            </thead>
            <tbody>
              {leads.map((l) => (
                <tr key={l.unit}>
                  <td>{l.unit}</td>
                  {cells(l)}
                  <td>
                    <button type="button" className="link" onClick={() => onExportLead(l.unit)}>
                      导出问题清单
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}
