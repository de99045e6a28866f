import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { chinaClock, chinaDate, chinaDateTime, chinaDateTimeCn, chinaFileStamp, chinaInstant } from '@shared/domain/chinaTime'
import { decisionLog, decisionOutcomes } from '@shared/merge/decisionLog'
import type { Decision } from '@shared/merge/types'
import { decidedBy } from '../../electron/services/merge/wording'
import { historyLine } from '../../renderer/src/features/lifecycle/historyLine'
import { decisionText } from '../../renderer/src/features/office/labels'

const root = resolve(import.meta.dirname, '../..')
// 07:30 on 5月9日 in 临夏, still 5月8日 in UTC.
const early = '2024-05-08T23:30:00.000Z'

describe('China time', () => {
  it('is the time zone the tests run in (test/vitest.config.ts), as on the clerks\u2019 PCs', () => {
    expect(process.env['TZ']).toBe('Asia/Shanghai')
    expect(new Date(early).getHours()).toBe(7)
  })

  it('shows an instant as a clock in 临夏 reads it: an edit at 07:30 on 5月9日 is 2024-05-09 07:30', () => {
    expect(chinaDate(early)).toBe('2024-05-09')
    expect(chinaDateTime(early)).toBe('2024-05-09 07:30')
    expect(chinaDateTimeCn(new Date(early))).toBe('2024年5月9日 07:30')
    expect(chinaClock('2024-05-09T02:03:04Z')).toBe('10:03:04')
    expect(chinaFileStamp(early)).toBe('20240509-073000')
    expect(historyLine({ at: early, by: '马晓明', recordId: 'r1', op: 'update', field: 'phone', from: '', to: '13800000000' })).toBe(
      '2024-05-09 07:30 马晓明：联系电话 （空） → 13800000000'
    )
  })

  it('turns the day at midnight in China, not in UTC, across months and years', () => {
    expect(chinaDate('2024-05-08T15:59:59.999Z')).toBe('2024-05-08')
    expect(chinaDate('2024-05-08T16:00:00.000Z')).toBe('2024-05-09')
    expect(chinaDateTimeCn('2023-12-31T16:00:00Z')).toBe('2024年1月1日 00:00')
    expect(chinaInstant('2024-05-24', '12:00').toISOString()).toBe('2024-05-24T04:00:00.000Z')
    expect(chinaInstant('2024-01-01').toISOString()).toBe('2023-12-31T16:00:00.000Z')
  })

  it('shows an unreadable stored time as it was stored, never "NaN"', () => {
    expect(chinaDateTime('昨天')).toBe('昨天')
    expect(chinaDate(new Date(Number.NaN))).toBe('')
  })

  it('dates a decision made at 07:30 with that day, and the conflicts panel says when in words, with no raw "…Z"', () => {
    const first: Decision = { kind: 'keep-both', key: 'uscc:91622901MA71234567', at: early, by: '马' }
    const later: Decision = { kind: 'attribute', key: first.key, unit: '八坊街道', at: '2024-05-09T00:10:00.000Z', by: '马' }
    expect(decisionText(first)).toBe('两单位分别统计（马，2024年5月9日）')
    expect(decidedBy(first)).toBe('马，2024年5月9日 07:30')
    const [replaced] = decisionOutcomes(decisionLog([first, later]), new Map())
    expect(replaced?.note).toBe('已被 2024年5月9日 08:10 的决定取代')
    expect(replaced?.note).not.toMatch(/\dZ|T\d\d:/)
  })

  it('shows the same times, days and notes whatever time zone the machine is set to', async () => {
    const run = promisify(execFile)
    const probe = (tz: string): Promise<string> =>
      run(join(root, 'node_modules/.bin/tsx'), ['test/helpers/chinaTimeProbe.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: tz } }).then(
        (r) => r.stdout
      )
    const outputs = await Promise.all(['UTC', 'America/New_York'].map(probe))
    for (const output of outputs) expect(JSON.parse(output)).toEqual({
      date: '2024-05-09',
      dateTime: '2024-05-09 07:30',
      dateTimeCn: '2024年5月9日 07:30',
      clock: '07:30:00',
      fileStamp: '20240509-073000',
      history: '2024-05-09 07:30 马：登记',
      officeDecision: '两单位分别统计（马，2024年5月9日）',
      decidedBy: '马，2024年5月9日 07:30',
      replacedNote: ['已被 2024年5月9日 08:10 的决定取代', '没有可执行的对象'],
      lateAt1159: false,
      lateAt1201: true,
      stream: 'weekly:2024-05-31',
      workingDay: '2024-05-10'
    })
  })
})
