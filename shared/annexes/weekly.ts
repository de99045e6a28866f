import { CATEGORIES } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import { rate } from './shared'
import type { AnnexColumn } from './types'
import { defineAnnex } from './types'

const count = <K extends string>(key: K, header: string, group?: string): AnnexColumn<K> => ({ key, header, kind: 'count', width: 6, ...(group ? { group } : {}) })
const money = <K extends string>(key: K, header: string, group: string): AnnexColumn<K> => ({ key, header, group, kind: 'money', width: 7 })

/** A count cell of a 附表 row: a whole number, or 0 for anything else (validation reports it). */
export function weeklyCount(fields: RecordFields, key: string): number {
  const n = Number(fieldText(fields, key))
  return Number.isInteger(n) ? n : 0
}

/** 累计完成率 (%) of several units' rows: recomputed from their sums, never averaged over units; '' when none is due. */
export function doneRateOf(rows: readonly RecordFields[]): string {
  const sum = (key: string): number => rows.reduce((n, f) => n + weeklyCount(f, key), 0)
  const done = CATEGORIES.reduce((n, c) => n + sum(`doneTotal${c}`), 0)
  return rate(done, sum('records'))?.toFixed(1) ?? ''
}

/** The 附表's figures of the week itself; the others are 累计 (to date) and stand until the unit reports again. */
const WEEK_ONLY: readonly string[] = ['newFinds', ...CATEGORIES.map((c) => `doneWeek${c}`), 'tlcWeek', 'casesWeek', 'finesWeek', 'openItems', 'nextPlan']

/**
 * A unit's row carried into a week it did not report: its 累计 as last reported (so the city's 累计 never goes back),
 * nothing for the week, and 未完成事项 saying so.
 */
export function carriedRow(fields: RecordFields, from: string): RecordFields {
  const out: RecordFields = { ...fields }
  for (const key of WEEK_ONLY) delete out[key]
  return { ...out, openItems: `未报送，沿用${from}的数据` }
}

/** 每周工作进展附表 (annexes.md §1.8): one row per unit, figures computed from its records. */
export const weekly = defineAnnex({
  id: 'weekly',
  version: 1,
  label: '附表',
  title: '临夏市“散乱污”问题清理整治工作进展情况表',
  sheetName: '工作进展',
  office: { merge: 'weekly' },
  columns: [
    { key: 'seq', header: '序号', kind: 'seq', width: 4 },
    { key: 'unit', header: '单位', kind: 'enum', options: 'unit', width: 10, required: true },
    count('records', '摸底问题数'),
    count('newFinds', '本周新发现'),
    ...CATEGORIES.map((c) => count(`doneWeek${c}` as const, c, '本周完成')),
    ...CATEGORIES.map((c) => count(`doneTotal${c}` as const, c, '累计完成')),
    { key: 'doneRate', header: '累计完成率（%）', kind: 'text', width: 8, total: doneRateOf },
    count('tlcWeek', '本周', '两断三清'),
    count('tlcTotal', '累计', '两断三清'),
    count('casesWeek', '本周', '立案查处'),
    count('casesTotal', '累计', '立案查处'),
    money('finesWeek', '本周', '罚款（万元）'),
    money('finesTotal', '累计', '罚款（万元）'),
    count('huikanChecked', '核查数', '回头看'),
    count('huikanRebounds', '发现反弹数', '回头看'),
    { key: 'openItems', header: '未完成事项及原因', kind: 'text', width: 18, multiline: true },
    { key: 'nextPlan', header: '下周计划', kind: 'text', width: 18, multiline: true }
  ],
  notes: ['1. 本表数据由各单位台账按周（上周六至本周五）自动统计；“累计”为截至本周五的数。', '2. 每周五中午下班前报市“散乱污”领导小组办公室。'],
  stats: undefined
})
