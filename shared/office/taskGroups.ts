/**
 * The six task groups at work (plan 三(二)): each group's problems are those of its 所属领域, each 牵头单位's those it
 * is 行业主管部门 of, with how many are done and overdue. A problem of a group's 领域 whose 行业主管部门 is none of
 * the group's units is counted apart: the 所属领域 or the department is likely wrong.
 */
import type { Campaign } from '../campaign/campaign'
import { departments } from '../campaign/campaign'
import type { ProblemChoice } from './notices'

export interface Progress {
  problems: number
  done: number
  overdue: number
  /** %, one decimal; null without problems. */
  rate: number | null
}

export interface GroupProgress extends Progress {
  no: number
  name: string
  /** 牵头单位 names. */
  leads: string[]
  /** 所属领域 the group answers for; null for the group without one (执法保障). */
  sector: string | null
  /** Problems of its 领域 whose 行业主管部门 is filled in and none of the group's units. */
  outside: number
}

export interface LeadProgress extends Progress {
  unit: string
}

function progress(choices: readonly ProblemChoice[]): Progress {
  const done = choices.filter((c) => c.state === '已完成').length
  return {
    problems: choices.length,
    done,
    overdue: choices.filter((c) => c.state === '逾期').length,
    rate: choices.length ? Math.round((done / choices.length) * 1000) / 10 : null
  }
}

/** Progress by task group and by 牵头单位 (departments with problems, campaign order), from the office's problems. */
export function taskGroupProgress(campaign: Campaign, all: readonly ProblemChoice[]): { groups: GroupProgress[]; leads: LeadProgress[] } {
  // An undecided duplicate is one of the rows already counted.
  const problems = all.filter((c) => c.state !== '待核实')
  const name = (id: string): string => campaign.units.find((u) => u.id === id)?.name ?? id
  const groups = campaign.taskGroups.map((g) => {
    const mine = g.sector === undefined ? [] : problems.filter((c) => c.sector === g.sector)
    const members = new Set([...g.leads, ...g.cooperating].map(name))
    return {
      no: g.no,
      name: g.name,
      leads: g.leads.map(name),
      sector: g.sector ?? null,
      ...progress(mine),
      outside: mine.filter((c) => c.leadDept !== '' && !members.has(c.leadDept)).length
    }
  })
  const leads = departments(campaign)
    .map((d) => ({ unit: d.name, ...progress(problems.filter((c) => c.leadDept === d.name)) }))
    .filter((l) => l.problems > 0)
  return { groups, leads }
}

/** The line of the city's Friday report on the task groups: problems, done and overdue of each group with a 领域; none before any problem is known. */
export function taskGroupLine(groups: readonly GroupProgress[]): string {
  if (!groups.some((g) => g.problems > 0)) return ''
  const parts = groups.filter((g) => g.sector !== null).map((g) => `${g.name}（${g.leads.join('、')}牵头）问题${g.problems}个、已完成${g.done}个、逾期未完成${g.overdue}个`)
  return parts.length ? `分专责组看（据各单位报送的摸底和清理整顿情况汇总）：${parts.join('；')}。` : ''
}
