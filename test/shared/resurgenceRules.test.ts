/**
 * Resurgence matching rule by rule (the module header's weights and levels): each test states what one kind of
 * agreement earns, and where the levels of name and address end. Pairs are compared with the same 统一社会信用代码 on
 * both sides, so that every agreement shows in the reasons and the points whether or not the pair reaches the threshold;
 * the threshold and the index are tested on their own below.
 */
import { describe, expect, it } from 'vitest'
import type { RecordFields } from '@shared/ledger/record'
import type { ClosedEnterprise } from '@shared/lifecycle/resurgence'
import {
  buildClosedIndex,
  compareWithClosed,
  findResurgence,
  POINTS,
  resurgenceMessage,
  THRESHOLD
} from '@shared/lifecycle/resurgence'

const CODE = '91622901MA7L9KYMLQ'

const closedOne = (fields: RecordFields, id = 'LXS-2023-100-0001'): ClosedEnterprise => ({
  id,
  closedAs: '2023年已销号',
  fields
})

/** What else agrees between a closed enterprise and a row that has its code: points beyond the code, and reasons. */
function agree(closed: RecordFields, row: RecordFields): { points: number; reasons: string[] } {
  const m = compareWithClosed(closedOne({ ...closed, uscc: CODE }), { ...row, uscc: CODE })
  expect(m?.certainty).toBe('same-code')
  expect(m?.reasons[0]).toBe('统一社会信用代码相同')
  return { points: (m?.score ?? 0) - POINTS.code, reasons: m?.reasons.slice(1) ?? [] }
}

const names = (a: string, b: string): { points: number; reasons: string[] } => agree({ name: a }, { name: b })
const addresses = (a: string, b: string): { points: number; reasons: string[] } => agree({ address: a }, { address: b })

const nothing = { points: 0, reasons: [] }
const sameName = { points: POINTS.nameSame, reasons: ['名称相同'] }
const nameClose = (a: string, b: string, points: number = POINTS.nameClose) => ({ points, reasons: [`名称相近（${a} / ${b}）`] })
const sameAddress = { points: POINTS.addressSame, reasons: ['地址相同'] }
const addressClose = (a: string, b: string) => ({ points: POINTS.addressClose, reasons: [`地址相近（${a} / ${b}）`] })
const area = (a: string) => ({ points: POINTS.addressArea, reasons: [`同一地段（${a}）`] })

describe('the same 统一社会信用代码', () => {
  it('is a match on its own, scored 150, whatever else differs', () => {
    const m = compareWithClosed(
      closedOne({ uscc: CODE, name: '临夏市兴旺食品加工坊', address: '王坪村3社28号', operator: '马海军', phone: '13909301234' }),
      { uscc: CODE, name: '临夏市腾飞建材有限公司', address: '红园路56号', operator: '韩永福', phone: '13519301122' }
    )
    expect(m).toMatchObject({ certainty: 'same-code', score: POINTS.code, reasons: ['统一社会信用代码相同'] })
  })

  it('is all that agrees between two rows that have nothing else filled in', () => {
    expect(agree({}, {})).toEqual(nothing)
    expect(agree({ village: '王坪村' }, { village: '王坪村' })).toEqual(nothing)
  })
})

