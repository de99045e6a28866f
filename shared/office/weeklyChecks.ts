/**
 * A unit's Friday figures must follow on from its last report (issue 20, finding 5): each 累计 is last week's 累计
 * plus this week's figure. When they do not (records back-dated, a 附表 typed by hand, a week's report built from
 * another ledger), the office is told which figure, so 本周 sums and 累计 can be trusted side by side.
 */
import { CATEGORIES } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'

/** [本周 key, 累计 key, what the office reads]. */
const FOLLOW_ON: readonly [string, string, string][] = [
  ['newFinds', 'records', '摸底问题数'],
  ...CATEGORIES.map((c): [string, string, string] => [`doneWeek${c}`, `doneTotal${c}`, `累计完成（${c}）`]),
  ['tlcWeek', 'tlcTotal', '两断三清累计'],
  ['casesWeek', 'casesTotal', '立案查处累计'],
  ['finesWeek', 'finesTotal', '罚款累计（万元）']
]

const amount = (f: RecordFields, key: string): number => Number(fieldText(f, key)) || 0

/** What does not follow on from `previous` (the unit's 附表 of the week before) in `current`, in Chinese. */
export function followOnProblems(previous: RecordFields, current: RecordFields): string[] {
  return FOLLOW_ON.flatMap(([week, total, what]) => {
    const expected = amount(previous, total) + amount(current, week)
    const given = amount(current, total)
    // Money has two decimals; counts are whole.
    if (Math.abs(expected - given) < 0.005) return []
    const n = (x: number): string => (total === 'finesTotal' ? x.toFixed(2) : String(x))
    return [`${what}：上周${n(amount(previous, total))} + 本周${n(amount(current, week))} = ${n(expected)}，报为${n(given)}`]
  })
}
