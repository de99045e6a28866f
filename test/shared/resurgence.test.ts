/**
 * Resurgence matching (issue 5): the labelled fixture cases, clerk-style spelling noise that must still match,
 * unrelated enterprises that must never match, and the index giving what a scan of every closed enterprise gives.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RecordFields } from '@shared/ledger/record'
import type { ClosedEnterprise, ResurgenceMatch } from '@shared/lifecycle/resurgence'
import {
  buildClosedIndex,
  compareWithClosed,
  findResurgence,
  POINTS,
  resurgenceMessage
} from '@shared/lifecycle/resurgence'
import fixture from '../fixtures/resurgence/cases.json'

const RUNS = { numRuns: 200 }

describe('fixture cases (test/fixtures/resurgence)', () => {
  const index = buildClosedIndex(fixture.closed.map((c) => ({ id: c.id, closedAs: '2023年已销号', fields: c.fields })))
  const groups = [...new Set(fixture.cases.map((c) => c.group))]

  it.each(groups)('%s', (group) => {
    const cases = fixture.cases.filter((c) => c.group === group)
    const got = cases.map((c) => {
      const m = findResurgence(index, c.fields)
      return { id: c.id, match: m?.closed.id ?? null, certainty: c.certainty && m?.certainty }
    })
    expect(got).toEqual(cases.map((c) => ({ id: c.id, match: c.expect, certainty: c.certainty })))
  })

  it('says in Chinese what agrees and with which closed enterprise', () => {
    const byId = (id: string): RecordFields => fixture.cases.find((c) => c.id === id)?.fields ?? {}
    const sameCode = findResurgence(index, byId('N04')) as ResurgenceMatch
    expect(resurgenceMessage(sameCode)).toBe(
      '疑似死灰复燃：与2023年已销号的“临夏市通达物流有限公司”（城北街道北滨河路200号）统一社会信用代码相同，请现场核实'
    )
    const likely = findResurgence(index, byId('N13')) as ResurgenceMatch
    expect(likely.reasons).toEqual(['名称相近（临夏市兴旺食品加工坊 / 临夏兴旺食品加工厂）', '地址相同', '联系电话相同'])
    expect(resurgenceMessage(likely)).toBe(
      '疑似死灰复燃：与2023年已销号的“临夏市兴旺食品加工坊”（城郊镇王坪村三社28号）名称相近、地址相同、联系电话相同，请现场核实'
    )
  })
})

/** An enterprise as parts, so that a clerk's spelling of it can be generated. */
interface Enterprise {
  word: string
  stem: string
  suffixes: readonly string[]
  town: string
  village: string
  road: string | null
  she: number
  /** null: written without a house number (王坪村3社, 红园路). */
  house: number | null
  operator: string
  phone: string
  code: string
}

/** The clerk's choices when writing an enterprise down; index 0 everywhere is the plain form. */
interface Spelling {
  namePrefix: number
  suffix: number
  addressPrefix: number
  withTown: boolean
  townVariant: number
  committee: boolean
  chineseShe: boolean
  yuan: boolean
  qualifier: number
  fullWidth: boolean
  phoneStyle: number
  nameNoise: [number, number][]
  addressNoise: [number, number][]
}

const FACTORY = ['厂', '加工厂', '加工坊', '加工点', '门市部', '加工部']
const COMPANY = ['有限公司', '有限责任公司']
const TRADES = [
  ...['食品', '木器', '石材', '皮毛', '门窗'].map((stem) => ({ stem, suffixes: FACTORY })),
  ...['建材', '塑料制品', '粮油'].map((stem) => ({ stem, suffixes: COMPANY }))
]
const TOWNS = ['城郊镇', '枹罕镇', '南龙镇', '折桥镇', '八坊街道', '红园街道']
const VILLAGES = ['王坪村', '罗家堡村', '慈王村', '江牌村', '南龙村', '祁家村', '北塬社区', '大南岔社区', '红园社区']
const ROADS = ['红园路', '解放路', '南龙路', '前河沿路', '北滨河路', '团结南路']
const SURNAMES = ['马', '韩', '何', '穆', '冶', '拜', '喇', '祁', '罗', '苏']
const NAME_PREFIXES = ['临夏市', '', '临夏', '临夏州', '甘肃省临夏州', '甘肃省临夏回族自治州临夏市']
const ADDRESS_PREFIXES = ['临夏市', '', '临夏州临夏市', '甘肃省临夏回族自治州临夏市', '甘肃临夏']
const QUALIFIERS = ['', '附近', '南侧', '旁边', '对面']
const NOISE = [' ', '\u3000', '\u00a0', '·', '-', '、', '（', '）', '“', '”', '.']
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

