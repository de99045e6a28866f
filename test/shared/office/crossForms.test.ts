/**
 * Issue 20, finding 5: the office's 附件2 had 151 rows (南龙镇 never sent one), its 附件3 182, and nothing said so;
 * Friday figures never added up to the 累计. Every unit's forms are now checked against each other.
 */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'
import { consolidate } from '@shared/merge/consolidate'
import type { Consolidation, Submission } from '@shared/merge/types'
import { crossBlockers, crossFormChecks, withConfirmations } from '@shared/office/crossForms'
import { streamAnnex } from '@shared/office/streams'
import { ENTERPRISES, row, submission } from '../merge/builders'

const [jiahe, xinglong, feipin, xiche] = ENTERPRISES as [(typeof ENTERPRISES)[0], (typeof ENTERPRISES)[0], (typeof ENTERPRISES)[0], (typeof ENTERPRISES)[0]]
const upgrade = { category: '升级改造' }
const closure = { category: '关停取缔', status: '已完成' }

let n = 0
/** One unit's form or 附表 as received. */
const form = (stream: string, unit: string, rows: Submission['rows'], filledDate = '2024-06-27'): Submission => {
  const annex = stream.split(':')[0] as string
  return submission(++n, unit, rows, { annex, filledDate, file: `${stream}-${unit}-${n}.xlsx` })
}
const weeklyRow = (unit: string, fields: RecordFields): Submission['rows'][number] => ({ rowNumber: 6, fields: { unit, ...fields }, flagged: false })

function streams(files: Submission[]): Map<string, Consolidation> {
  const byStream = new Map<string, Submission[]>()
  for (const f of files) {
    const stream = f.annex === 'weekly' ? `weekly:${f.filledDate}` : (f.annex as string)
    byStream.set(stream, [...(byStream.get(stream) ?? []), f])
  }
  return new Map([...byStream].map(([stream, subs]) => [stream, consolidate(subs, [], defaultCampaign, streamAnnex(stream))]))
}

const failing = (files: Submission[]) => crossFormChecks(defaultCampaign, streams(files)).filter((c) => !c.ok).map((c) => [c.id, c.findings])

describe('checks across forms', () => {
  it('hold when a unit\'s forms list the same problems and its Friday report gives 附件3\'s figures', () => {
    const checks = crossFormChecks(defaultCampaign, streams([
      form('annex2', '城郊镇', [row(6, jiahe, upgrade), row(7, xinglong, closure)], '2024-05-09'),
      form('annex3', '城郊镇', [row(6, jiahe, upgrade), row(7, xinglong, closure)]),
      form('annex4', '城郊镇', [row(6, jiahe, upgrade)], '2024-09-26'),
      form('weekly', '城郊镇', [weeklyRow('城郊镇', { records: '2', 'doneTotal关停取缔': '1' })], '2024-06-28')
    ]))
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['annex2-annex3:城郊镇', true],
      ['annex3-annex4:城郊镇', true],
      ['weekly-annex3:城郊镇:2024-06-28', true]
    ])
  })

  it('say a unit that sent 附件3 without 附件2 (the issue\'s 南龙镇), but not of a department, which owes none', () => {
    expect(failing([form('annex3', '南龙镇', [row(6, jiahe), row(7, xinglong)]), form('annex3', '市工信局', [row(6, feipin)])])).toEqual([
      ['annex3-without-annex2:南龙镇', ['已报附件3（2个问题），未报附件2摸底台账']]
    ])
  })

  it('name the problems dropped from 附件3, found after 附件2, or missing from 附件4', () => {
    expect(failing([
      form('annex2', '城郊镇', [row(6, jiahe, upgrade), row(7, xinglong)], '2024-05-09'),
      form('annex3', '城郊镇', [row(6, jiahe, upgrade), row(7, feipin, upgrade)]),
      form('annex4', '城郊镇', [row(6, xiche, upgrade)], '2024-09-26')
    ])).toEqual([
      ['annex2-annex3:城郊镇', [`附件2的1个问题不在附件3中：${xinglong.name}`, `附件3有1个问题不在附件2中（摸底后新发现的，应补报附件2）：${feipin.name}`]],
      ['annex3-annex4:城郊镇', [`附件4的1个问题不在附件3中：${xiche.name}`, `附件3中升级改造、整合搬迁的2个问题不在附件4中：${jiahe.name}、${feipin.name}`]]
    ])
  })

  it('compare 附件3 with the Friday report of its week, and each 附表 with the unit\'s week before', () => {
    const a3 = form('annex3', '八坊街道', [row(6, jiahe, closure), row(7, xinglong)])
    const a2 = form('annex2', '八坊街道', [row(6, jiahe), row(7, xinglong)], '2024-05-09')
    const w = (friday: string, fields: RecordFields) => form('weekly', '八坊街道', [weeklyRow('八坊街道', fields)], friday)
    expect(failing([
      a2,
      a3,
      w('2024-06-14', { records: '2', 'doneTotal关停取缔': '0' }),
      // 本周 1 on top of last week's 0 is 1, reported as 2; and 附件3 of the week says 1 done.
      w('2024-06-21', { records: '2', 'doneWeek关停取缔': '1', 'doneTotal关停取缔': '2' }),
      // After a skipped week (6/28 not sent) nothing is checked against 6/21.
      w('2024-07-05', { records: '3', 'doneTotal关停取缔': '9' })
    ])).toEqual([
      ['weekly-chain:八坊街道:2024-06-21', ['累计完成（关停取缔）：上周0 + 本周1 = 1，报为2']]
    ])
    expect(failing([a2, a3, w('2024-06-28', { records: '3', 'doneTotal关停取缔': '0' })])).toEqual([
      ['weekly-annex3:八坊街道:2024-06-28', ['摸底问题数：2024年6月28日工作进展报3个，附件3列2个', '累计完成：2024年6月28日工作进展报0个，附件3完成1个']]
    ])
  })

  it('block the workbooks of their forms until the office confirms exactly these findings', () => {
    const files = [form('annex2', '城郊镇', [row(6, jiahe)], '2024-05-09'), form('annex3', '城郊镇', [row(6, jiahe), row(7, xinglong)])]
    const checks = crossFormChecks(defaultCampaign, streams(files))
    const [check] = checks
    if (!check) throw new Error('a check')
    const confirmation = { check: check.id, findings: check.findings, note: '5月14日新发现', at: '2024-06-28T02:00:00.000Z', by: '王主任' }
    expect(crossBlockers(withConfirmations(checks, []), 'annex3')).toEqual([`城郊镇：附件2 1 个问题与附件3 2 个问题不一致：附件3有1个问题不在附件2中（摸底后新发现的，应补报附件2）：${xinglong.name}`])
    expect(crossBlockers(withConfirmations(checks, []), 'annex4')).toEqual([])
    expect(crossBlockers(withConfirmations(checks, [confirmation]), 'annex3')).toEqual([])
    // A second new problem is a new difference: the confirmation of the first does not cover it.
    const more = crossFormChecks(defaultCampaign, streams([...files.slice(0, 1), form('annex3', '城郊镇', [row(6, jiahe), row(7, xinglong), row(8, feipin)])]))
    expect(withConfirmations(more, [confirmation])[0]?.confirmed).toBeNull()
  })
})
