/**
 * What a 督办通知 says of each problem (issue 19): dates written as a 公文 writes them (2024年5月31日, never
 * 2024-05-31), and the items the office is offered.
 */
import { describe, expect, it } from 'vitest'
import type { RecordFields } from '@shared/ledger/record'
import { overdueRecordItems, reportedDone } from '@shared/office/notices'

describe('督办 items', () => {
  it('names the passed 完成时限 in Chinese, and only for records not yet completed', () => {
    const records = [
      { problemNo: 'LXS-2024-005-0007', fields: { name: '临夏市嘉禾建材有限公司', address: '城郊镇王坪村', category: '升级改造', deadline: '2024-05-31', status: '整治中' } },
      { problemNo: 'LXS-2024-005-0008', fields: { name: '临夏市顺达彩钢加工点', address: '城郊镇罗家湾村', category: '关停取缔', deadline: '2024-05-31', status: '已完成' } },
      { problemNo: 'LXS-2024-005-0009', fields: { name: '临夏市清河洗车行', address: '八坊街道', category: '升级改造', deadline: '2024-06-30', status: '整治中' } }
    ]
    expect(overdueRecordItems(records, '2024-06-05')).toEqual([
      { problemNo: 'LXS-2024-005-0007', name: '临夏市嘉禾建材有限公司', address: '城郊镇王坪村', issue: '升级改造类问题，完成时限2024年5月31日已过，尚未完成整治' }
    ])
  })

  it('reads “done” from what a unit’s 附件3/附件4 print: 整治进展, 验收结论 合格 or a 销号日期', () => {
    const done = (rows: RecordFields[]): boolean[] => rows.map((f) => reportedDone(f))
    expect(done([{ progress: '已完成' }, { progress: '已销号' }, { acceptResult: '合格' }, { closeDate: '2024-09-20' }, { status: '已验收' }])).toEqual([true, true, true, true, true])
    expect(done([{ progress: '整治中' }, { progress: '已停产' }, { progress: '转关停取缔' }, { acceptResult: '不合格' }, {}])).toEqual([false, false, false, false, false])
  })
})
