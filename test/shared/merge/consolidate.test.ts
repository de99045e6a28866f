/** consolidate on small hand-made inputs: statuses, rows, duplicate groups, decisions, equations. */
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign, towns } from '@shared/campaign/campaign'
import { consolidate } from '@shared/merge/consolidate'
import type { Decision, Submission } from '@shared/merge/types'
import { decision, ENTERPRISES, refused, row, sha, submission } from './builders'

const [jiahe, xinglong, shouGou, xiChe, noKey] = ENTERPRISES
const merge = (subs: Submission[], decisions: Decision[] = []): ReturnType<typeof consolidate> =>
  consolidate(subs, decisions, defaultCampaign, annex2)
const statusOf = (c: ReturnType<typeof merge>, file: string): string | undefined =>
  c.submissions.find((s) => s.file === file)?.status

describe('submission status', () => {
  it('rejects a refused file with the importer\'s reason, and a file it cannot attribute to a unit', () => {
    const c = merge([refused(1), submission(2, null, [row(6, jiahe)])])
    expect(c.submissions.map((s) => [s.status, s.accepted, s.rejected])).toEqual([
      ['rejected', 0, 0],
      ['rejected', 0, 1]
    ])
    expect(c.submissions.map((s) => s.reason)).toEqual([
      expect.stringContaining('不是有效的 .xlsx'),
      expect.stringContaining('无法确定填报单位')
    ])
    expect(c.rows).toEqual([])
  })

  it('rejects a file of another annex', () => {
    const c = merge([submission(1, '城南街道', [row(6, jiahe)], { annex: 'annex3' })])
    expect(c.submissions[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('不是附件2') })
  })

  it('takes the same bytes once, whatever the file is called', () => {
    const first = submission(1, '城南街道', [row(6, jiahe)])
    const again = { ...first, file: '附件2-城南街道(1).xlsx', receivedAt: '2024-05-11T00:00:00.000Z' }
    const c = merge([again, first])
    expect(statusOf(c, again.file)).toBe('duplicate-file')
    expect(c.submissions.find((s) => s.file === again.file)).toMatchObject({ replacedBy: first.file })
    expect(c.rows).toHaveLength(1)
  })

  it('uses the newest 填报日期 of a unit; equal dates go to the later received, then the file name', () => {
    const v1 = submission(1, '南龙镇', [row(6, jiahe)], { filledDate: '2024-05-08' })
    const v2 = submission(2, '南龙镇', [row(6, xinglong)], { filledDate: '2024-05-10' })
    expect(merge([v2, v1]).submissions.map((s) => [s.file, s.status])).toEqual([
      [v1.file, 'superseded'],
      [v2.file, 'accepted']
    ])
    const receivedAt = '2024-05-11T00:00:00.000Z'
    const later = submission(3, '南龙镇', [row(6, shouGou)], { filledDate: '2024-05-10', receivedAt })
    expect(statusOf(merge([later, v2, v1]), later.file)).toBe('accepted')
    const sameTime = submission(4, '南龙镇', [row(6, xiChe)], { filledDate: '2024-05-10', file: '附件2-南龙镇-v9.xlsx' })
    expect(statusOf(merge([sameTime, v2]), sameTime.file)).toBe('accepted')
  })

  it('says why a file gave way: a newer 填报日期, or an equal one settled by arrival or by file name', () => {
    const reason = (subs: Submission[], file: string): string | undefined =>
      merge(subs).submissions.find((s) => s.file === file)?.reason
    const v1 = submission(1, '南龙镇', [row(6, jiahe)], { filledDate: '2024-05-08' })
    const v2 = submission(2, '南龙镇', [row(6, xinglong)], { filledDate: '2024-05-10' })
    expect(reason([v1, v2], v1.file)).toBe(`已被较新的“${v2.file}”（填报日期 2024年5月10日）取代`)
    const later = submission(3, '南龙镇', [row(6, shouGou)], { filledDate: '2024-05-10', receivedAt: '2024-05-11T00:00:00.000Z' })
    expect(reason([v2, later], v2.file)).toBe(
      `与“${later.file}”填报日期同为2024年5月10日，按收到的先后采用了“${later.file}”，请核对应使用哪一份`
    )
    const sameTime = submission(4, '南龙镇', [row(6, xiChe)], { filledDate: '2024-05-10', file: '附件2-南龙镇-v9.xlsx' })
    expect(reason([v2, sameTime], v2.file)).toBe(
      `与“${sameTime.file}”填报日期同为2024年5月10日，两份同时收到，按文件名顺序采用了“${sameTime.file}”，请核对应使用哪一份`
    )
    const undated = submission(5, '南龙镇', [row(6, jiahe)], { filledDate: null })
    const undatedToo = submission(6, '南龙镇', [row(6, jiahe)], { filledDate: null })
    expect(reason([undatedToo, undated], undated.file)).toBe(
      `与“${undatedToo.file}”都没有填报日期，两份同时收到，按文件名顺序采用了“${undatedToo.file}”，请核对应使用哪一份`
    )
  })

  it('lets the office pin an older version (use-version), and says when the pinned file is not there', () => {
    const v1 = submission(1, '南龙镇', [row(6, jiahe)], { filledDate: '2024-05-08' })
    const v2 = submission(2, '南龙镇', [row(6, xinglong)], { filledDate: '2024-05-10' })
    const pin = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: v1.sha256 })
    const c = merge([v1, v2], [pin])
    expect(c.submissions.map((s) => s.status)).toEqual(['accepted', 'superseded'])
    expect(c.rows.map((r) => r.fields['name'])).toEqual([jiahe.name])
    expect(c.versionDiffs).toMatchObject([{ from: { file: v2.file }, to: { file: v1.file } }])
    expect(c.decisions).toMatchObject([{ status: 'applied' }])
    const stale = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: sha(99) })
    expect(merge([v1, v2], [stale]).decisions).toMatchObject([{ status: 'idle', note: expect.stringContaining('未执行') }])
  })
})

