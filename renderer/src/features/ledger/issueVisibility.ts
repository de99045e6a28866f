/**
 * Which problems the page shows while the clerk types. A record the clerk has just started (a new row, an empty
 * 联络员 form) is quiet until the clerk leaves it or saves/exports it: meanwhile only a value typed into it can be
 * wrong, what is still blank waits. Records loaded from disk or imported show everything. Exports still count
 * everything: this is only what the screen shows.
 */
import type { FieldIssue } from '@shared/domain/issues'
import type { RecordFields } from '@shared/ledger/record'
import { isBlankRequired } from '@shared/validation/incomplete'
import { isBlank } from '@shared/validation/validateRecord'

/** 错误 (a wrong value), 未填完 (a required field still blank) or 提示. */
export type IssueKind = 'error' | 'incomplete' | 'warning'

export function issueKind(issue: FieldIssue, fields: RecordFields): IssueKind {
  if (issue.severity === 'warning') return 'warning'
  return isBlankRequired(issue, fields) ? 'incomplete' : 'error'
}

export interface IssueCounts {
  error: number
  incomplete: number
  warning: number
}

export function countKinds(kinds: Iterable<{ kind: IssueKind }>): IssueCounts {
  const counts: IssueCounts = { error: 0, incomplete: 0, warning: 0 }
  for (const k of kinds) counts[k.kind]++
  return counts
}

/** The header line of a problem list: 错误 2 · 未填完 5 · 提示 1. */
export function countsLine(c: IssueCounts): string {
  return `错误 ${c.error} · 未填完 ${c.incomplete} · 提示 ${c.warning}`
}

/** What a quiet record shows: the problems of values typed into it, never of blank fields or of the whole row. */
export function shownWhileQuiet(issues: readonly FieldIssue[], fields: RecordFields): FieldIssue[] {
  return issues.filter((i) => i.field !== null && !isBlank(fields[i.field]))
}

/** The rows of the ledger still quiet: added in this session and not yet left. */
export class QuietRows {
  private readonly quiet = new Set<string>()

  add(id: string): void {
    this.quiet.add(id)
  }

  has(id: string): boolean {
    return this.quiet.has(id)
  }

  /** The clerk's focus is now on row `id` (null: on none): every other quiet row has been left. True if one was. */
  focus(id: string | null): boolean {
    let left = false
    for (const q of this.quiet) {
      if (q === id) continue
      this.quiet.delete(q)
      left = true
    }
    return left
  }

  /** Saved or exported: every row shows its problems. True if a row was quiet. */
  revealAll(): boolean {
    const had = this.quiet.size > 0
    this.quiet.clear()
    return had
  }

  /** The problems the page shows, by row id. */
  shown(issues: ReadonlyMap<string, FieldIssue[]>, rowFields: (id: string) => RecordFields | undefined): ReadonlyMap<string, FieldIssue[]> {
    if (this.quiet.size === 0) return issues
    const out = new Map(issues)
    for (const id of this.quiet) {
      const list = issues.get(id)
      const fields = rowFields(id)
      if (list && fields) out.set(id, shownWhileQuiet(list, fields))
    }
    return out
  }
}