describe('名称', () => {
  it('the same text is 名称相同, the same core written differently 名称相近 with both texts, each 40', () => {
    expect(names('临夏市兴旺食品加工坊', '临夏市兴旺食品加工坊')).toEqual(sameName)
    expect(names('临夏市兴旺食品加工坊', '临夏兴旺食品加工厂')).toEqual(
      nameClose('临夏市兴旺食品加工坊', '临夏兴旺食品加工厂', POINTS.nameSame)
    )
  })

  it('the place prefix, the town, 经营者 and the legal-form or trade suffix are not part of the name', () => {
    expect(names('甘肃临夏兴旺食品厂', '兴旺食品厂').points).toBe(POINTS.nameSame)
    expect(names('城郊镇兴旺食品厂', '兴旺食品厂').points).toBe(POINTS.nameSame)
    expect(names('马忠（经营者）皮毛加工点', '马忠皮毛加工点').points).toBe(POINTS.nameSame)
    expect(names('兴旺厂', '兴旺加工厂').points).toBe(POINTS.nameSame)
    // Only at the end: 部 begins this name and stays.
    expect(names('部落食品', '部落食物')).toEqual(nameClose('部落食品', '部落食物'))
  })

  it('a suffix is cut only while two characters remain', () => {
    expect(names('加工厂', '加工厂')).toEqual(sameName)
    expect(names('兴厂', '兴坊')).toEqual(nothing)
  })

  it('the village in front of a name is dropped only when more than one character follows it', () => {
    expect(agree({ village: '慈王村', name: '慈王村马忠皮毛加工点' }, { village: '慈王村', name: '马忠皮毛加工点' }).points).toBe(
      POINTS.nameSame
    )
    expect(agree({ village: '王坪村', name: '王坪村兴' }, { name: '王坪村兴' })).toEqual(sameName)
  })

  it('one deleted, inserted, changed or swapped character makes names of four characters close', () => {
    expect(names('兴旺鑫源', '兴鑫源')).toEqual(nameClose('兴旺鑫源', '兴鑫源'))
    expect(names('兴鑫源', '兴旺鑫源')).toEqual(nameClose('兴鑫源', '兴旺鑫源'))
    expect(names('兴旺鑫源', '兴旺金源')).toEqual(nameClose('兴旺鑫源', '兴旺金源'))
    expect(names('兴旺鑫源达', '兴旺源鑫达')).toEqual(nameClose('兴旺鑫源达', '兴旺源鑫达'))
    expect(names('旺兴鑫源', '兴旺鑫源')).toEqual(nameClose('旺兴鑫源', '兴旺鑫源'))
  })

  it('two edits are not close', () => {
    for (const [a, b] of [
      ['兴旺鑫源', '兴达旺源'],
      ['兴旺鑫源', '兴鑫达源'],
      ['兴旺鑫源达', '兴旺源鑫福'],
      ['兴旺鑫源', '兴鑫达'],
      ['兴鑫达', '兴旺鑫源'],
      ['兴旺鑫源达', '兴鑫源'],
      ['旺兴达源', '兴旺鑫源']
    ] as const) {
      expect(names(a, b), `${a} / ${b}`).toEqual(nothing)
    }
  })

  it('names of three characters must be the same: a typo there is another name', () => {
    expect(names('兴旺达', '兴旺源')).toEqual(nothing)
  })

  it('a name of four characters or more inside a longer one is close; of three it is not', () => {
    expect(names('兴旺鑫源', '金达兴旺鑫源')).toEqual(nameClose('兴旺鑫源', '金达兴旺鑫源'))
    expect(names('金达兴旺鑫源', '兴旺鑫源')).toEqual(nameClose('金达兴旺鑫源', '兴旺鑫源'))
    expect(names('兴旺鑫', '金达兴旺鑫')).toEqual(nothing)
  })
})

