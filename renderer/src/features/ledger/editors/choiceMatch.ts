/**
 * Which options of a dropdown cell match what the clerk typed: the characters (八坊 → 八坊街道), pinyin initials
 * (bfjd → 八坊街道) and the synonyms and aliases import knows (整治改造 → 升级改造), best first.
 */

// Pinyin initials from the Chinese collation the browser already has (no dictionary to ship): a character sorts
// between the first characters of two initials. Polyphonic characters get the collation's reading.
const COLLATOR = new Intl.Collator('zh-CN-u-co-pinyin')
const INITIALS = 'abcdefghjklmnopqrstwxyz'
const FIRST_OF_INITIAL = '阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥仨他哇夕丫帀'
const HAN = /\p{Script=Han}/u

function initialOf(ch: string): string {
  if (!HAN.test(ch)) return ch.toLowerCase()
  let found = ''
  for (let i = 0; i < FIRST_OF_INITIAL.length && COLLATOR.compare(ch, FIRST_OF_INITIAL[i] as string) >= 0; i++) found = INITIALS[i] as string
  return found
}

/** 八坊街道 → bfjd. */
export function pinyinInitials(text: string): string {
  return [...text].map(initialOf).join('')
}

const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

export interface ChoiceIndex {
  option: string
  folded: string
  initials: string
}

export function indexChoices(options: readonly string[]): ChoiceIndex[] {
  return options.map((option) => ({ option, folded: fold(option), initials: pinyinInitials(option) }))
}

/**
 * The options matching `typed`, best first: the option the text stands for (`canonical`: itself, a synonym, an
 * alias), then those starting with it, then those containing it, then by initials. Empty text matches all.
 */
export function matchChoices(index: readonly ChoiceIndex[], typed: string, canonical: string): string[] {
  const t = fold(typed)
  if (t === '') return index.map((c) => c.option)
  const rank = (c: ChoiceIndex): number => {
    if (c.option === canonical) return 0
    if (c.folded.startsWith(t)) return 1
    if (c.folded.includes(t)) return 2
    if (/^[a-z]+$/.test(t) && c.initials.includes(t)) return c.initials.startsWith(t) ? 3 : 4
    return -1
  }
  return index
    .map((c, i) => ({ c, i, r: rank(c) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c.option)
}
