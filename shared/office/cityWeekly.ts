/**
 * The city's Friday report at the office, from the units' 附表: one row per unit that reported the week (its newest
 * file for that week), who reported after the Friday's due time or not at all, the 合计 line, and the city's text
 * drafted from the 合计.
 */
import { sumMoney } from '../annexes/shared'
import { carriedRow, doneRateOf, weekly, weeklyCount } from '../annexes/weekly'
import type { Campaign } from '../campaign/campaign'
import { CATEGORIES } from '../domain/enums'
import type { Category } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import type { Consolidation } from '../merge/types'
import { monthDay } from '../domain/dates'
import { draftNarrative } from '../reports/draft'
import type { DraftedPart } from '../reports/redraft'
import type { WeekFigures, WeeklyText } from '../reports/weekly'
import { previousFriday, weekStart } from '../reports/weekly'
import { receivedLate, unreceived } from './behind'
import { followOnProblems } from './weeklyChecks'

type CityRow = OfficeWeeklyView['rows'][number]

/** The city's Friday report at the office: each unit's 附表 row for the week, who is late or missing, the texts. */
export interface OfficeWeeklyView {
  friday: string
  from: string
  issueNo: number
  fridays: string[]
  /**
   * One per unit counted this week: its 附表 for the week, or (`carried`: the Friday it comes from) its last one
   * carried forward when it sent none.
   */
  rows: { unit: string; fields: RecordFields; file: string; late: boolean; carried?: string; followOn?: string[] }[]
  /** Units that owe this report and sent none for the week (carried or not). */
  missing: string[]
  /** The 合计 line (sums of the units' figures; 累计完成率 recomputed). */
  totals: RecordFields
  text: WeeklyText
  /** Parts the office rewrote whose figures have changed since and could not all be filled in (reports/redraft.ts). */
  changed: DraftedPart[]
  /** Parts the office rewrote whose figures were filled in again from the new figures. */
  refilled: DraftedPart[]
  /** Why the report cannot be exported now: the units' figures disagree unconfirmed (office/crossForms.ts). */
  exportBlockers: string[]
  saved: { at: string; by: string } | null
}

/**
 * The week's rows (the consolidation of that week's 附表), late ones marked; the units that owe one and sent none;
 * for each of those that reported an earlier week (`earlier`: the earlier weeks' consolidations by Friday), its last
 * row carried forward, so a skipped week never takes the city's 累计 back; and each row that does not follow on from
 * the unit's row of the week before (weeklyChecks.ts).
 */
export function cityWeek(
  campaign: Campaign,
  friday: string,
  c: Consolidation,
  receivedAt: (sha256: string) => string,
  earlier: ReadonlyMap<string, Consolidation> = new Map()
): Pick<OfficeWeeklyView, 'rows' | 'missing' | 'totals'> {
  const due = campaign.weeklyReports.dueTime
  const rows: CityRow[] = c.rows.map((r) => ({
    unit: r.unit,
    fields: r.fields,
    file: r.provenance.file,
    late: receivedLate(receivedAt(r.provenance.sha256), friday, due)
  }))
  const missing = unreceived(campaign, campaign.weeklyReports.reporters, c)
  // Follows on only from the week just before: after a skipped week that week's figures are missing from the sum.
  const lastWeek = earlier.get(previousFriday(friday))
  for (const row of rows) {
    const last = lastWeek?.rows.find((r) => r.unit === row.unit)
    const problems = last ? followOnProblems(last.fields, row.fields) : []
    if (problems.length) row.followOn = problems
  }
  const before = [...earlier].filter(([f]) => f < friday).sort(([a], [b]) => b.localeCompare(a))
  for (const unit of missing) {
    for (const [f, week] of before) {
      const row = week.rows.find((r) => r.unit === unit)
      if (!row) continue
      rows.push({ unit, fields: carriedRow(row.fields, monthDay(f)), file: row.provenance.file, late: false, carried: f })
      break
    }
  }
  return { rows, missing, totals: weeklyTotals(rows.map((r) => r.fields)) }
}

/** A field of a 附表 row (or of the 合计): the weekly form's keys only. */
type WeeklyKey = (typeof weekly.columns)[number]['key']
const weeklyText = (fields: RecordFields, key: WeeklyKey): string => fieldText(fields, key)

/** 合计: every count and money column summed; 累计完成率 recomputed from the sums, not averaged over units. */
export function weeklyTotals(rows: readonly RecordFields[]): RecordFields {
  const totals: RecordFields = { unit: '合计' }
  for (const c of weekly.columns) {
    if (c.kind === 'count') totals[c.key] = String(rows.reduce((n, f) => n + weeklyCount(f, c.key), 0))
    if (c.kind === 'money') totals[c.key] = sumMoney(rows, c.key).toFixed(2)
  }
  totals['doneRate'] = doneRateOf(rows)
  return totals
}

