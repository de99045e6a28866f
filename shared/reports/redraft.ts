/**
 * A saved report text kept current (issue 20, finding 2): the text was frozen at its first save, so a report exported
 * again after more files or completions still said the old figures. Each saved part remembers the draft it was
 * written from; when the figures move, a part the clerk left as drafted is drafted again, and in a part the clerk
 * rewrote the figures are filled in again where the clerk's words kept them (refill). Either way the parts whose
 * figures moved are named, so the page says so before anything is exported.
 */
import type { WeeklyText } from './weekly'

/** The parts drafted from the figures; 未完成事项 and 下周计划 are the clerk's own. */
export const DRAFTED_PARTS = ['overview', 'thisWeek', 'problems', 'nextWeek'] as const
export type DraftedPart = (typeof DRAFTED_PARTS)[number]

export type DraftBasis = Pick<WeeklyText, DraftedPart>

export const basisOf = (draft: WeeklyText): DraftBasis => ({ overview: draft.overview, thisWeek: draft.thisWeek, problems: draft.problems, nextWeek: draft.nextWeek })

export interface CurrentText {
  text: WeeklyText
  /** Parts the clerk rewrote whose figures moved and could not all be filled in again: to be checked by hand. */
  changed: DraftedPart[]
  /** Parts the clerk rewrote whose figures were filled in again from the new figures. */
  refilled: DraftedPart[]
}

/**
 * The text to show and export: `saved` brought up to `draft` (the draft from today's figures). A text saved before
 * drafts were remembered stays as saved.
 */
export function currentText(saved: (WeeklyText & { basis?: DraftBasis | undefined }) | null, draft: WeeklyText): CurrentText {
  if (!saved) return { text: draft, changed: [], refilled: [] }
  const { basis, ...kept } = saved
  const text: WeeklyText = { overview: kept.overview, thisWeek: kept.thisWeek, problems: kept.problems, nextWeek: kept.nextWeek, openItems: kept.openItems, nextPlan: kept.nextPlan }
  const out: CurrentText = { text, changed: [], refilled: [] }
  if (!basis) return out
  for (const part of DRAFTED_PARTS) {
    if (basis[part] === draft[part]) continue
    if (kept[part] === basis[part]) {
      text[part] = draft[part]
      continue
    }
    const again = refill(kept[part], basis[part], draft[part])
    if (again === null) out.changed.push(part)
    else {
      text[part] = again
      out.refilled.push(part)
    }
  }
  return out
}

const NUMBER = /\d+(?:\.\d+)?/g
/**
 * The drafted words beside a figure that place it in the clerk's text (…，累计完成整治 | 3 | 个，…): up to six
 * characters before it and three after, within the clause — the clerk may well change the punctuation around.
 */
const BEFORE = /[^，。；：、（）,.;:()\s]{0,6}$/
const AFTER = /^[^，。；：、（）,.;:()\s]{0,3}/

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A text as the words between its figures and the figures themselves (words.length = figures.length + 1). */
function split(text: string): { words: string[]; figures: string[] } {
  return { words: text.split(NUMBER), figures: text.match(NUMBER) ?? [] }
}

/**
 * The clerk's text with each figure that moved between the two drafts written anew, found by the drafted words on
 * either side of it; null when the drafts differ in more than figures (a sentence came or went) or a moved figure is
 * not in the clerk's text exactly once with its words: those the clerk must check.
 */
export function refill(written: string, basis: string, draft: string): string | null {
  const [was, now] = [split(basis), split(draft)]
  if (was.words.join('\u0000') !== now.words.join('\u0000')) return null
  let text = written
  for (const [i, figure] of was.figures.entries()) {
    const fresh = now.figures[i] as string
    if (figure === fresh) continue
    const before = BEFORE.exec(was.words[i] as string)?.[0] ?? ''
    const after = AFTER.exec(was.words[i + 1] as string)?.[0] ?? ''
    // Without drafted words before it, a figure cannot be told from the end of another number.
    if (before === '') return null
    // Not followed by more digits: 完成3 is not the start of 完成35.
    const found = [...text.matchAll(new RegExp(`${escaped(before)}${escaped(figure)}(?!\\.?\\d)${escaped(after)}`, 'g'))]
    const [only] = found
    if (found.length !== 1 || only === undefined) return null
    text = `${text.slice(0, only.index)}${before}${fresh}${after}${text.slice(only.index + only[0].length)}`
  }
  return text
}