describe('rows', () => {
  // Issue 20, finding 1: a row with an error vanished from the office's totals.
  it('takes every row with its provenance, a row with errors flagged with them', () => {
    const counts = { read: 3, blankSkipped: 1 }
    const error = { severity: 'error' as const, code: 'RESTART_WITHOUT_ACCEPTANCE', sheet: '摸底台账', cell: 'AB7', row: 7, column: '复产日期', message: '未经验收合格不得复产' }
    const warning = { ...error, severity: 'warning' as const, message: '只是提醒' }
    const s = submission(1, '城南街道', [row(6, jiahe), row(7, xinglong, {}, true)], { counts, issues: [error, warning] })
    const c = merge([s])
    const provenance = { unit: '城南街道', file: s.file, sha256: s.sha256, sheet: '摸底台账' }
    expect(c.rows).toEqual([
      { key: `uscc:${jiahe.uscc}`, unit: '城南街道', fields: row(6, jiahe).fields, provenance: { ...provenance, row: 6 } },
      {
        key: `uscc:${xinglong.uscc}`,
        unit: '城南街道',
        fields: row(7, xinglong).fields,
        provenance: { ...provenance, row: 7 },
        errors: ['复产日期（AB7）：未经验收合格不得复产']
      }
    ])
    expect(c.submissions[0]).toMatchObject({ read: 3, accepted: 2, flagged: 1, rejected: 0, blankSkipped: 1 })
    expect(c.equations.every((e) => e.ok)).toBe(true)
  })

  it('counts distinct problems by key, rows without any key each on their own', () => {
    const c = merge([submission(1, '城南街道', [row(6, jiahe), row(7, jiahe), row(8, noKey), row(9, noKey)])])
    expect(c.rows).toHaveLength(4)
    expect(c.distinctProblems).toBe(3)
    expect(c.duplicateGroups).toEqual([])
  })

  it('attributes roll-up rows to their 来源单位, and refuses a roll-up that repeats a unit already provided', () => {
    const rollUp = submission(1, null, [
      { ...row(6, jiahe), sourceUnit: '城南街道' },
      { ...row(7, xinglong), sourceUnit: '城北街道' }
    ])
    const c = merge([rollUp])
    expect(c.rows.map((r) => [r.unit, r.provenance.unit, r.provenance.file])).toEqual([
      ['城南街道', '城南街道', rollUp.file],
      ['城北街道', '城北街道', rollUp.file]
    ])
    expect(c.missingUnits).not.toContain('城南街道')
    const own = submission(2, '城北街道', [row(6, xinglong)])
    const both = merge([rollUp, own])
    expect(statusOf(both, rollUp.file)).toBe('rejected')
    expect(both.submissions.find((s) => s.file === rollUp.file)?.reason).toContain('城北街道')
    expect(both.rows).toHaveLength(1)
  })

  it('lists the expected units that sent no usable file', () => {
    const c = merge([submission(1, '城南街道', [row(6, jiahe)]), refused(2)])
    expect(c.missingUnits).toEqual(towns(defaultCampaign).map((u) => u.name).filter((n) => n !== '城南街道'))
  })
})

