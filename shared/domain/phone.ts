/** Phone numbers (annexes.md §4.2), checked on the normalised form (see normalizePhone). */

export type PhoneKind = 'mobile' | 'landline'

export function phoneKind(p: string): PhoneKind | null {
  if (/^1[3-9]\d{9}$/.test(p)) return 'mobile'
  if (/^0\d{2,3}-?\d{7,8}(-\d{1,5})?$/.test(p)) return 'landline'
  return null
}

/** The area code of a landline (0930 for 临夏), or null. */
export function areaCode(p: string): string | null {
  const m = /^(0\d{2,3})-/.exec(p)
  if (m) return m[1] ?? null
  // Without a dash, 0930 + 7 digits is the only reading that fits 临夏 numbers; other lengths are ambiguous.
  return /^0930\d{7}$/.test(p) ? '0930' : null
}