describe('地址', () => {
  it('the same address with a number is 地址相同 (50); without a number it is only close (25)', () => {
    expect(addresses('王坪村3社28号', '王坪村3社28号')).toEqual(sameAddress)
    expect(addresses('南关大街', '南关大街')).toEqual({ points: POINTS.addressClose, reasons: ['地址相同'] })
    expect(addresses('临夏市南关大街', '南关大街')).toEqual(addressClose('临夏市南关大街', '南关大街'))
  })

  it('numbers in Chinese, # for 号, 抱罕 for 枹罕, a repeated town and 以东 read as the plain address', () => {
    expect(addresses('王坪村三社二十八号', '王坪村3社28号')).toEqual(sameAddress)
    expect(addresses('王坪村十社5号', '王坪村10社5号')).toEqual(sameAddress)
    expect(addresses('红园路十二号', '红园路12号')).toEqual(sameAddress)
    expect(addresses('红园路56#', '红园路56号')).toEqual(sameAddress)
    expect(addresses('红园路56 #', '红园路56号')).toEqual(sameAddress)
    expect(addresses('抱罕路8号', '枹罕路8号')).toEqual(sameAddress)
    expect(addresses('城郊镇城郊镇王坪村3社28号', '王坪村3社28号')).toEqual(sameAddress)
    expect(addresses('王坪村3社28号以东', '王坪村3社28号')).toEqual(sameAddress)
  })

  it('the 村（社区） column completes an address written without it, and is not added twice', () => {
    expect(agree({ village: '王坪村', address: '3社28号' }, { address: '王坪村3社28号' })).toEqual(sameAddress)
    expect(agree({ village: '王坪村', address: '王坪村3社28号' }, { address: '王坪村3社28号' })).toEqual(sameAddress)
  })

  it('a one-character typo is close only when every number stays, and only in four characters or more', () => {
    expect(addresses('王坪村3社28号', '王平村3社28号')).toEqual(addressClose('王坪村3社28号', '王平村3社28号'))
    expect(addresses('南关大街', '南关大道')).toEqual(addressClose('南关大街', '南关大道'))
    expect(addresses('王坪村3社', '王坪村4社')).toEqual(area('王坪村'))
    // A swap that moves a number's end: 3社28号 is not 32社8号.
    expect(addresses('王坪村3社28号', '王坪村32社8号')).toEqual(area('王坪村'))
    expect(addresses('王坪村', '王家村')).toEqual(nothing)
  })

  it('a less precise form is close: the start of three characters or more, never cutting a number', () => {
    expect(addresses('王坪村3社', '王坪村3社28号')).toEqual(addressClose('王坪村3社', '王坪村3社28号'))
    expect(addresses('王坪村', '王坪村3社28号')).toEqual(addressClose('王坪村', '王坪村3社28号'))
    expect(addresses('王坪', '王坪村3社')).toEqual(nothing)
    expect(addresses('红园路5', '红园路56号')).toEqual(area('红园路'))
  })

  it('or the end of four characters or more with a number in it, never cutting a number', () => {
    expect(addresses('城郊镇王坪村3社28号', '3社28号')).toEqual(addressClose('城郊镇王坪村3社28号', '3社28号'))
    expect(addresses('王坪村5社3号', '5社3号')).toEqual(addressClose('王坪村5社3号', '5社3号'))
    expect(addresses('王坪村3社28号', '28号')).toEqual(nothing)
    expect(addresses('3社28号', '28号')).toEqual(nothing)
    expect(addresses('王坪村13社28号', '3社28号')).toEqual(nothing)
    // Without a number the end of an address is only the same 地段.
    expect(addresses('大南岔社区南关大街', '南关大街')).toEqual(area('南关大街'))
  })

  it('the same 地段 is the part before the first number: equal, or one of three characters or more starting or ending the other', () => {
    expect(addresses('红园路56号', '红园路东段8号')).toEqual(area('红园路'))
    expect(addresses('红园路东段8号', '红园路56号')).toEqual(area('红园路'))
    expect(addresses('王坪3社5号', '王坪3社7号')).toEqual(area('王坪'))
    expect(addresses('王坪3社5号', '王坪村3社7号')).toEqual(nothing)
  })
})

