/** Which received file is used, which is set aside and why: the office reads these reasons word by word. */
import { describe, expect, it } from 'vitest'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { consolidate } from '@shared/merge/consolidate'
import type { Decision, Submission, SubmissionRow } from '@shared/merge/types'
import { decision, ENTERPRISES, refused, row, submission } from './builders'

const [jiahe, xinglong, shouGou, xiChe] = ENTERPRISES
const merge = (subs: Submission[], decisions: Decision[] = []): ReturnType<typeof consolidate> =>
  consolidate(subs, decisions, defaultCampaign, annex2)
const outcome = (subs: Submission[], decisions: Decision[] = []): [string, string, string | undefined][] =>
  merge(subs, decisions).submissions.map((s) => [s.file, s.status, s.reason])
/** A roll-up row: reported by `unit`, as in a consolidated workbook sent back in. */
const from = (unit: string, r: SubmissionRow): SubmissionRow => ({ ...r, sourceUnit: unit })
const UNKNOWN_UNIT = '无法确定填报单位：文件中没有可识别的“填报单位”行，各行的乡镇（街道）也不是同一个，请退回报送单位补填后重新报送'

describe('files that cannot be used', () => {
  it('a second copy of the same bytes names the first one', () => {
    const first = submission(1, '城南街道', [row(6, jiahe)])
    const copy = { ...first, file: '附件2-城南街道(1).xlsx', receivedAt: '2024-05-11T00:00:00.000Z' }
    expect(merge([first, copy]).submissions.find((s) => s.file === copy.file)?.reason).toBe(
      '与已收到的“附件2-城南街道-1.xlsx”内容完全相同，未重复合并'
    )
  })

  it('a refused file gives the importer\'s first error, or says it could not be read when there is none', () => {
    const warned = refused(1)
    const warning = { ...warned.issues[0]!, severity: 'warning' as const, message: '第 6 行电话号码位数不对' }
    const withWarningFirst = { ...warned, issues: [warning, ...warned.issues] }
    expect(merge([withWarningFirst]).submissions[0]?.reason).toBe('文件“坏文件-1.xlsx”不是有效的 .xlsx 文件')
    expect(merge([{ ...refused(2), issues: [] }]).submissions[0]?.reason).toBe('文件无法读取')
  })

  it('a file without 填报单位 is used only as a roll-up whose every usable row names its 来源单位', () => {
    const noRows = submission(1, null, [])
    const allRejected = submission(2, null, [row(6, jiahe, {}, true)])
    const partly = submission(3, null, [from('城南街道', row(6, jiahe)), row(7, xinglong)])
    const rollUp = submission(4, null, [from('城南街道', row(6, jiahe)), row(7, xinglong, {}, true)])
    expect(outcome([noRows, allRejected, partly, rollUp])).toEqual([
      [noRows.file, 'rejected', UNKNOWN_UNIT],
      [allRejected.file, 'rejected', UNKNOWN_UNIT],
      [partly.file, 'rejected', UNKNOWN_UNIT],
      [rollUp.file, 'accepted', '未注明来源单位，无法计入任何单位，退回：第7行']
    ])
  })

  // Issue 20, finding 1: the 合并报告 said 退回 1 with an empty 说明.
  it('a usable file names each row with errors, taken in flagged, with its error, five at most', () => {
    const issue = (row: number, message: string) => ({ severity: 'error' as const, code: 'X', sheet: '摸底台账', cell: `S${row}`, row, column: null, message })
    const one = submission(1, '城郊镇', [row(6, jiahe), row(7, xinglong, {}, true)], { issues: [issue(7, '未经验收合格不得复产（验收结论须为“合格”）')] })
    const many = submission(2, '城南街道', [6, 7, 8, 9, 10, 11].map((n) => row(n, jiahe, {}, true)))
    const reasons = new Map(outcome([one, many]).map(([file, , reason]) => [file, reason]))
    expect(reasons.get(one.file)).toBe('有错误，已汇总并标红：第7行（S7：未经验收合格不得复产（验收结论须为“合格”）），请通知报送单位改正后重新报送')
    expect(reasons.get(many.file)).toBe('有错误，已汇总并标红：第6行；第7行；第8行；第9行；第10行等6行，请通知报送单位改正后重新报送')
    expect(merge([one]).submissions[0]).toMatchObject({ read: 2, accepted: 2, flagged: 1, rejected: 0 })
  })
})

