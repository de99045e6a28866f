/**
 * Resurgence (死灰复燃): is a new 摸底 row an enterprise closed in 2023 (annexes.md §1.4 回头看台账, §2.3 step 6)?
 *
 * A pair is scored by what agrees once clerks' spelling noise is removed:
 *   名称 same core 40 | close 30;  地址 same with a house/社 number 50 | close 25 | same 地段 15;
 *   经营者 20;  联系电话 35;  统一社会信用代码 150.
 * The same 18-character code is always a match ('same-code'); otherwise a score of THRESHOLD (70) or more is
 * 'likely'. The weights make "close name + close address + operator or phone" (≥ 75) always enough, and also
 * accept: the same exact address with the same operator, phone or a close name (a changed trading name at the same
 * premises); the same name and phone anywhere (moved); operator + phone in the same village or road. They refuse:
 * name + address without operator or phone when the address is not exact (a new tenant with a common name), and the
 * same operator with a close name elsewhere (operator names repeat a lot in 临夏) unless the phone or 地段 agrees too.
 *
 * The index finds every pair that can reach the threshold without comparing all pairs: each such pair shares a code, a
 * phone, the exact address or a name key (the name core, one of its one-character deletions, or four characters of it),
 * since without any of these a pair scores 45 at most (a close address and the operator).
 */
import { defaultCampaign, towns } from '../campaign/campaign'
import { usccKey } from '../ledger/identity'
import type { RecordFields } from '../ledger/record'
import type { LifecycleKey } from './fields'
import { cleanText, normalizePhone } from '../domain/normalize'
import { phoneKind } from '../domain/phone'

export interface ClosedEnterprise {
  id: string
  /** How it was closed, as the flag names it: 2023年已销号 (回头看台账), 已销号 (a 2024 record), 已销号（城南街道）. */
  closedAs: string
  fields: RecordFields
}

export type ResurgenceCertainty = 'same-code' | 'likely'

export interface ResurgenceMatch {
  closed: ClosedEnterprise
  certainty: ResurgenceCertainty
  /** Chinese, each `what agrees` or `what agrees（detail）`, in the order code, name, address, operator, phone. */
  reasons: string[]
  score: number
}

export const POINTS = {
  code: 150,
  nameSame: 40,
  nameClose: 30,
  addressSame: 50,
  addressClose: 25,
  addressArea: 15,
  operator: 20,
  phone: 35
} as const

export const THRESHOLD = 70

interface Features {
  code: string | null
  name: string
  nameCore: string
  address: string
  addressKey: string
  /** The numbers of the address (社, 号, …) in order: a close address must keep them all. */
  digits: string
  /** The address up to its first number: the village, community or road (地段). */
  area: string
  operators: string[]
  phones: string[]
}

interface Entry {
  closed: ClosedEnterprise
  features: Features
}

/** Made by buildClosedIndex once per closed ledger; read only by findResurgence. */
export interface ClosedIndex {
  readonly entries: readonly Entry[]
  /** Blocking key → positions in entries. */
  readonly keys: ReadonlyMap<string, readonly number[]>
}

const text = (fields: RecordFields, key: LifecycleKey): string => {
  const v = fields[key]
  return typeof v === 'string' ? cleanText(v) : ''
}

const townNames = towns(defaultCampaign).flatMap((u) => [u.name, ...u.aliases])
// Longest first, so that a name beginning another cannot cut that one short.
// Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: no name or alias of the default campaign begins another, so the order cannot matter today
const TOWN_NAMES = new RegExp(townNames.sort((a, b) => b.length - a.length).join('|'), 'g')
// 临夏县 is another county: only the city, the prefecture and the province are noise.
// Stryker disable next-line Regex: without ^ it is the same (every part is optional, so the first match is at the start); the line's five other Regex mutants were tried and are killed
const ADMIN_PREFIX = /^(?:甘肃省?)?(?:临夏回族自治州|临夏州)?(?:临夏市|临夏(?!县))?/
const NAME_SUFFIX =
  /(?:股份有限公司|有限责任公司|有限公司|分公司|公司|个体工商户|个体户|加工厂|加工坊|加工点|加工部|加工场|门市部|经营部|门市|作坊|加工|厂|坊|点|部|场|店)$/