/** The 合计 line as the figures of one reporter, for the draft. The 附表 has no overdue count: 0 here. */
export function totalsFigures(totals: RecordFields, friday: string): WeekFigures {
  const n = (key: WeeklyKey): number => Number(weeklyText(totals, key)) || 0
  const byCategory = (prefix: 'doneWeek' | 'doneTotal'): Record<Category, number> =>
    Object.fromEntries(CATEGORIES.map((c) => [c, n(`${prefix}${c}`)])) as Record<Category, number>
  const doneRate = weeklyText(totals, 'doneRate')
  return {
    friday,
    from: weekStart(friday),
    records: n('records'),
    newFinds: n('newFinds'),
    doneThisWeek: byCategory('doneWeek'),
    doneToDate: byCategory('doneTotal'),
    doneRate: doneRate === '' ? null : Number(doneRate),
    tlcThisWeek: n('tlcWeek'),
    tlcToDate: n('tlcTotal'),
    casesThisWeek: n('casesWeek'),
    casesToDate: n('casesTotal'),
    finesThisWeek: n('finesWeek'),
    finesToDate: n('finesTotal'),
    huikanChecked: n('huikanChecked'),
    huikanRebounds: n('huikanRebounds'),
    overdue: 0
  }
}

const clause = (s: string): string => s.replace(/[。；;，,\s]+$/, '')

/**
 * The city's text drafted from the 合计, which speaks for the city when every unit is counted (reported, or carried
 * from its last report): otherwise for the units that are, and 存在问题 counts the others. It also lists what the
 * units reported as 未完成事项: the 附表 carries no overdue count, so the unit draft's sentence about overdue problems
 * would be made up here.
 */
export function cityDraft(
  campaign: Campaign,
  friday: string,
  week: Pick<OfficeWeeklyView, 'rows' | 'missing' | 'totals'>,
  /** The task groups' line (taskGroups.ts), drafted from the consolidated forms rather than the 附表. */
  groups = ''
): WeeklyText {
  const { rows, missing } = week
  const sent = rows.filter((r) => !r.carried)
  const carried = rows.filter((r) => r.carried).length
  const counted = new Set(rows.map((r) => r.unit)).size
  const uncounted = missing.filter((u) => !rows.some((r) => r.unit === u)).length
  const who = uncounted === 0 ? campaign.city.name : `${carried ? '有数据' : '已报送'}的${counted}个单位`
  const narrative = draftNarrative(who, totalsFigures(week.totals, friday))
  const draft = { ...narrative, overview: groups ? `${narrative.overview}\n${groups}` : narrative.overview }
  const open = sent.filter((r) => weeklyText(r.fields, 'openItems') !== '').map((r) => `${r.unit}：${clause(weeklyText(r.fields, 'openItems'))}`)
  // Named in the 附表 line under the text (attachmentLine), counted here.
  const absent = missing.length > 0 ? `${missing.length}个单位未报送本周工作进展${carried ? `，其中${carried}个单位沿用其最近一次报送的数据` : ''}。` : ''
  const reportedOpen = open.length > 0 ? `各单位报告的未完成事项：${open.join('；')}。` : '各单位本周未报告未完成事项。'
  const text = { ...draft, problems: absent + (sent.length > 0 ? reportedOpen : ''), openItems: '', nextPlan: '' }
  if (sent.length > 0) return text
  const overview = `截至${monthDay(friday)}，各单位均未报送本周工作进展附表，全市数据待报送后汇总。${groups ? `\n${groups}` : ''}`
  return { ...text, overview, thisWeek: '各单位均未报送，暂无本周数据。' }
}

/** The docx's 附表 line, naming who reported late, who did not report, and whose figures are carried. */
export function attachmentLine(campaign: Campaign, rows: readonly CityRow[], missing: readonly string[]): string {
  const late = rows.filter((r) => r.late).map((r) => r.unit)
  const carried = new Set(rows.filter((r) => r.carried).map((r) => r.unit))
  const due = `周五${campaign.weeklyReports.dueTime}`
  return [
    '详细情况见附表。',
    late.length > 0 ? `${[...new Set(late)].join('、')}未在${due}前报送。` : '',
    missing.length > 0 ? `${missing.join('、')}未报送` : '',
    carried.size > 0 ? `（${[...carried].join('、')}沿用最近一次报送的数据）` : '',
    missing.length > 0 ? '。' : ''
  ].join('')
}