describe('versions of a unit and the office\'s pin', () => {
  const v1 = submission(1, '南龙镇', [row(6, jiahe)], { filledDate: '2024-05-08' })
  const v2 = submission(2, '南龙镇', [row(6, xinglong)], { filledDate: '2024-05-10' })
  const pin = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: v1.sha256 })

  it('the pinned older file is used; the newer one says the office chose the other', () => {
    const c = merge([v1, v2], [pin])
    expect(c.decisions).toEqual([{ decision: pin, status: 'applied', note: '南龙镇使用“附件2-南龙镇-1.xlsx”（填报日期 2024年5月8日）' }])
    expect(c.submissions.find((s) => s.file === v2.file)?.reason).toBe('办公室决定使用“附件2-南龙镇-1.xlsx”（填报日期 2024年5月8日）')
  })

  it('a pinned file without 填报日期 is named as such', () => {
    const undated = { ...v1, filledDate: null }
    const c = merge([undated, v2], [pin])
    expect(c.decisions.map((d) => d.note)).toEqual(['南龙镇使用“附件2-南龙镇-1.xlsx”（未填填报日期）'])
    expect(c.submissions.find((s) => s.file === v2.file)?.reason).toBe('办公室决定使用“附件2-南龙镇-1.xlsx”（未填填报日期）')
  })

  it('a file received after the pin replaces the pinned one, and the pin is reported as not applied', () => {
    const v3 = submission(3, '南龙镇', [row(6, shouGou)], { filledDate: '2024-05-12', receivedAt: '2024-05-12T00:00:00.000Z' })
    const c = merge([v1, v2, v3], [pin])
    expect(c.decisions).toEqual([
      {
        decision: pin,
        status: 'idle',
        note: '此后又收到较新的“附件2-南龙镇-3.xlsx”（填报日期 2024年5月12日），已改用该文件；如仍要使用“附件2-南龙镇-1.xlsx”，请重新决定'
      }
    ])
    expect(c.submissions.map((s) => [s.status, s.reason])).toEqual([
      ['superseded', '已被较新的“附件2-南龙镇-3.xlsx”（填报日期 2024年5月12日）取代'],
      ['superseded', '已被较新的“附件2-南龙镇-3.xlsx”（填报日期 2024年5月12日）取代'],
      ['accepted', undefined]
    ])
  })

  it('a file received at the very instant of the pin was known to it: the pin still holds', () => {
    const v3 = submission(3, '南龙镇', [row(6, shouGou)], { filledDate: '2024-05-12', receivedAt: pin.at })
    const c = merge([v1, v2, v3], [pin])
    expect(c.decisions.map((d) => d.status)).toEqual(['applied'])
    expect(c.submissions.map((s) => s.status)).toEqual(['accepted', 'superseded', 'superseded'])
  })

  it('a pin on a file that is not there names the unit, the first 8 characters of the sha256 and the form', () => {
    const stale = decision({ kind: 'use-version', unit: '南龙镇', annex: 'annex2', sha256: `abcdef12${'0'.repeat(56)}` })
    expect(merge([v1, v2], [stale]).decisions.map((d) => [d.status, d.note])).toEqual([
      ['idle', '南龙镇没有 sha256 以 abcdef12 开头的可用附件2文件，未执行']
    ])
  })

  it('roll-ups whose issuer is unknown are no versions of one another: each stands alone', () => {
    const south = submission(1, null, [from('城南街道', row(6, jiahe))])
    const north = submission(2, null, [from('城北街道', row(6, xinglong))])
    expect(merge([south, north]).submissions.map((s) => s.status)).toEqual(['accepted', 'accepted'])
  })
})

describe('a unit\'s rows come from one file only', () => {
  it('a roll-up repeating units already provided is refused, naming the units and the files that provided them', () => {
    const south = submission(1, '城南街道', [row(6, jiahe)])
    const north = submission(2, '城北街道', [row(6, xinglong)])
    const rollUp = submission(3, null, [from('城南街道', row(7, shouGou)), from('城北街道', row(8, xiChe)), from('南龙镇', row(9, jiahe))])
    expect(merge([south, north, rollUp]).submissions.find((s) => s.file === rollUp.file)).toMatchObject({
      status: 'rejected',
      accepted: 0,
      reason:
        '汇总表中城南街道、城北街道的记录已由“附件2-城南街道-1.xlsx”、“附件2-城北街道-2.xlsx”提供，再并入会重复计数；请去掉这个汇总表，或改用各单位的原始文件汇总'
    })
  })

  it('a second roll-up of the same units names the first roll-up once', () => {
    const first = submission(1, null, [from('城南街道', row(6, jiahe)), from('城北街道', row(7, xinglong))])
    const second = submission(2, null, [from('城南街道', row(6, shouGou)), from('城北街道', row(7, xiChe))])
    expect(outcome([first, second])).toEqual([
      [first.file, 'accepted', undefined],
      [
        second.file,
        'rejected',
        '汇总表中城南街道、城北街道的记录已由“附件2-未知-1.xlsx”提供，再并入会重复计数；请去掉这个汇总表，或改用各单位的原始文件汇总'
      ]
    ])
  })

  it('a unit\'s own file wins over a roll-up listing it, even when the roll-up comes first', () => {
    // Issued by 城南街道, so it sorts before 城北街道's own file.
    const rollUp = submission(1, '城南街道', [from('城北街道', row(6, xinglong))])
    const own = submission(2, '城北街道', [row(6, xinglong)])
    expect(merge([rollUp, own]).submissions.map((s) => [s.file, s.status])).toEqual([
      [rollUp.file, 'rejected'],
      [own.file, 'accepted']
    ])
  })

  it('a roll-up listing its own issuer\'s rows is no repeat of itself', () => {
    const rollUp = submission(1, '城北街道', [from('城北街道', row(6, xinglong)), from('南龙镇', row(7, jiahe))])
    expect(merge([rollUp]).submissions.map((s) => s.status)).toEqual(['accepted'])
  })

  it('a roll-up is a roll-up by any row naming its 来源单位, and then overlaps like one', () => {
    // Its unattributed row is rejected anyway, so the file can be attributed; it still repeats 城北街道.
    const rollUp = submission(1, null, [from('城北街道', row(6, xinglong)), row(7, jiahe, {}, true)])
    const own = submission(2, '城北街道', [row(6, xinglong)])
    expect(merge([rollUp, own]).submissions.map((s) => [s.file, s.status])).toEqual([
      [own.file, 'accepted'],
      [rollUp.file, 'rejected']
    ])
  })

  it('a roll-up row with errors still counts for its unit, so it repeats that unit too', () => {
    const own = submission(1, '城北街道', [row(6, xinglong)])
    const rollUp = submission(2, null, [from('城南街道', row(6, jiahe)), from('城北街道', row(7, xinglong, {}, true))])
    expect(merge([own, rollUp]).submissions.map((s) => s.status)).toEqual(['accepted', 'rejected'])
  })
})