const COMMITTEE = [
  [/村民委员会|村委会/g, '村'],
  [/社区居民委员会|社区居委会/g, '社区']
] as const
const QUALIFIERS = /附近|旁边|对面|隔壁|一带|周边|[东南西北]侧|以[东南西北]|旁/g
const PLACEHOLDERS = new Set(['不详', '未知', '暂无', '没有'])
const CN_DIGITS = '一二三四五六七八九'

/** 三社 → 3社, 十二号 → 12号, 二十社 → 20社: clerks write both. */
function arabicNumerals(s: string): string {
  return s.replace(/([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=[社组队号巷排栋楼])/g, (m) => {
    const d = (c: string | undefined): number => (c ? CN_DIGITS.indexOf(c) + 1 : 0)
    const ten = m.indexOf('十')
    if (ten < 0) return String(d(m))
    return String((ten === 0 ? 1 : d(m[0])) * 10 + d(m[ten + 1]))
  })
}

/** Full-width forms, spaces, punctuation, the 枹罕 variants and the province/prefecture/city prefix removed. */
function squash(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/(\d)\s*#/g, '$1号')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/[抱袍]罕/g, '枹罕')
    .replace(ADMIN_PREFIX, '')
}

function placeKey(s: string): string {
  let p = arabicNumerals(squash(s)).replace(TOWN_NAMES, '')
  for (const [re, to] of COMMITTEE) p = p.replace(re, to)
  return p.replace(QUALIFIERS, '').replace(/号院/g, '号')
}

/** The distinctive part of a name: no place prefix, no 经营者 marker, no legal-form or trade suffix. */
function nameCore(name: string, village: string): string {
  let core = squash(name).replace(/经营者/g, '').replace(TOWN_NAMES, '')
  if (village && core.startsWith(village) && core.length > village.length + 1) core = core.slice(village.length)
  for (let m = NAME_SUFFIX.exec(core); m && core.length - m[0].length >= 2; m = NAME_SUFFIX.exec(core)) {
    core = core.slice(0, -m[0].length)
  }
  return core
}

/** Empty or blank pieces need no filter here: they are neither a phone nor an operator name of two characters. */
function splitList(raw: string): string[] {
  return raw.split(/[、,，;；/]/)
}

function phonesOf(raw: string): string[] {
  return splitList(raw)
    .map((p) => normalizePhone(p.replace(/[(（]/g, '').replace(/[)）]/g, '-')))
    .map((p) => (/^\d{7}$/.test(p) ? `${defaultCampaign.city.areaCode}-${p}` : p))
    .filter((p) => phoneKind(p) !== null)
}

function operatorsOf(raw: string): string[] {
  return splitList(raw)
    .map((o) => o.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, ''))
    .filter((o) => o.length >= 2 && !PLACEHOLDERS.has(o))
}

function features(fields: RecordFields): Features {
  const village = placeKey(text(fields, 'village'))
  let addressKey = placeKey(text(fields, 'address'))
  if (addressKey && village && !addressKey.includes(village)) addressKey = village + addressKey
  const firstDigit = addressKey.search(/\d/)
  return {
    code: usccKey(fields),
    name: text(fields, 'name'),
    nameCore: nameCore(text(fields, 'name'), village),
    address: text(fields, 'address'),
    addressKey,
    digits: (addressKey.match(/\d+/g) ?? []).join(','),
    area: firstDigit < 0 ? addressKey : addressKey.slice(0, firstDigit),
    operators: operatorsOf(text(fields, 'operator')),
    phones: phonesOf(text(fields, 'phone'))
  }
}

