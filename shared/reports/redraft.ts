/**
 * A saved report text kept current (issue 20, finding 2): the text was frozen at its first save, so a report exported
 * again after more files or completions still said the old figures. Each saved part remembers the draft it was
 * written from; when the figures move, a part the clerk left as drafted is drafted again, and a part the clerk
 * rewrote is kept and named, so the page can say its figures changed before anything is exported.
 */
import type { WeeklyText } from './weekly'

/** The parts drafted from the figures; 未完成事项 and 下周计划 are the clerk's own. */
export const DRAFTED_PARTS = ['overview', 'thisWeek', 'problems', 'nextWeek'] as const
export type DraftedPart = (typeof DRAFTED_PARTS)[number]

export type DraftBasis = Pick<WeeklyText, DraftedPart>

export const basisOf = (draft: WeeklyText): DraftBasis => ({ overview: draft.overview, thisWeek: draft.thisWeek, problems: draft.problems, nextWeek: draft.nextWeek })

/**
 * The text to show and export: `saved` brought up to `draft` (the draft from today's figures). `changed` lists the
 * parts the clerk rewrote whose draft has since changed. A text saved before drafts were remembered stays as saved.
 */
export function currentText(saved: (WeeklyText & { basis?: DraftBasis | undefined }) | null, draft: WeeklyText): { text: WeeklyText; changed: DraftedPart[] } {
  if (!saved) return { text: draft, changed: [] }
  const { basis, ...kept } = saved
  const text: WeeklyText = { overview: kept.overview, thisWeek: kept.thisWeek, problems: kept.problems, nextWeek: kept.nextWeek, openItems: kept.openItems, nextPlan: kept.nextPlan }
  if (!basis) return { text, changed: [] }
  const changed: DraftedPart[] = []
  for (const part of DRAFTED_PARTS) {
    if (basis[part] === draft[part]) continue
    if (kept[part] === basis[part]) text[part] = draft[part]
    else changed.push(part)
  }
  return { text, changed }
}
