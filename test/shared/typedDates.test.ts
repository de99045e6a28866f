import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { parseDateText } from '@shared/domain/normalize'
import { dateFromTyped, valueFromText, valueFromTyped } from '@shared/validation/cellInput'

const deadline = annex2.columns.find((c) => c.key === 'deadline')!
const FORMS = ['2024-6-30', '2024/6/30', '2024.6.30', '2024年6月30日', '20240630', '２０２４０６３０', ' 2024-06-30 ']

describe('dates typed or pasted into the program', () => {
  it('reads every form a clerk writes, 20240630 included, as import does', () => {
    for (const s of FORMS) expect(parseDateText(s), s).toEqual({ ok: true, iso: '2024-06-30' })
    for (const s of FORMS) expect(valueFromText(deadline, s, defaultCampaign), s).toBe('2024-06-30')
  })
  it('refuses eight digits that are no calendar day, and other digit counts', () => {
    for (const s of ['20240631', '20241301', '18991231', '2024063', '202406301', '2024063O']) {
      expect(parseDateText(s), s).toEqual({ ok: false, code: 'DATE_UNPARSEABLE' })
    }
  })
  it('takes an Excel date serial typed or pasted (a 常规 date cell copied from Excel), with or without a time', () => {
    expect(dateFromTyped('45473')).toBe('2024-06-30')
    expect(dateFromTyped(' 45473.5 ')).toBe('2024-06-30')
    expect(dateFromTyped('45473.75')).toBe('2024-06-30')
    expect(dateFromTyped('４５４７３')).toBe('2024-06-30')
    expect(valueFromTyped(deadline, '45473', defaultCampaign)).toBe('2024-06-30')
    for (const s of FORMS) expect(valueFromTyped(deadline, s, defaultCampaign), s).toBe('2024-06-30')
  })
  it('does not take other numbers for serials: they stay as typed, for validation to flag', () => {
    for (const s of ['630', '4547', '454730', '145473', '+45473', '99999', '-45473', '45473.']) {
      expect(dateFromTyped(s), s).toBeNull()
      expect(valueFromTyped(deadline, s, defaultCampaign), s).toBe(s)
    }
  })
  it('reads a serial only where text is typed: an imported plain number is not guessed to be a date', () => {
    expect(valueFromText(deadline, '45473', defaultCampaign)).toBe('45473')
  })
  it('changes nothing for columns other than dates', () => {
    const name = annex2.columns.find((c) => c.key === 'name')!
    expect(valueFromTyped(name, '45473', defaultCampaign)).toBe('45473')
    expect(valueFromTyped(deadline, '', defaultCampaign)).toBe('')
    expect(valueFromTyped(deadline, '6月底', defaultCampaign)).toBe('6月底')
  })
})