/** Optimal string alignment distance ≤ 1: one substitution, insertion, deletion or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: the callers compare equal strings first; this keeps the loop below finite for any caller
  if (a === b) return true
  // Stryker disable next-line ConditionalExpression: a shortcut; the slices below differ in length as well then
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  // Different strings differ before both end.
  while (a[i] === b[i]) i++
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i)
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1)
  if (a.slice(i + 1) === b.slice(i + 1)) return true
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
}

type NameLevel = 'same' | 'close' | null
type AddressLevel = 'same' | 'close' | 'area' | null

/** One-character edits only in names of four characters or more; containment only of four or more. */
function nameLevel(a: string, b: string): NameLevel {
  // Two empty names agree on nothing; an empty one is never close to another (one edit, four characters).
  if (a === b) return a ? 'same' : null
  // Stryker disable next-line EqualityOperator: of two different strings of the same length, either can be called the short one
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.length >= 4 && withinOneEdit(a, b)) return 'close'
  return short.length >= 4 && long.includes(short) ? 'close' : null
}

const digitAt = (s: string, i: number): boolean => /\d/.test(s.charAt(i))

/**
 * Same: equal keys with a number in them. Close: equal keys without a number, a one-character typo that keeps every
 * number, or one address a less precise form of the other (a prefix of ≥ 3 characters, or a suffix with a number
 * when the village or road was left out) — never by cutting a number in two. Area: the same village/road.
 */
function addressLevel(a: Features, b: Features): AddressLevel {
  const [x, y] = [a.addressKey, b.addressKey]
  // Two empty keys agree on nothing; an empty one is never close to another (no prefix of 3, no suffix with a number).
  if (x === y) return !x ? null : a.digits ? 'same' : 'close'
  // Stryker disable next-line EqualityOperator: of two different keys of the same length, either can be called the short one
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  if (long.length >= 4 && a.digits === b.digits && withinOneEdit(x, y)) return 'close'
  const cut = long.length - short.length
  const prefix = long.startsWith(short) && !(digitAt(short, short.length - 1) && digitAt(long, short.length))
  const suffix = long.endsWith(short) && /\d/.test(short) && !(digitAt(short, 0) && digitAt(long, cut - 1))
  if ((prefix && short.length >= 3) || (suffix && short.length >= 4)) return 'close'
  // Stryker disable next-line EqualityOperator: two areas of the same length are the same area or none
  const [p, q] = a.area.length <= b.area.length ? [a.area, b.area] : [b.area, a.area]
  const sameArea = p.length >= 2 && (p === q || (p.length >= 3 && (q.startsWith(p) || q.endsWith(p))))
  return sameArea ? 'area' : null
}

const shared = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x))

function score(entry: Entry, q: Features): ResurgenceMatch | null {
  const c = entry.features
  const reasons: string[] = []
  let points = 0
  const sameCode = c.code !== null && c.code === q.code
  if (sameCode) {
    points += POINTS.code
    reasons.push('统一社会信用代码相同')
  }
  const name = nameLevel(c.nameCore, q.nameCore)
  if (name) {
    points += name === 'same' ? POINTS.nameSame : POINTS.nameClose
    reasons.push(c.name === q.name ? '名称相同' : `名称相近（${c.name} / ${q.name}）`)
  }
  const address = addressLevel(c, q)
  if (address === 'same') {
    points += POINTS.addressSame
    reasons.push('地址相同')
  } else if (address === 'close') {
    points += POINTS.addressClose
    reasons.push(c.address === q.address ? '地址相同' : `地址相近（${c.address} / ${q.address}）`)
  } else if (address === 'area') {
    points += POINTS.addressArea
    // Stryker disable next-line EqualityOperator: two areas of the same length are the same area here
    reasons.push(`同一地段（${c.area.length <= q.area.length ? c.area : q.area}）`)
  }
  if (shared(c.operators, q.operators)) {
    points += POINTS.operator
    reasons.push('经营者相同')
  }
  if (shared(c.phones, q.phones)) {
    points += POINTS.phone
    reasons.push('联系电话相同')
  }
  if (!sameCode && points < THRESHOLD) return null
  return { closed: entry.closed, certainty: sameCode ? 'same-code' : 'likely', reasons, score: points }
}

