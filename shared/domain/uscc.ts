/** 统一社会信用代码 (GB 32100-2015), annexes.md §4.1. */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type UsccCheck =
  | { ok: true }
  | { ok: false; code: 'USCC_LENGTH' }
  | { ok: false; code: 'USCC_CHARSET' }
  | { ok: false; code: 'USCC_CHECKSUM'; expected: string }

/** The check character for the first 17 characters of a code (which must be in the charset); the rest is not read. */
export function usccCheckChar(code: string): string {
  let sum = 0
  WEIGHTS.forEach((weight, i) => {
    sum += CHARSET.indexOf(code.charAt(i)) * weight
  })
  return CHARSET.charAt((31 - (sum % 31)) % 31)
}

/** Checks a normalised code (see normalizeCode): length, charset and structure, then the check digit. */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== 18) return { ok: false, code: 'USCC_LENGTH' }
  // 18 characters long, so the pattern spans the whole code without ^…$.
  if (!/[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/.test(code)) return { ok: false, code: 'USCC_CHARSET' }
  const expected = usccCheckChar(code)
  return expected === code[17] ? { ok: true } : { ok: false, code: 'USCC_CHECKSUM', expected }
}

/**
 * The 统一社会信用代码 inside a 排污许可证 number (HJ 608-2017 排污单位编码规则: the unit's 18-character code, a
 * 3-digit 顺序码 of its site, then one 标识码 letter, e.g. 91130200699229617X001P; also taken without that last
 * character), or null when the text is no such number or its first 18 characters are no valid code. The caller
 * proposes it; it never replaces what was written.
 */
export function permitNumberCode(code: string): string | null {
  if (!/^.{18}\d{3}[0-9A-Z]?$/.test(code)) return null
  const uscc = code.slice(0, 18)
  return checkUscc(uscc).ok ? uscc : null
}

/** 15-digit 工商注册号 of a business that has not yet changed to the unified code. */
export function isOldRegistrationNo(code: string): boolean {
  return /^\d{15}$/.test(code)
}