describe('经营者 and 联系电话', () => {
  it('one shared operator of two characters or more is 经营者相同 (20)', () => {
    expect(agree({ operator: '马海军' }, { operator: '马海军' })).toEqual({ points: POINTS.operator, reasons: ['经营者相同'] })
    expect(agree({ operator: '马海军、韩永福' }, { operator: '韩永福' }).points).toBe(POINTS.operator)
    expect(agree({ operator: '马' }, { operator: '马' })).toEqual(nothing)
    expect(agree({ operator: '马 海军' }, { operator: '马海军' }).points).toBe(POINTS.operator)
  })

  it.each(['不详', '未知', '暂无', '没有'])('%s is no operator', (placeholder) => {
    expect(agree({ operator: placeholder }, { operator: placeholder })).toEqual(nothing)
  })

  it('one shared phone, however written, is 联系电话相同 (35)', () => {
    const phone = { points: POINTS.phone, reasons: ['联系电话相同'] }
    expect(agree({ phone: '13909301234，13519301122' }, { phone: '13519301122' })).toEqual(phone)
    expect(agree({ phone: '0930-6341122' }, { phone: '（0930）6341122' })).toEqual(phone)
    expect(agree({ phone: '0930-6341122-123' }, { phone: '(0930)6341122-123' })).toEqual(phone)
    expect(agree({ phone: '0930-6341122' }, { phone: '6341122' })).toEqual(phone)
  })
})

describe('the threshold', () => {
  const likely = (closed: RecordFields, row: RecordFields): number | null => {
    const m = compareWithClosed(closedOne(closed), row)
    if (m) expect(m.certainty).toBe('likely')
    return m?.score ?? null
  }

  it('a close name and a close address need the operator or the phone', () => {
    const closed = { name: '兴旺鑫源', address: '南关大街', operator: '马海军', phone: '13909301234' }
    expect(likely(closed, { name: '兴鑫源', address: '南关大街' })).toBeNull()
    expect(likely(closed, { name: '兴鑫源', address: '南关大街', operator: '马海军' })).toBe(75)
  })

  it('the same exact address and the same operator reach it exactly', () => {
    expect(POINTS.addressSame + POINTS.operator).toBe(THRESHOLD)
    expect(likely({ address: '王坪村3社28号', operator: '马海军' }, { address: '王坪村3社28号', operator: '马海军' })).toBe(THRESHOLD)
    expect(likely({ address: '王坪村3社28号', operator: '马海军' }, { address: '王坪村3社29号', operator: '马海军' })).toBeNull()
  })
})

describe('the best of several', () => {
  const twin = { name: '兴旺鑫源', address: '王坪村3社28号', operator: '马海军', phone: '13909301234' }

  it('equal scores go to the smaller id, in whichever order the closed ledger lists them', () => {
    const small = closedOne(twin, 'LXS-2023-100-0001')
    const large = closedOne(twin, 'LXS-2023-100-0002')
    expect(findResurgence(buildClosedIndex([large, small]), twin)?.closed.id).toBe(small.id)
    expect(findResurgence(buildClosedIndex([small, large]), twin)?.closed.id).toBe(small.id)
  })

  it('a higher score wins over a smaller id', () => {
    // The smaller id agrees on name, address and operator (75); the larger also on the phone and the exact address.
    const row = { name: '兴鑫源', address: '王坪村3社28号', operator: '马海军', phone: '13909301234' }
    const weaker = closedOne({ name: '兴旺鑫源', address: '王坪村3社', operator: '马海军' }, 'LXS-2023-100-0001')
    const stronger = closedOne({ address: '王坪村3社28号', operator: '马海军', phone: '13909301234' }, 'LXS-2023-100-0002')
    expect(compareWithClosed(weaker, row)?.score).toBe(75)
    expect(compareWithClosed(stronger, row)?.score).toBe(105)
    expect(findResurgence(buildClosedIndex([weaker, stronger]), row)?.closed.id).toBe(stronger.id)
    expect(findResurgence(buildClosedIndex([stronger, weaker]), row)?.closed.id).toBe(stronger.id)
  })
})