const chineseNumber = (n: number): string => (n <= 10 ? (CN[n] as string) : `十${CN[n - 10]}`)
const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
const scatter = (s: string, noise: [number, number][]): string =>
  noise.reduce((t, [at, k]) => {
    const i = at % (t.length + 1)
    return t.slice(0, i) + NOISE[k % NOISE.length] + t.slice(i)
  }, s)

function phoneIn(style: number, p: string): string {
  if (style === 1) return `+86 ${p}`
  if (style === 2) return `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`
  if (style === 3) return `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`
  return style === 4 ? fullWidth(p) : p
}

function spell(e: Enterprise, s: Spelling): RecordFields {
  const town = e.town === '枹罕镇' ? (['枹罕镇', '抱罕镇', '袍罕镇'][s.townVariant % 3] as string) : e.town
  const village = s.committee ? e.village.replace(/村$/, '村委会').replace(/社区$/, '社区居委会') : e.village
  const she = s.chineseShe ? chineseNumber(e.she) : String(e.she)
  const house = e.house === null ? '' : `${e.house}号${s.yuan ? '院' : ''}`
  const place = e.road ? `${village}${e.road}${house}` : `${village}${she}社${house}`
  let address = `${ADDRESS_PREFIXES[s.addressPrefix % ADDRESS_PREFIXES.length]}${s.withTown ? town : ''}${place}`
  address += QUALIFIERS[s.qualifier % QUALIFIERS.length]
  const suffix = e.suffixes[s.suffix % e.suffixes.length]
  return {
    town,
    village,
    name: scatter(`${NAME_PREFIXES[s.namePrefix % NAME_PREFIXES.length]}${e.word}${e.stem}${suffix}`, s.nameNoise),
    uscc: e.code,
    operator: e.operator,
    phone: phoneIn(s.phoneStyle, e.phone),
    address: scatter(s.fullWidth ? fullWidth(address) : address, s.addressNoise)
  }
}

const PLAIN: Spelling = {
  namePrefix: 0,
  suffix: 0,
  addressPrefix: 0,
  withTown: true,
  townVariant: 0,
  committee: false,
  chineseShe: false,
  yuan: false,
  qualifier: 0,
  fullWidth: false,
  phoneStyle: 0,
  nameNoise: [],
  addressNoise: []
}

const noiseArb = fc.array(fc.tuple(fc.nat(40), fc.nat(NOISE.length - 1)), { maxLength: 3 })
const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  namePrefix: fc.nat(9),
  suffix: fc.nat(9),
  addressPrefix: fc.nat(9),
  withTown: fc.boolean(),
  townVariant: fc.nat(2),
  committee: fc.boolean(),
  chineseShe: fc.boolean(),
  yuan: fc.boolean(),
  qualifier: fc.nat(9),
  fullWidth: fc.boolean(),
  phoneStyle: fc.nat(4),
  nameNoise: noiseArb,
  addressNoise: noiseArb
})

/**
 * Enterprises whose trading word comes from `letters` and whose operator's given name from `given`: two calls with
 * disjoint letters, given names and prefixes give enterprises that share nothing but the trade, the town, the village
 * or road and perhaps a house number. Phones and codes are the prefix completed to 11 and 18 characters.
 */
