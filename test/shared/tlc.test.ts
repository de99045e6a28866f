import { describe, expect, it } from 'vitest'
import { TLC_ITEMS, tlcApplies, tlcDoneDate, tlcKey, tlcMark, tlcOpenItems, tlcState } from '@shared/lifecycle/tlc'

// 两断三清 (annexes.md §1.7): 断水、断电、清除原料、清除产品、清除设备, each done on a date or 不涉及 with a reason.
const [water, power] = TLC_ITEMS as [(typeof TLC_ITEMS)[number], (typeof TLC_ITEMS)[number]]
const allDone = Object.fromEntries(TLC_ITEMS.map((i, n) => [tlcKey(i, 'Date'), `2024-06-1${n}`]))

describe('两断三清', () => {
  it('an item is done with a date, not applicable with a reason, open otherwise; the date wins', () => {
    expect(tlcKey(water, 'Na')).toBe('tlcWaterNa')
    expect(tlcState({ tlcWaterDate: '2024-06-10' }, water)).toBe('done')
    expect(tlcState({ tlcWaterDate: '2024-06-10', tlcWaterNa: '无自来水' }, water)).toBe('done')
    expect(tlcState({ tlcWaterNa: '无自来水' }, water)).toBe('na')
    expect(tlcState({ tlcWaterDate: '', tlcWaterNa: '' }, water)).toBe('open')
  })
  it('applies to 关停取缔 and to the old site of 整合搬迁 only', () => {
    expect(tlcApplies({ category: '关停取缔' })).toBe(true)
    expect(tlcApplies({ category: '整合搬迁' })).toBe(true)
    expect(tlcApplies({ category: '升级改造' })).toBe(false)
    expect(tlcApplies({})).toBe(false)
  })
  it('附件3 prints √ for done, 不涉及 for not applicable or not concerned, × for open', () => {
    const f = { category: '关停取缔', tlcWaterDate: '2024-06-10', tlcPowerNa: '无电' }
    expect(tlcMark(f, water)).toBe('√')
    expect(tlcMark(f, power)).toBe('不涉及')
    expect(tlcMark(f, TLC_ITEMS[2]!)).toBe('×')
    expect(tlcMark({ category: '升级改造', tlcWaterDate: '2024-06-10' }, water)).toBe('不涉及')
  })
  it('lists the open items by name, of all five or of those asked for', () => {
    expect(tlcOpenItems({ tlcWaterDate: '2024-06-10', tlcMaterialsNa: '无原料' })).toEqual(['断电', '清除产品', '清除设备'])
    expect(tlcOpenItems({}, [water, power])).toEqual(['断水', '断电'])
    expect(tlcOpenItems(allDone)).toEqual([])
  })
  it('is done on the latest item date, once no item is open; items not applicable have no date', () => {
    expect(tlcDoneDate({ category: '关停取缔', ...allDone })).toBe('2024-06-14')
    expect(tlcDoneDate({ category: '整合搬迁', ...allDone, tlcEquipmentDate: '', tlcEquipmentNa: '无设备', tlcWaterDate: '2024-06-20' })).toBe('2024-06-20')
    expect(tlcDoneDate({ category: '关停取缔', ...allDone, tlcProductsDate: '' })).toBe('')
    expect(tlcDoneDate({ category: '升级改造', ...allDone })).toBe('')
    expect(tlcDoneDate({ category: '关停取缔', ...Object.fromEntries(TLC_ITEMS.map((i) => [tlcKey(i, 'Na'), '不涉及'])) })).toBe('')
  })
})
