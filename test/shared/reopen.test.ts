import { describe, expect, it } from 'vitest'
import { canReopen, reopenDeadline, reopenFields } from '@shared/lifecycle/reopen'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { RecordFields } from '@shared/ledger/record'

// plan 四(一): a 2023 item found back in production (死灰复燃) becomes a new 2024 关停取缔 record.
const item: RecordFields = {
  track: 'huikan', hkResurgent: '是', hkLinked: '', town: '城郊镇', village: '王坪村', name: '临夏市某石料厂', uscc: '91622901MA7B8HHWGC',
  operator: '马某', phone: '13800000000', address: '王坪村1号', hkFinding: '夜间生产', hkClosedDate: '2023-09-30', hkCategory2023: '关停取缔', hkMeasure: ''
}

const ON = { today: '2024-06-20', deadline: '2024-06-28' }

describe('reopening a 回头看 item', () => {
  it('is possible only for a 回头看 item found resurgent and not yet linked to a record', () => {
    expect(canReopen(item)).toBe(true)
    expect(canReopen({ ...item, hkResurgent: ' 是 ' })).toBe(true)
    expect(canReopen({ ...item, track: 'ledger' })).toBe(false)
    expect(canReopen({ ...item, hkResurgent: '否' })).toBe(false)
    expect(canReopen({ ...item, hkLinked: 'LX-2024-001' })).toBe(false)
    expect(canReopen({ ...item, hkLinked: ['x'] })).toBe(true)
  })
  it('makes a 关停取缔 record under way that copies who and where, and points back to the item', () => {
    const { record } = reopenFields(item, 'hk-7', 'LX-2024-031', ON)
    expect(record).toEqual({
      town: '城郊镇', village: '王坪村', name: '临夏市某石料厂', uscc: '91622901MA7B8HHWGC', operator: '马某', phone: '13800000000', address: '王坪村1号',
      problemTypes: ['乱', '污'],
      problems: '2023年已整治销号，回头看发现死灰复燃（夜间生产）',
      category: '关停取缔',
      measures: '立即重新实施“两断三清”，依法予以关停取缔',
      source: '回头看发现',
      foundDate: '2024-06-20',
      deadline: '2024-06-28',
      status: '整治中',
      recheck: '反弹',
      reopenedFrom: 'hk-7',
      reopenDate: '2024-06-20',
      remarks: '原2023年关停取缔，2023-09-30销号'
    })
  })
  // Issue 20, finding 3: the reopened record lacked 发现日期 and 完成时限, and the office could not take it.
  it('is found on the 回头看\'s 核查日期 (never later than the reopening) and due by the phase under way', () => {
    expect(reopenFields({ ...item, hkCheckDate: '2024-06-12' }, 'hk-7', 'LX', ON).record['foundDate']).toBe('2024-06-12')
    expect(reopenFields({ ...item, hkCheckDate: '2024-07-01' }, 'hk-7', 'LX', ON).record['foundDate']).toBe('2024-06-20')
    expect(reopenDeadline(item, defaultCampaign, '2024-06-20')).toBe('2024-06-28')
    expect(reopenDeadline(item, defaultCampaign, '2024-07-02')).toBe('2024-09-30')
    expect(reopenDeadline({ ...item, hkDeadline: '2024-07-15' }, defaultCampaign, '2024-07-02')).toBe('2024-07-15')
    // A 整改时限 already past is no deadline for a record opened today.
    expect(reopenDeadline({ ...item, hkDeadline: '2024-06-01' }, defaultCampaign, '2024-07-02')).toBe('2024-09-30')
    expect(reopenDeadline(item, defaultCampaign, '2024-10-08')).toBe('2024-10-08')
  })
  it('says less when the item lacks the finding or the closing date, and copies blanks as blanks', () => {
    const { record } = reopenFields({ track: 'huikan', uscc: '91622901MA7B8HHWGC', hkCategory2023: '升级改造' }, 'hk-8', 'LX-2024-032', ON)
    expect(record).toMatchObject({ town: '', name: '', problems: '2023年已整治销号，回头看发现死灰复燃', remarks: '原2023年升级改造' })
  })
  it('an enterprise without a code (blank or 无) is still unlicensed', () => {
    for (const uscc of ['', ' 无 ']) {
      expect(reopenFields({ ...item, uscc }, 'hk-7', 'LX', ON).record).toMatchObject({ uscc: '无', sector: '无证照', licBusiness: '无' })
    }
    expect(reopenFields(item, 'hk-7', 'LX', ON).record).not.toHaveProperty('sector')
  })
  it('links the item to the new record, and its measure becomes 转关停取缔 unless one was written', () => {
    expect(reopenFields(item, 'hk-7', 'LX-2024-031', ON).item).toEqual({ ...item, hkLinked: 'LX-2024-031', hkMeasure: '转关停取缔' })
    expect(reopenFields({ ...item, hkMeasure: '已关停' }, 'hk-7', 'LX', ON).item['hkMeasure']).toBe('已关停')
  })
})
