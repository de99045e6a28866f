/**
 * The reconciliation checks, each a `差异 = 0` line (reliability.md §4). The two sides of every line are counted by
 * different paths (the importer's counts vs the rows; the submissions vs the consolidated rows), so a row lost or
 * taken twice anywhere in between makes a line fail, and a failing line stops the export.
 */
import { rowUnit } from './submissionStatus'
import type { ConsolidatedRow, Equation, Submission, SubmissionSummary } from './types'

export interface ReconciliationInput {
  summaries: readonly SubmissionSummary[]
  accepted: readonly Submission[]
  /** Rows taken from the accepted files, before any decision. */
  taken: number
  rows: readonly ConsolidatedRow[]
  /** Rows each unit lost to the office's decisions. */
  removed: ReadonlyMap<string, number>
  compareUnits: (a: string, b: string) => number
}

const equation = (name: string, label: string, left: number, right: number): Equation => ({
  name,
  label,
  left,
  right,
  ok: left === right
})

export function reconciliation(input: ReconciliationInput): Equation[] {
  const { summaries, accepted, rows, removed } = input
  // A duplicate file adds nothing, so it adds no line either.
  const files = summaries
    .filter((s) => s.status !== 'duplicate-file')
    .map((s) =>
      equation(
        `文件读取：${s.file}（${s.sha256.slice(0, 8)}）`,
        `${s.file}：读取 ${s.read} 行 = 可用 ${s.accepted}${s.flagged ? `（其中有错误 ${s.flagged}）` : ''} + 退回 ${s.rejected} + 空行/合计 ${s.blankSkipped}`,
        s.read,
        s.accepted + s.rejected + s.blankSkipped
      )
    )

  const taken = new Map<string, number>()
  for (const s of accepted) {
    for (const r of s.rows) {
      const unit = rowUnit(s, r)
      if (unit !== null) count(taken, unit)
    }
  }
  const inRows = new Map<string, number>()
  for (const r of rows) count(inRows, r.unit)
  const units = [...new Set([...taken.keys(), ...inRows.keys()])].sort(input.compareUnits)
  const perUnit = units.map((u) => {
    const [n, t, d] = [inRows.get(u) ?? 0, taken.get(u) ?? 0, removed.get(u) ?? 0]
    return equation(`单位行数：${u}`, `${u}：汇总 ${n} 行 = 采用 ${t} − 按决定移除 ${d}`, n, t - d)
  })

  const usable = (statuses: readonly SubmissionSummary['status'][]): number =>
    summaries.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s.accepted, 0)
  const [all, older] = [usable(['accepted', 'superseded']), usable(['superseded'])]
  const supersede = equation(
    '取代前后',
    `各文件（不含重复文件）可用 ${all} 行 − 被取代版本 ${older} 行 = 取代后 ${input.taken} 行`,
    all - older,
    input.taken
  )
  const unitSum = perUnit.reduce((n, e) => n + e.right, 0)
  const total = equation('汇总合计', `汇总表 ${rows.length} 行 = 各单位合计 ${unitSum} 行`, rows.length, unitSum)
  return [...files, ...perUnit, supersede, total]
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}
