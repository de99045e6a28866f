import { describe, expect, it } from 'vitest'
import { checkUscc, usccCheckChar } from '@shared/domain/uscc'

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