function enterprisesArb(
  letters: string,
  given: readonly string[],
  phonePrefix: string,
  codePrefix: string
): fc.Arbitrary<Enterprise> {
  const phoneDigits = 11 - phonePrefix.length
  const codeTail = new RegExp(`^[0-9A-HJ-NPQRTUWXY]{${18 - codePrefix.length}}$`)
  const one = fc.record({
    word: fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 3 }).map((w) => w.join('')),
    trade: fc.constantFrom(...TRADES),
    town: fc.constantFrom(...TOWNS),
    village: fc.constantFrom(...VILLAGES),
    road: fc.option(fc.constantFrom(...ROADS), { nil: null }),
    she: fc.integer({ min: 1, max: 19 }),
    house: fc.integer({ min: 1, max: 30 }),
    operator: fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...given)).map(([a, b]) => a + b),
    phone: fc.nat(10 ** phoneDigits - 1).map((n) => phonePrefix + String(n).padStart(phoneDigits, '0')),
    code: fc.option(fc.stringMatching(codeTail), { nil: null }).map((c) => (c ? codePrefix + c : '无'))
  })
  return one.map(({ trade, ...e }): Enterprise => ({ ...e, ...trade }))
}

const CLOSED_LETTERS = '兴旺鑫源金达腾飞祥和宏昌顺福聚丰永盛'
const OTHER_LETTERS = '伟业天成瑞鼎新华长青博远凯佳美泰'
const CLOSED_GIVEN = ['海军', '永福', '建国', '志强', '学文', '德胜', '国华', '有才', '玉兰', '秀英']
const OTHER_GIVEN = ['小龙', '春燕', '文斌', '建华', '红梅', '少华', '金山', '成林', '桂兰', '占奎']

const closedList = (es: readonly Enterprise[], spellings: readonly Spelling[] = []): ClosedEnterprise[] =>
  es.map((e, i) => {
    const id = `LXS-2023-100-${String(i + 1).padStart(4, '0')}`
    const fields = spell(e, spellings[i] ?? PLAIN)
    return { id, closedAs: '2023年已销号', fields }
  })

describe('spelling noise', () => {
  // Distinct trading words and phones: any other closed enterprise scores at most a close name, the same address and
  // the same operator (100), below the noisy row's own same name and address plus operator or phone (≥ 110).
  const distinct = fc
    .uniqueArray(enterprisesArb(CLOSED_LETTERS, CLOSED_GIVEN, '138', '91622901MA'), {
      minLength: 1,
      maxLength: 12,
      selector: (e) => e.word
    })
    .filter((es) => new Set(es.map((e) => e.phone)).size === es.length)
  const arb = distinct.chain((es) =>
    fc.record({
      es: fc.constant(es),
      target: fc.nat(es.length - 1),
      spelling: spellingArb,
      keep: fc.constantFrom('operator', 'phone', 'both'),
      lost: fc.constantFrom('', '无', '不详')
    })
  )

  it('a closed enterprise written down again with clerk-style noise still matches it, by operator or phone', () => {
    fc.assert(
      fc.property(arb, ({ es, target, spelling, keep, lost }) => {
        const closed = closedList(es)
        const fields = spell(es[target] as Enterprise, spelling)
        if (keep === 'operator') fields['phone'] = lost
        if (keep === 'phone') fields['operator'] = lost
        const m = findResurgence(buildClosedIndex(closed), { ...fields, uscc: '无' })
        expect(m?.closed.id).toBe(closed[target]?.id)
        expect(m?.certainty).toBe('likely')
        // The noise is normalised away entirely: the same name core and the same address, not merely close ones.
        const kept = (keep === 'phone' ? 0 : POINTS.operator) + (keep === 'operator' ? 0 : POINTS.phone)
        expect(m?.score).toBe(POINTS.nameSame + POINTS.addressSame + kept)
      }),
      RUNS
    )
  })
})

