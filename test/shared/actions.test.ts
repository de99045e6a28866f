import { describe, expect, it } from 'vitest'
import { actionsFor, applyAction, shouldConvert } from '@shared/lifecycle/actions'
import type { RecordFields } from '@shared/ledger/record'

// annexes.md §2.3: the steps of one record, and what each step writes.
const TODAY = '2024-06-20'
const offered = (f: RecordFields): string[] => actionsFor(f, TODAY).map((o) => `${o.action}:${o.label}→${o.to}`)

describe('the steps a record is offered', () => {
  it('a new record may stop or start; an 升级改造 may also be converted', () => {
    expect(offered({ category: '关停取缔' })).toEqual(['stop:停产→已停产', 'start:开始整治→整治中'])
    expect(offered({ category: '升级改造' })).toEqual(['stop:停产→已停产', 'start:开始整治→整治中', 'convert:转关停取缔→整治中'])
  })
  it('each later status offers its one step forward', () => {
    expect(offered({ status: '已停产', category: '关停取缔' })).toEqual(['start:开始整治→整治中'])
    expect(offered({ status: '整治中', category: '关停取缔' })).toEqual(['complete:整治完成→已完成'])
    expect(offered({ status: '已完成' })).toEqual(['accept:验收通过→已验收'])
    expect(offered({ status: '已验收' })).toEqual(['close:销号→已销号'])
    expect(offered({ status: '已销号' })).toEqual(['reopen:重新整治（死灰复燃）→整治中'])
  })
  it('a step not offered is refused, naming the status and the step', () => {
    expect(applyAction({ status: '已完成' }, 'stop', TODAY)).toEqual({ ok: false, missing: ['当前状态为“已完成”，不能停产'] })
    expect(applyAction({ category: '关停取缔' }, 'convert', TODAY)).toEqual({ ok: false, missing: ['当前状态为“已登记”，不能转关停取缔'] })
  })
})

describe('转关停取缔', () => {
  it('is due for an 升级改造 whose 完成时限 is before today and that is not completed', () => {
    expect(shouldConvert({ category: '升级改造', deadline: '2024-06-19' }, TODAY)).toBe(true)
    expect(shouldConvert({ category: '升级改造', deadline: '2024-06-20' }, TODAY)).toBe(false)
    expect(shouldConvert({ category: '升级改造', deadline: '' }, TODAY)).toBe(false)
    expect(shouldConvert({ category: '升级改造' }, TODAY)).toBe(false)
    expect(shouldConvert({ category: '关停取缔', deadline: '2024-06-19' }, TODAY)).toBe(false)
    expect(shouldConvert({ category: '升级改造', deadline: '2024-06-19', status: '已完成' }, TODAY)).toBe(false)
  })
  it('records where it came from and when; other steps do not', () => {
    const r = applyAction({ category: '升级改造', deadline: '2024-06-19', status: '整治中' }, 'convert', TODAY)
    expect(r).toEqual({ ok: true, fields: { category: '关停取缔', deadline: '2024-06-19', status: '整治中', convertedFrom: '升级改造', convertDate: TODAY } })
    expect(applyAction({ category: '升级改造' }, 'start', TODAY)).toEqual({ ok: true, fields: { category: '升级改造', status: '整治中' } })
  })
})

describe('重新整治 (死灰复燃)', () => {
  it('starts a fresh 两断三清 and clears completion, acceptance and 销号, keeping everything else', () => {
    const closed: RecordFields = {
      status: '已销号', category: '整合搬迁', tlcWaterDate: '2024-06-10', tlcWaterMethod: '拆表', tlcPowerNa: '无电', tlcInspectDate: '2024-06-12',
      tlcInspector: '马建国', completeDate: '2024-06-12', acceptDate: '2024-06-15', acceptResult: '合格', closeDate: '2024-06-18', evidence: 'BF-1',
      xtlcWaterDate: 'x', tlcWaterDateNote: 'y'
    }
    const r = applyAction(closed, 'reopen', TODAY)
    expect(r).toEqual({
      ok: true,
      fields: {
        ...closed, status: '整治中', category: '关停取缔', reopenDate: TODAY, tlcWaterDate: '', tlcWaterMethod: '', tlcPowerNa: '', tlcInspectDate: '',
        completeDate: '', acceptResult: '', closeDate: ''
      }
    })
  })
})
