/** The orders a consolidation is built in, and which files in a folder are submissions. */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { compareText, submissionComparator, unitComparator } from '@shared/merge/order'
import { isSpreadsheetFile, isSubmissionFile, isWorthNaming } from '@shared/merge/submissionFile'
import { submission } from './builders'

describe('orders', () => {
  it('text compares by code unit, not by locale', () => {
    expect(['b', 'B', 'a', '城', 'a'].sort(compareText)).toEqual(['B', 'a', 'a', 'b', '城'])
    expect(compareText('a', 'a')).toBe(0)
    expect(compareText('a', 'b')).toBe(-1)
    expect(compareText('b', 'a')).toBe(1)
  })
  it('units come in campaign order, then unknown names by name, then no unit', () => {
    const units = [null, '某外县', '城北街道', '临夏电力公司', '城南街道', '另一外县', null]
    expect([...units].sort(unitComparator(defaultCampaign))).toEqual(['城南街道', '城北街道', '临夏电力公司', '另一外县', '某外县', null, null])
  })
  it('files come by unit, form, then oldest to newest: 填报日期 (none first), time received, name, sha256', () => {
    const base = submission(1, '城北街道', [])
    const files = [
      { ...base, file: 'h', unit: '城南街道' },
      { ...base, file: 'g', annex: 'annex3' },
      { ...base, file: 'f', filledDate: '2024-05-10' },
      { ...base, file: 'e', filledDate: null },
      { ...base, file: 'd', receivedAt: '2024-05-11T00:00:00.000Z' },
      { ...base, file: 'c', sha256: 'f'.repeat(64) },
      { ...base, file: 'c' },
      { ...base, file: 'a', annex: null }
    ]
    expect([...files].sort(submissionComparator(defaultCampaign)).map((s) => `${s.file}${s.sha256 === base.sha256 ? '' : '*'}`)).toEqual(['h', 'a', 'e', 'c', 'c*', 'd', 'f', 'g'])
  })
})

describe('which files in a folder are submissions', () => {
  it('spreadsheets and 报送包 of any case of extension, but not lock or hidden files', () => {
    for (const f of ['附件2.xlsx', '附件2.XLS', 'a.et', 'a.ods', 'a.csv', 'a.b.Xlsx', '附件3-报送包.zip', 'a.ZIP']) expect(isSubmissionFile(f), f).toBe(true)
    for (const f of ['~$附件2.xlsx', '.附件2.xlsx', '总结.docx', '附件2', 'xlsx', '附件2.xlsx.7z', '附件2.xlsx ', '~$报送包.zip']) expect(isSubmissionFile(f), f).toBe(false)
  })
  it('a unit imports spreadsheets only: its own evidence is not taken from a package', () => {
    expect([isSpreadsheetFile('附件2.xlsx'), isSpreadsheetFile('附件2.csv'), isSpreadsheetFile('报送包.zip'), isSpreadsheetFile('~$附件2.xlsx')]).toEqual([true, true, false, false])
  })
  it('lock and hidden files are left out without a word; others are named', () => {
    expect(isWorthNaming('总结.docx')).toBe(true)
    expect(isWorthNaming('~$附件2.xlsx')).toBe(false)
    expect(isWorthNaming('.DS_Store')).toBe(false)
    expect(isWorthNaming('a~$.xlsx')).toBe(true)
  })
})
