/** Who is behind: one list of what each unit owes, judged by when the office received it, that every view reads. */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { consolidate } from '@shared/merge/consolidate'
import type { Consolidation, Submission } from '@shared/merge/types'
import { behindUnits, campaignDues, missingFor, unreceived } from '@shared/office/behind'
import type { StoredNotice } from '@shared/office/notices'
import { reportingStatus } from '@shared/office/reporting'
import { streamAnnex, streamOf } from '@shared/office/streams'
import { ENTERPRISES, row, submission } from '../merge/builders'

const e = ENTERPRISES[0] as (typeof ENTERPRISES)[number]

function streams(...subs: Submission[]): Map<string, Consolidation> {
  const ids = new Set(subs.map(streamOf))
  return new Map([...ids].map((id) => [id, consolidate(subs.filter((s) => streamOf(s) === id), [], defaultCampaign, streamAnnex(id))]))
}

const notice = (seq: number, unit: string, deadline: string, feedback: string | null): StoredNotice => ({
  unit,
  copyTo: [],
  subject: '',
  source: '台账核查',
  items: [],
  requirements: [],
  deadline,
  seq,
  year: 2024,
  number: `临市散办督〔2024〕${seq}号`,
  issuedAt: '2024-05-13',
  issuedBy: '王主任',
  feedback: feedback ? { date: feedback, result: '已整改', by: '王主任' } : null
})

describe('what each unit owes, and who is behind', () => {
  it('on 5/20 with nothing received: every member owes 附件1, every town 附件2, towns and leads 第1期', () => {
    const dues = campaignDues(defaultCampaign, { streams: new Map(), notices: [], today: '2024-05-20' })
    const behind = behindUnits(dues)
    expect(behind).toHaveLength(24)
    expect(behind.find((b) => b.unit === '城南街道')?.items.map((i) => [i.label, i.due])).toEqual([
      ['附件1', '2024-04-30'],
      ['附件2', '2024-05-10'],
      ['第1期工作进展', '2024-05-17']
    ])
    // 市商务局 leads a task group (第1期 is due to it), 市交通局 is a member only.
    expect(behind.find((b) => b.unit === '市商务局')?.items.map((i) => i.label)).toEqual(['附件1', '第1期工作进展'])
    expect(behind.find((b) => b.unit === '市交通局')?.items.map((i) => i.label)).toEqual(['附件1'])
    // Due this Friday, and 附件3 later: owed, not yet overdue.
    const chengnan = dues.find((d) => d.unit === '城南街道')?.items ?? []
    expect(chengnan.filter((i) => !i.overdue).map((i) => i.id)).toEqual(['annex3', 'annex4', 'weekly:2024-05-24'])
    expect(missingFor(dues, 'annex2')).toHaveLength(11)
  })

  it('judges receipt and lateness by when the office took the file in, not by the unit’s 填报日期', () => {
    const annex2 = { annex: 'annex2', sheet: '摸底台账' }
    const all = streams(
      // Dated after the deadline, received before it: on time.
      submission(1, '八坊街道', [row(6, e)], { ...annex2, filledDate: '2024-05-12', receivedAt: '2024-05-09T02:00:00.000Z' }),
      // Dated before the deadline, received after it (5/11 00:30 China time): late.
      submission(2, '城郊镇', [row(6, e)], { ...annex2, filledDate: '2024-05-09', receivedAt: '2024-05-10T16:30:00.000Z' }),
      // 第1期 of 八坊街道 at 13:00 China time on the Friday: after 12:00, late.
      submission(3, '八坊街道', [row(6, e, { unit: '八坊街道' })], { annex: 'weekly', sheet: '工作进展', filledDate: '2024-05-17', receivedAt: '2024-05-17T05:00:00.000Z' })
    )
    const notices = [notice(1, '南龙镇', '2024-05-15', null), notice(2, '城郊镇', '2024-05-15', '2024-05-16'), notice(3, '市工信局', '2024-05-25', null)]
    const dues = campaignDues(defaultCampaign, { streams: all, notices, today: '2024-05-20' })
    const item = (unit: string, id: string) => dues.find((d) => d.unit === unit)?.items.find((i) => i.id === id)
    expect(item('八坊街道', 'annex2')).toMatchObject({ overdue: false, received: { filledDate: '2024-05-12', late: false } })
    expect(item('城郊镇', 'annex2')).toMatchObject({ overdue: false, received: { filledDate: '2024-05-09', late: true } })
    expect(item('八坊街道', 'weekly:2024-05-17')).toMatchObject({ overdue: false, received: { late: true } })
    expect(item('城郊镇', 'notice:临市散办督〔2024〕2号')).toMatchObject({ overdue: false, received: { late: true } })
    expect(item('南龙镇', 'notice:临市散办督〔2024〕1号')).toMatchObject({ overdue: true, received: null, label: '临市散办督〔2024〕1号反馈' })
    // A notice to a department (牵头单位) is owed by it; its deadline is still ahead.
    expect(item('市工信局', 'notice:临市散办督〔2024〕3号')).toMatchObject({ overdue: false, received: null })

    const behind = new Map(behindUnits(dues).map((b) => [b.unit, b.items.map((i) => i.label)]))
    expect(behind.get('八坊街道')).toEqual(['附件1'])
    expect(behind.get('城郊镇')).toEqual(['附件1', '第1期工作进展'])
    expect(behind.get('南龙镇')).toEqual(['附件1', '附件2', '第1期工作进展', '临市散办督〔2024〕1号反馈'])

    // 报送情况 and the week's list read the same dues.
    const reporting = reportingStatus(dues)
    const annex2Status = reporting.find((r) => r.id === 'annex2')
    expect(annex2Status?.units.filter((u) => !u.received).map((u) => u.unit)).toEqual(missingFor(dues, 'annex2'))
    expect(reporting.some((r) => r.id.startsWith('notice:'))).toBe(false)
    const week = all.get('weekly:2024-05-17') as Consolidation
    expect(unreceived(defaultCampaign, 'towns-and-leads', week)).toEqual(missingFor(dues, 'weekly:2024-05-17'))
    expect(missingFor(dues, 'weekly:2024-05-17')).not.toContain('八坊街道')
  })

  it('after the last Friday every report of the campaign is due, none pending', () => {
    const dues = campaignDues(defaultCampaign, { streams: new Map(), notices: [], today: '2024-10-08' })
    const chengnan = dues.find((d) => d.unit === '城南街道')?.items ?? []
    expect(chengnan.filter((i) => i.id.startsWith('weekly:'))).toHaveLength(7)
    expect(chengnan.every((i) => i.overdue)).toBe(true)
  })
})
