import { describe, expect, it } from 'vitest'
import { checkUscc, isOldRegistrationNo, usccCheckChar } from '@shared/domain/uscc'

describe('统一社会信用代码 check digit (GB 32100, annexes.md §4.1 vectors)', () => {
  it.each(['91110000101623741K', '911101066976941872', '9144030071526726XG'])('%s passes', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true })
  })
  it('91310115MA1H8R7C6D fails and names the right check character', () => {
    expect(checkUscc('91310115MA1H8R7C6D')).toEqual({ ok: false, code: 'USCC_CHECKSUM', expected: '7' })
    expect(usccCheckChar('91310115MA1H8R7C6')).toBe('7')
  })
  it('refuses the letters I, O, S, V, Z and wrong lengths', () => {
    expect(checkUscc('92622901MAOM0HPPYD')).toMatchObject({ code: 'USCC_CHARSET' })
    expect(checkUscc('9162290184695521')).toMatchObject({ code: 'USCC_LENGTH' })
  })
})

/** A code with the right check character for its first 17 characters. */
const withCheck = (first17: string): string => first17 + usccCheckChar(first17)
const put = (code: string, at: number, c: string): string => code.slice(0, at) + c + code.slice(at + 1)
const BASE = '91622901MA7FLD4EN' // 17 characters of a real 临夏 code
const ALLOWED = '0123456789ABCDEFGHJKLMNPQRTUWXY'

describe('统一社会信用代码 structure (GB 32100)', () => {
  it('a code has exactly 18 characters', () => {
    expect(checkUscc(withCheck(BASE))).toEqual({ ok: true })
    expect(checkUscc(withCheck(BASE).slice(0, 17))).toEqual({ ok: false, code: 'USCC_LENGTH' })
    expect(checkUscc(`${withCheck(BASE)}1`)).toEqual({ ok: false, code: 'USCC_LENGTH' })
    expect(checkUscc('')).toEqual({ ok: false, code: 'USCC_LENGTH' })
  })
  it('every digit and letter but I, O, S, V, Z may stand in the registration authority and the body of the code', () => {
    for (const c of ALLOWED) {
      for (const at of [0, 1, 8, 12, 16]) expect(checkUscc(withCheck(put(BASE, at, c))), `${c} at ${at}`).toEqual({ ok: true })
    }
  })
  it('I, O, S, V and Z stand nowhere, not even as the check character', () => {
    for (const c of 'IOSVZ') {
      for (const at of [0, 1, 8, 12, 16, 17]) expect(checkUscc(put(withCheck(BASE), at, c)), `${c} at ${at}`).toEqual({ ok: false, code: 'USCC_CHARSET' })
    }
    expect(checkUscc(put(withCheck(BASE), 5, '-'))).toEqual({ ok: false, code: 'USCC_CHARSET' })
    expect(checkUscc(put(withCheck(BASE), 17, 'a'))).toEqual({ ok: false, code: 'USCC_CHARSET' })
  })
  it('the six characters of the region (3rd to 8th) are digits', () => {
    for (const at of [2, 7]) expect(checkUscc(withCheck(put(BASE, at, 'A'))), `A at ${at}`).toEqual({ ok: false, code: 'USCC_CHARSET' })
  })
  it('the check character is the weighted sum of the first 17, mod 31, counted back from 31; a multiple of 31 gives 0', () => {
    // Σ(value × weight) of 91622901MA76YR07N is a multiple of 31.
    expect(usccCheckChar('91622901MA76YR07N')).toBe('0')
    expect(checkUscc('91622901MA76YR07N0')).toEqual({ ok: true })
    expect(checkUscc('91622901MA76YR07N7')).toEqual({ ok: false, code: 'USCC_CHECKSUM', expected: '0' })
    // Every position counts with its own weight: changing any one character changes the check character.
    for (let at = 0; at < 17; at++) {
      const other = put(BASE, at, BASE[at] === '1' ? '2' : '1')
      expect(usccCheckChar(other), `position ${at}`).not.toBe(usccCheckChar(BASE))
    }
  })
  it('the check character can be a letter: values 10 to 30 map to A … Y', () => {
    expect(usccCheckChar('91110000101623741')).toBe('K')
    expect(usccCheckChar('9144030071526726X')).toBe('G')
  })
})

describe('the old 15-digit 工商注册号', () => {
  it('is exactly 15 digits', () => {
    expect(isOldRegistrationNo('622901600123456')).toBe(true)
    for (const s of ['62290160012345', '6229016001234567', '62290160012345A', 'x622901600123456', '622901600123456x']) {
      expect(isOldRegistrationNo(s), s).toBe(false)
    }
  })
})