function deletions(s: string): string[] {
  return Array.from(s, (_, i) => s.slice(0, i) + s.slice(i + 1))
}

/**
 * Keys two rows share whenever they can reach the threshold (see the header). A name contained in another shares its
 * first four characters with some four characters of the other: the index holds both sides under different letters
 * (`g` every piece, `h` the first) and a query looks up the other side, so a common trade word such as 塑料制品 in
 * the middle of names does not make every name a candidate.
 */
function blockingKeys(f: Features, side: 'index' | 'query'): Set<string> {
  const keys = new Set<string>()
  if (f.code) keys.add(`c:${f.code}`)
  for (const p of f.phones) keys.add(`p:${p}`)
  if (f.digits) keys.add(`a:${f.addressKey}`)
  const core = f.nameCore
  if (core) keys.add(`n:${core}`)
  if (core.length >= 4) {
    for (const d of deletions(core)) keys.add(`n:${d}`)
    // Stryker disable next-line ConditionalExpression: the query under the index's letters looks up every piece it shares, more candidates for the same answer
    const [first, every] = side === 'index' ? ['h', 'g'] : ['g', 'h']
    keys.add(`${first}:${core.slice(0, 4)}`)
    for (let i = 0; i + 4 <= core.length; i++) keys.add(`${every}:${core.slice(i, i + 4)}`)
  }
  return keys
}

export function buildClosedIndex(closed: readonly ClosedEnterprise[]): ClosedIndex {
  const entries = closed.map((c) => ({ closed: c, features: features(c.fields) }))
  const keys = new Map<string, number[]>()
  entries.forEach((e, i) => {
    for (const k of blockingKeys(e.features, 'index')) {
      const list = keys.get(k)
      if (list) list.push(i)
      else keys.set(k, [i])
    }
  })
  return { entries, keys }
}

/** Highest score first; equal scores go to the smaller id, so the answer never depends on input order. */
function better(a: ResurgenceMatch, b: ResurgenceMatch | null): boolean {
  if (!b || a.score > b.score) return true
  if (a.score < b.score) return false
  // Stryker disable next-line EqualityOperator: ids are unique in a closed ledger, and no entry is compared with itself
  return a.closed.id < b.closed.id
}

/** The closed enterprise a new row most likely is, or null. */
export function findResurgence(index: ClosedIndex, fields: RecordFields): ResurgenceMatch | null {
  const q = features(fields)
  const seen = new Set<number>()
  let best: ResurgenceMatch | null = null
  // Stryker disable next-line StringLiteral: any side but 'index' is the query side
  for (const key of blockingKeys(q, 'query')) {
    for (const i of index.keys.get(key) ?? []) {
      // Stryker disable next-line ConditionalExpression: scoring a candidate twice gives the same match, never a better one
      if (seen.has(i)) continue
      seen.add(i)
      const m = score(index.entries[i] as Entry, q)
      if (m && better(m, best)) best = m
    }
  }
  return best
}

/** One pair, without an index, scored exactly as findResurgence scores its candidates. */
export function compareWithClosed(closed: ClosedEnterprise, fields: RecordFields): ResurgenceMatch | null {
  return score({ closed, features: features(closed.fields) }, features(fields))
}

/** The flag shown in the grid and the import preview, e.g. 疑似死灰复燃：与2023年已销号的“…”（…）统一社会信用代码相同，请现场核实. */
export function resurgenceMessage(match: ResurgenceMatch): string {
  const f = match.closed.fields
  const town = text(f, 'town')
  let place = text(f, 'address').replace(ADMIN_PREFIX, '')
  if (town && !place.startsWith(town)) place = town + place
  if (place.length > 20) place = `${place.slice(0, 20)}…`
  const why = match.reasons.map((r) => r.split('（')[0]).join('、')
  return `疑似死灰复燃：与${match.closed.closedAs}的“${text(f, 'name')}”${place ? `（${place}）` : ''}${why}，请现场核实`
}