describe('duplicates across units and decisions', () => {
  const a = submission(1, '城南街道', [row(6, jiahe, { phone: '13800000000', remarks: '' })])
  const b = submission(2, '城北街道', [row(9, jiahe, { phone: '', remarks: '交界处' }), row(10, shouGou)])
  const key = `uscc:${jiahe.uscc}`

  it('groups the same key from two units side by side and leaves it open', () => {
    const c = merge([b, a])
    expect(c.duplicateGroups).toEqual([
      {
        key,
        keyType: 'uscc',
        units: ['城南街道', '城北街道'],
        rows: [
          { unit: '城南街道', file: a.file, sha256: a.sha256, row: 6, ...jiahe },
          { unit: '城北街道', file: b.file, sha256: b.sha256, row: 9, ...jiahe }
        ],
        decision: null
      }
    ])
    expect(c.rows.filter((r) => r.key === key).map((r) => r.duplicate)).toEqual([true, true])
    expect(c.distinctProblems).toBe(2)
  })

  it('keep-both keeps and flags both rows', () => {
    const d = decision({ kind: 'keep-both', key })
    const c = merge([a, b], [d])
    expect(c.duplicateGroups[0]?.decision).toEqual(d)
    expect(c.rows.filter((r) => r.key === key)).toHaveLength(2)
    expect(c.decisions).toMatchObject([{ decision: d, status: 'applied' }])
  })

  it('attribute keeps only the chosen unit\'s row and the per-unit equation accounts for the removed one', () => {
    const c = merge([a, b], [decision({ kind: 'attribute', key, unit: '城北街道' })])
    expect(c.rows.filter((r) => r.key === key).map((r) => [r.unit, r.duplicate])).toEqual([['城北街道', undefined]])
    expect(c.equations.find((e) => e.name === '单位行数：城南街道')).toMatchObject({ left: 0, right: 0, ok: true })
    expect(c.equations.every((e) => e.ok)).toBe(true)
  })

  it('merge makes one record under the chosen unit, blanks filled from the other row', () => {
    const c = merge([a, b], [decision({ kind: 'merge', key, unit: '城北街道' })])
    const merged = c.rows.filter((r) => r.key === key)
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({
      unit: '城北街道',
      fields: { phone: '13800000000', remarks: '交界处' },
      provenance: { file: b.file, row: 9 },
      mergedFrom: [{ file: a.file, row: 6, unit: '城南街道' }]
    })
  })

  it('reports a decision that cannot apply, and one replaced by a later decision, without losing either', () => {
    const early = decision({ kind: 'attribute', key, unit: '城南街道', at: '2024-05-11T01:00:00.000Z' })
    const late = decision({ kind: 'attribute', key, unit: '南龙镇', at: '2024-05-12T01:00:00.000Z' })
    const gone = decision({ kind: 'keep-both', key: 'uscc:91622901MA7RPRFB13', at: '2024-05-11T12:00:00.000Z' })
    const c = merge([a, b], [late, gone, early])
    expect(c.decisions.map((o) => [o.decision, o.status])).toEqual([
      [early, 'replaced'],
      [gone, 'idle'],
      [late, 'idle']
    ])
    expect(c.duplicateGroups[0]?.decision).toBeNull()
    expect(c.rows.filter((r) => r.key === key)).toHaveLength(2)
  })
})

