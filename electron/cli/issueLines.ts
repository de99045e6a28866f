import type { LocatedIssue } from '@shared/domain/issues'

const SHOWN = 20

/** A preview's findings as a command prints them: 错误 then 提示, the first 20 of each and how many more. */
export function issueLines(issues: readonly Pick<LocatedIssue, 'severity' | 'message'>[]): string[] {
  const lines: string[] = []
  for (const [title, level] of [['错误', 'error'], ['提示', 'warning']] as const) {
    const list = issues.filter((i) => i.severity === level)
    if (list.length === 0) continue
    lines.push(`${title}（${list.length}）：`, ...list.slice(0, SHOWN).map((i) => `  · ${i.message}`))
    if (list.length > SHOWN) lines.push(`  …另有 ${list.length - SHOWN} 条`)
  }
  return lines
}
