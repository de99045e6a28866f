import { describe, expect, it } from 'vitest'
import { areaCode, phoneKind } from '@shared/domain/phone'

// annexes.md §4.2, on the normalised text (normalizePhone has already removed spaces and +86).
describe('which phone numbers are numbers', () => {
  it('a mobile number has 11 digits, the first 1 and the second 3 to 9', () => {
    for (const p of ['13012345678', '15794688302', '19912345678']) expect(phoneKind(p)).toBe('mobile')
    for (const p of ['12012345678', '10012345678', '1579468830', '157946883021', '25794688302', '1579468830a', 'x15794688302', '15794688302x']) {
      expect(phoneKind(p), p).not.toBe('mobile')
    }
  })
  it('a landline is 0, a two- or three-digit area code, an optional dash and 7 or 8 digits', () => {
    for (const p of ['0930-6212345', '09306212345', '010-12345678', '01012345678', '0931-82345678', '021-1234567']) {
      expect(phoneKind(p), p).toBe('landline')
    }
  })
  it('a landline may end in an extension of one to five digits after a dash', () => {
    for (const p of ['0930-6212345-1', '0930-6212345-12345', '010-12345678-8001']) expect(phoneKind(p), p).toBe('landline')
    for (const p of ['0930-6212345-123456', '0930-6212345-', '0930-62123451234']) expect(phoneKind(p), p).toBeNull()
  })
  it('anything else is no phone number: wrong lengths, letters, no leading 0, text around it', () => {
    for (const p of ['0930-621234', '0930-621234567', '09-6212345', '09301-6212345', '9930-6212345', '0930-62123a5', '0a30-6212345', 'tel0930-6212345', '0930-6212345 ', '', '0930--6212345']) {
      expect(phoneKind(p), p).toBeNull()
    }
  })
})

describe('the area code of a landline', () => {
  it('is what stands before the dash: 0 and two or three digits', () => {
    expect(areaCode('0930-6212345')).toBe('0930')
    expect(areaCode('010-12345678')).toBe('010')
    expect(areaCode('0931-8234567-12')).toBe('0931')
  })
  it('without a dash is read only as 0930 followed by seven digits, the one reading 临夏 numbers fit', () => {
    expect(areaCode('09306212345')).toBe('0930')
    expect(areaCode('093062123456')).toBeNull()
    expect(areaCode('0930621234')).toBeNull()
    expect(areaCode('09316212345')).toBeNull()
    expect(areaCode('x09306212345')).toBeNull()
  })
  it('is none for a mobile number or a dash in the wrong place', () => {
    expect(areaCode('15794688302')).toBeNull()
    expect(areaCode('09-6212345')).toBeNull()
    expect(areaCode('09301-6212345')).toBeNull()
    expect(areaCode('x0930-6212345')).toBeNull()
    expect(areaCode('1930-6212345')).toBeNull()
  })
})