describe('reconciliation', () => {
  it('states every line in Chinese and holds on consistent input', () => {
    const c = merge([submission(1, '城南街道', [row(6, jiahe)], { counts: { read: 2, blankSkipped: 1 } })])
    expect(c.equations.map((e) => e.label)).toEqual([
      '附件2-城南街道-1.xlsx：读取 2 行 = 可用 1 + 退回 0 + 空行/合计 1',
      '城南街道：汇总 1 行 = 采用 1 − 按决定移除 0',
      '各文件（不含重复文件）可用 1 行 − 被取代版本 0 行 = 取代后 1 行',
      '汇总表 1 行 = 各单位合计 1 行'
    ])
    expect(c.equations.every((e) => e.ok)).toBe(true)
  })

  it('fails the file line when the importer\'s count does not match its rows', () => {
    const c = merge([submission(1, '城南街道', [row(6, jiahe)], { counts: { read: 5, blankSkipped: 1 } })])
    expect(c.equations.filter((e) => !e.ok).map((e) => [e.left, e.right])).toEqual([[5, 2]])
  })
})

describe('rows in order, with where they came from', () => {
  it('a row keeps its record id and 问题编号 when the file had them, and the sheet is blank when unknown', () => {
    const s = submission(1, '城南街道', [{ ...row(6, jiahe), recordId: 'r-1', problemNo: 'LX-001' }, row(7, xinglong)], { sheet: null })
    expect(merge([s]).rows.map((r) => r.provenance)).toEqual([
      { unit: '城南街道', file: s.file, sha256: s.sha256, sheet: '', row: 6, recordId: 'r-1', problemNo: 'LX-001' },
      { unit: '城南街道', file: s.file, sha256: s.sha256, sheet: '', row: 7 }
    ])
  })
  it('rows come by unit in campaign order, then by row of the file', () => {
    const north = submission(1, '城北街道', [row(9, shouGou), row(7, xiChe)])
    const south = submission(2, '城南街道', [row(8, jiahe)])
    const rollUp = submission(3, null, [{ ...row(12, xinglong), sourceUnit: '南龙镇' }, { ...row(11, noKey), sourceUnit: '西关街道' }])
    expect(merge([rollUp, north, south]).rows.map((r) => [r.unit, r.provenance.row])).toEqual([
      ['城南街道', 8],
      ['城北街道', 7],
      ['城北街道', 9],
      ['西关街道', 11],
      ['南龙镇', 12]
    ])
  })
  it('a unit whose file was accepted is not missing, even when it reports no row', () => {
    const c = merge([submission(1, '城南街道', [])])
    expect(c.rows).toEqual([])
    expect(c.missingUnits).not.toContain('城南街道')
    expect(c.missingUnits).toContain('城北街道')
  })
  it('no unit is missing from a form the campaign sets no deadline for', () => {
    expect(consolidate([], [], defaultCampaign, { ...annex2, id: 'weekly-extra' }).missingUnits).toEqual([])
  })
  it('counts distinct problems: one per key however many rows, one per row without a key', () => {
    const c = merge([submission(1, '城南街道', [row(6, jiahe), row(7, noKey)]), submission(2, '城北街道', [row(6, jiahe), row(7, noKey), row(8, xiChe)])])
    expect(c.distinctProblems).toBe(4)
  })
})
