/** 销号 needs the campaign's proof attached and its 审核人 (issue 21). */
import { describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { closeNeeds, evidenceSummary, isClosed, requiredSlots } from '@shared/evidence/closeEvidence'

const closure = { category: '关停取缔', tlcWaterDate: '2024-05-14', tlcPowerDate: '2024-05-14', tlcMaterialsNa: '无原料', tlcProductsNa: '无产品', tlcEquipmentDate: '2024-05-15' }

describe('the proof a 销号 needs', () => {
  it('is, by default, a photo of each 两断三清 item done, the 验收材料, or the 原址处置 proof', () => {
    expect(requiredSlots(closure, defaultCampaign)).toEqual(['两断三清-断水', '两断三清-断电', '两断三清-清除设备'])
    expect(requiredSlots({ category: '升级改造' }, defaultCampaign)).toEqual(['验收材料'])
    expect(requiredSlots({ category: '整合搬迁' }, defaultCampaign)).toEqual(['原址处置'])
    expect(requiredSlots({}, defaultCampaign)).toEqual([])
  })

  it('reads the items done from the √ a form prints, on a row the office received (附件3 prints no item dates)', () => {
    const row = { category: '关停取缔', progress: '已销号', tlcWaterMark: '√', tlcPowerMark: '不涉及', tlcMaterialsMark: '√', tlcProductsMark: '×', tlcEquipmentMark: '√' }
    expect(requiredSlots(row, defaultCampaign)).toEqual(['两断三清-断水', '两断三清-清除原料', '两断三清-清除设备'])
    expect([isClosed(row), isClosed({ closeDate: '2024-06-20' }), isClosed({ status: '已销号' }), isClosed({ progress: '已验收' })]).toEqual([true, true, true, false])
  })

  it('follows the campaign where it says otherwise', () => {
    const strict = { closeEvidence: { 关停取缔: ['两断三清', '整改前', '整改后'] } }
    expect(requiredSlots(closure, strict)).toEqual(['两断三清-断水', '两断三清-断电', '两断三清-清除设备', '整改前', '整改后'])
    expect(requiredSlots({ category: '升级改造' }, strict)).toEqual([])
  })

  it('lists what is not attached, then 审核人 and 职务, until all are there', () => {
    expect(closeNeeds(closure, [{ slot: '两断三清-断水' }], defaultCampaign)).toEqual([
      { message: '佐证材料未上传：两断三清-断电、两断三清-清除设备（在下方“佐证材料”中按用途添加照片或文件）' },
      { key: 'closeApprover', message: '填写销号审核人' },
      { key: 'closeApproverTitle', message: '填写审核人职务' }
    ])
    const attached = [{ slot: '两断三清-断水' }, { slot: '两断三清-断电' }, { slot: '两断三清-清除设备' }, { slot: '两断三清-断水' }] as const
    expect(closeNeeds({ ...closure, closeApprover: '马主任', closeApproverTitle: '副主任' }, attached, defaultCampaign)).toEqual([])
    expect(evidenceSummary(attached)).toBe('随附佐证材料4份：两断三清-断水2份、两断三清-断电1份、两断三清-清除设备1份')
  })
})