describe('unrelated enterprises', () => {
  it('never match, even on the same road or at the same house number', () => {
    const closedOnes = enterprisesArb(CLOSED_LETTERS, CLOSED_GIVEN, '138', '91622901MA')
    const others = enterprisesArb(OTHER_LETTERS, OTHER_GIVEN, '139', '92622901MA')
    const arb = fc.record({
      closed: fc.array(closedOnes, { minLength: 1, maxLength: 15 }),
      closedSpelling: fc.array(spellingArb, { maxLength: 15 }),
      rows: fc.array(fc.tuple(others, spellingArb), { minLength: 1, maxLength: 15 })
    })
    fc.assert(
      fc.property(arb, ({ closed, closedSpelling, rows }) => {
        const index = buildClosedIndex(closedList(closed, closedSpelling))
        for (const [e, s] of rows) expect(findResurgence(index, spell(e, s))).toBeNull()
      }),
      RUNS
    )
  })
})

/** The oracle: every closed enterprise scored, best kept by the documented order (score, then smaller id). */
function bruteForce(closed: readonly ClosedEnterprise[], fields: RecordFields): ResurgenceMatch | null {
  const all = closed.flatMap((c) => compareWithClosed(c, fields) ?? [])
  all.sort((a, b) => b.score - a.score || (a.closed.id < b.closed.id ? -1 : 1))
  return all[0] ?? null
}

/** How a row is made from the closed enterprises: parts of `base` or of others, a typo in the trading word. */
interface Mix {
  base: number
  /** Where the name, place, operator and phone come from: null is base, an index past the end is a new enterprise. */
  parts: (number | null)[]
  vague: boolean
  typo: number
  at: number
  letter: string
}

/** 1 substitution, 2 swap, 3 deletion, 4 insertion (each one edit), 5 two letters in front (containment only). */
function withTypo(word: string, { typo, at, letter }: Mix): string {
  const i = at % word.length
  const j = Math.min(i + 1, word.length - 1)
  if (typo === 1) return word.slice(0, i) + letter + word.slice(i + 1)
  if (typo === 2) return word.slice(0, j - 1) + word[j] + word[j - 1] + word.slice(j + 1)
  if (typo === 3) return word.slice(0, i) + word.slice(i + 1)
  if (typo === 4) return word.slice(0, i) + letter + word.slice(i)
  return typo === 5 ? letter + letter + word : word
}

function mixed(es: readonly Enterprise[], fresh: Enterprise, mix: Mix): Enterprise {
  const from = (i: number | null = null): Enterprise => es[(i ?? mix.base) % (es.length + 1)] ?? fresh
  const [n, p, o, t] = mix.parts
  const named = from(n)
  const { town, village, road, she, house } = from(p)
  return {
    ...named,
    word: withTypo(named.word, mix),
    town,
    village,
    road,
    she,
    house: mix.vague ? null : house,
    operator: from(o).operator,
    phone: from(t).phone,
    code: fresh.code
  }
}

describe('the index', () => {
  it('finds what scanning every closed enterprise finds', () => {
    // A tiny vocabulary with one-letter and swapped variants, and rows mixing parts of several closed enterprises, so
    // that candidates collide and near-miss often.
    const letters = '兴旺源鑫'
    const given = ['海军', '海君', '明']
    const enterprise = enterprisesArb(letters, given, '1380000000', '91622901MA000000')
    const arb = fc.record({
      closed: fc.array(fc.tuple(enterprise, spellingArb), { minLength: 1, maxLength: 25 }),
      rows: fc.array(
        fc.record({
          fresh: enterprise,
          mix: fc.record({
            base: fc.nat(25),
            parts: fc.array(fc.option(fc.nat(25), { nil: null, freq: 2 }), { minLength: 4, maxLength: 4 }),
            vague: fc.boolean(),
            typo: fc.nat(6),
            at: fc.nat(2),
            letter: fc.constantFrom(...letters)
          }),
          spelling: spellingArb
        }),
        { minLength: 1, maxLength: 20 }
      )
    })
    fc.assert(
      fc.property(arb, ({ closed: pairs, rows }) => {
        const es = pairs.map(([e]) => e)
        const closed = closedList(es, pairs.map(([, s]) => s))
        const index = buildClosedIndex(closed)
        for (const r of rows) {
          const q = spell(mixed(es, r.fresh, r.mix), r.spelling)
          expect(findResurgence(index, q)).toEqual(bruteForce(closed, q))
        }
      }),
      RUNS
    )
  })
})