describe('the index', () => {
  it('holds a closed enterprise under its code, phones, numbered address and name keys', () => {
    const index = buildClosedIndex([
      closedOne({ uscc: CODE, name: '兴旺鑫源达', address: '王坪村3社28号', phone: '13909301234' }),
      closedOne({ uscc: '无', name: '兴旺厂', address: '南关大街', phone: '13909301234' }, 'LXS-2023-100-0002'),
      closedOne({ address: '南关大街', operator: '马海军' }, 'LXS-2023-100-0003')
    ])
    expect(Object.fromEntries(index.keys)).toEqual({
      [`c:${CODE}`]: [0],
      'p:13909301234': [0, 1],
      'a:王坪村3社28号': [0],
      // The name core, each one-character deletion of it, h: its first four characters and g: every four of them.
      'n:兴旺鑫源达': [0],
      'n:旺鑫源达': [0],
      'n:兴鑫源达': [0],
      'n:兴旺源达': [0],
      'n:兴旺鑫达': [0],
      'n:兴旺鑫源': [0],
      'h:兴旺鑫源': [0],
      'g:兴旺鑫源': [0],
      'g:旺鑫源达': [0],
      // A core under four characters only as itself; an address without a number, no code, no name: no key.
      'n:兴旺': [1]
    })
  })

  // Each row shares one name key with its closed enterprise and nothing else that is a key (the address has no
  // number, the operator is not a key); each pair scores at least the threshold.
  const byName = (closedName: string, rowName: string): void => {
    const closed = closedOne({ name: closedName, address: '南关大街', operator: '马海军' })
    const row = { name: rowName, address: '南关大街', operator: '马海军' }
    expect(compareWithClosed(closed, row)?.score).toBeGreaterThanOrEqual(THRESHOLD)
    expect(findResurgence(buildClosedIndex([closed]), row)?.closed.id).toBe(closed.id)
  }

  it('finds a short name by its core', () => byName('兴旺厂', '兴旺加工厂'))
  it('finds a name one character shorter by a deletion', () => byName('兴旺鑫源', '兴鑫源'))
  it('finds a row whose name ends a longer closed name', () => byName('金达兴旺鑫源', '兴旺鑫源'))
  it('finds a row whose name contains the closed name', () => byName('兴旺鑫源福', '金达兴旺鑫源福'))
})

describe('the message', () => {
  const message = (address: string): string =>
    resurgenceMessage({
      closed: closedOne({ town: '城郊镇', name: '临夏市兴旺食品加工坊', address }),
      certainty: 'same-code',
      reasons: ['统一社会信用代码相同'],
      score: POINTS.code
    })

  it('puts the town in front of an address written without it, not twice', () => {
    expect(message('王坪村三社28号')).toBe(
      '疑似死灰复燃：与2023年已销号的“临夏市兴旺食品加工坊”（城郊镇王坪村三社28号）统一社会信用代码相同，请现场核实'
    )
    expect(message('临夏市城郊镇王坪村三社28号')).toContain('（城郊镇王坪村三社28号）')
  })

  it('says how the enterprise was closed, and prints no （） when its place is unknown', () => {
    const closed: ClosedEnterprise = { id: 'closed0', closedAs: '已销号（城南街道）', fields: { name: '临夏市兴旺食品加工坊' } }
    expect(resurgenceMessage({ closed, certainty: 'same-code', reasons: ['统一社会信用代码相同'], score: POINTS.code })).toBe(
      '疑似死灰复燃：与已销号（城南街道）的“临夏市兴旺食品加工坊”统一社会信用代码相同，请现场核实'
    )
  })

  it('shows a place of up to 20 characters whole and cuts a longer one at 20', () => {
    expect(message('王坪村三社二十八号院东侧第三间房屋')).toContain('（城郊镇王坪村三社二十八号院东侧第三间房屋）')
    expect(message('王坪村三社二十八号院东侧第三间房屋内')).toContain('（城郊镇王坪村三社二十八号院东侧第三间房屋…）')
  })
})
