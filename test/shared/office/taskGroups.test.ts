/** The task groups at work: each group's problems by 所属领域, each 牵头单位's by 行业主管部门, and the mismatches. */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { ProblemChoice } from '@shared/office/notices'
import { taskGroupLine, taskGroupProgress } from '@shared/office/taskGroups'

const choice = (sector: string, leadDept: string, state: ProblemChoice['state']): ProblemChoice => ({
  problemNo: '',
  name: '甲',
  address: '乙',
  issue: '丙',
  unit: '城郊镇',
  leadDept,
  category: '关停取缔',
  sector,
  source: '排查发现',
  deadline: '2024-06-30',
  state
})

describe('task group progress', () => {
  const choices = [
    choice('工业', '市工信局', '已完成'),
    choice('工业', '市工信局', '逾期'),
    choice('工业', '市商务局', '未完成'),
    choice('工业', '', '未完成'),
    choice('服务业', '市商务局', '已完成'),
    choice('服务业', '市市场监管局', '未完成'),
    choice('农业', '市农业农村局', '逾期'),
    choice('', '', '待核实')
  ]
  const { groups, leads } = taskGroupProgress(defaultCampaign, choices)

  it('counts each group’s 领域 and the problems whose department is none of the group’s units', () => {
    expect(groups.map((g) => [g.no, g.sector, g.leads, g.problems, g.done, g.overdue, g.rate, g.outside])).toEqual([
      [1, '工业', ['市工信局'], 4, 1, 1, 25, 1],
      [2, '农业', ['市农业农村局'], 1, 0, 1, 0, 0],
      [3, '建筑业', ['市自然资源局'], 0, 0, 0, null, 0],
      [4, '服务业', ['市商务局', '市市场监管局'], 2, 1, 0, 50, 0],
      [5, '无证照', ['市市场监管局', '市水务水电局'], 0, 0, 0, null, 0],
      [6, null, ['市公安局'], 0, 0, 0, null, 0]
    ])
  })

  it('counts each 牵头单位’s problems, departments without any left out, an undecided duplicate not at all', () => {
    expect(leads.map((l) => [l.unit, l.problems, l.done, l.overdue, l.rate])).toEqual([
      ['市工信局', 2, 1, 1, 50],
      ['市商务局', 2, 1, 0, 50],
      ['市农业农村局', 1, 0, 1, 0],
      ['市市场监管局', 1, 0, 0, 0]
    ])
  })

  it('drafts the city report’s line for the groups with a 领域', () => {
    const line = taskGroupLine(groups)
    expect(line.startsWith('分专责组看（据各单位报送的摸底和清理整顿情况汇总）：工业“散乱污”问题清理整治专责组（市工信局牵头）问题4个、已完成1个、逾期未完成1个；')).toBe(true)
    expect(line).not.toContain('执法保障')
    expect(taskGroupLine([])).toBe('')
    expect(taskGroupLine(taskGroupProgress(defaultCampaign, []).groups)).toBe('')
  })
})
