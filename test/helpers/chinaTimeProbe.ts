/**
 * Prints, as JSON, what the app shows for fixed instants: times, days, the notes and file names built from them.
 * chinaTime.test.ts runs it under several machine time zones; its output must not change.
 */
import { chinaClock, chinaDate, chinaDateTime, chinaDateTimeCn, chinaFileStamp } from '@shared/domain/chinaTime'
import type { Decision } from '@shared/merge/types'
import { decisionLog, decisionOutcomes } from '@shared/merge/decisionLog'
import { receivedLate } from '@shared/office/behind'
import { streamOf } from '@shared/office/streams'
import { decidedBy } from '../../electron/services/merge/wording'
import { workingNow } from '../../electron/services/workingDate'
import { historyLine } from '../../renderer/src/features/lifecycle/historyLine'
import { decisionText } from '../../renderer/src/features/office/labels'

// 07:30 on 5月9日 in 临夏, still 5月8日 in UTC.
const early = '2024-05-08T23:30:00.000Z'
const first: Decision = { kind: 'keep-both', key: 'uscc:91622901MA71234567', at: early, by: '马' }
const second: Decision = { kind: 'attribute', key: first.key, unit: '八坊街道', at: '2024-05-09T00:10:00.000Z', by: '马' }

const shown = {
  date: chinaDate(early),
  dateTime: chinaDateTime(early),
  dateTimeCn: chinaDateTimeCn(new Date(early)),
  clock: chinaClock(early),
  fileStamp: chinaFileStamp(early),
  history: historyLine({ at: early, by: '马', recordId: 'r1', op: 'create' }),
  officeDecision: decisionText(first),
  decidedBy: decidedBy(first),
  replacedNote: decisionOutcomes(decisionLog([first, second]), new Map()).map((o) => o.note),
  // Friday 2024-05-24, due at 12:00 China time (04:00 UTC).
  lateAt1159: receivedLate('2024-05-24T03:59:00.000Z', '2024-05-24', '12:00'),
  lateAt1201: receivedLate('2024-05-24T04:01:00.000Z', '2024-05-24', '12:00'),
  // A 附表 with no 填报日期 received Saturday 07:00 in 临夏 belongs to the week ending the next Friday.
  stream: streamOf({ annex: 'weekly', filledDate: null, receivedAt: '2024-05-24T23:00:00.000Z' }),
  workingDay: chinaDate(workingNow({ SLW_TODAY: '2024-05-10' }))
}
process.stdout.write(JSON.stringify(shown))
