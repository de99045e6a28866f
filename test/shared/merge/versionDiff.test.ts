/** What a unit's newer file changes against the one it supersedes. */
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { diffCounts, versionDiff } from '@shared/merge/versionDiff'
import { ENTERPRISES, row, submission } from './builders'

const [jiahe, xinglong, shouGou, , noKey] = ENTERPRISES

describe('a version diff', () => {
  it('names both files and the unit; a file without a unit takes the other\'s', () => {
    const from = submission(1, '南龙镇', [], { filledDate: '2024-05-08' })
    const to = submission(2, '南龙镇', [], { filledDate: '2024-05-10' })
    expect(versionDiff(from, to, annex2)).toEqual({
      unit: '南龙镇',
      annex: 'annex2',
      from: { file: from.file, sha256: from.sha256, filledDate: '2024-05-08' },
      to: { file: to.file, sha256: to.sha256, filledDate: '2024-05-10' },
      added: [],
      removed: [],
      changed: []
    })
    expect(versionDiff(from, { ...to, unit: null }, annex2).unit).toBe('南龙镇')
    expect(versionDiff({ ...from, unit: null }, { ...to, unit: null }, annex2).unit).toBe('')
  })
  it('matches rows by enterprise key and lists, for a changed row, the headers of the fields that changed', () => {
    const from = submission(1, '南龙镇', [row(6, jiahe, { phone: '13800000000', problemTypes: ['散'] }), row(7, xinglong, { phone: '1' })])
    const to = submission(2, '南龙镇', [row(8, xinglong, { phone: '1' }), row(9, jiahe, { phone: '13900000000', problemTypes: ['散', '乱'] })])
    const d = versionDiff(from, to, annex2)
    expect(d.changed).toEqual([{ key: `uscc:${jiahe.uscc}`, rowFrom: 6, rowTo: 9, name: jiahe.name, fields: ['联系电话', '问题类型'] }])
    expect(d.added).toEqual([])
    expect(d.removed).toEqual([])
  })
  it('a value stored differently but equal (a list in the same order) is no change', () => {
    const from = submission(1, '南龙镇', [row(6, jiahe, { problemTypes: ['散', '乱'] })])
    const to = submission(2, '南龙镇', [row(6, jiahe, { problemTypes: ['散', '乱'] })])
    expect(versionDiff(from, to, annex2).changed).toEqual([])
  })
  it('rows gone are removed, new ones added; a repeated key is matched in file order', () => {
    const from = submission(1, '南龙镇', [row(6, jiahe, { phone: 'a' }), row(7, jiahe, { phone: 'b' }), row(8, shouGou)])
    const to = submission(2, '南龙镇', [row(6, jiahe, { phone: 'a' }), row(7, xinglong)])
    const d = versionDiff(from, to, annex2)
    expect(d.removed).toEqual([
      { key: `uscc:${jiahe.uscc}`, row: 7, name: jiahe.name },
      { key: expect.stringMatching(/^name:/), row: 8, name: shouGou.name }
    ])
    expect(d.added).toEqual([{ key: `uscc:${xinglong.uscc}`, row: 7, name: xinglong.name }])
    expect(d.changed).toEqual([])
  })
  it('rows without any key cannot be matched: they show as removed and added', () => {
    const d = versionDiff(submission(1, '南龙镇', [row(6, noKey)]), submission(2, '南龙镇', [row(6, noKey)]), annex2)
    expect(d.removed).toEqual([{ key: null, row: 6, name: '' }])
    expect(d.added).toEqual([{ key: null, row: 6, name: '' }])
  })
  it('is summed up in one Chinese line', () => {
    const d = versionDiff(submission(1, '南龙镇', [row(6, jiahe), row(7, noKey)]), submission(2, '南龙镇', [row(6, xinglong)]), annex2)
    expect(diffCounts(d)).toBe('新增 1 条，删除 2 条，修改 0 条')
  })
})
