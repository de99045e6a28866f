import type { AnnexColumn, AnnexDefinition } from '../annexes/types'
import type { Campaign } from '../campaign/campaign'
import { departments, towns } from '../campaign/campaign'
import { lifecycleIssues } from '../lifecycle/lifecycleIssues'
import { nameAddressKey, usccKey } from '../ledger/identity'
import type { FieldValue, RecordFields } from '../ledger/record'
import type { FieldIssue, IssueCode } from '../domain/issues'
import { choiceWord, cleanText, dateInYear, hasControlChars, looksLikeFormula, normalizeCode, parseDateText } from '../domain/normalize'
import { areaCode, phoneKind } from '../domain/phone'
import { checkUscc, isOldRegistrationNo, permitNumberCode } from '../domain/uscc'
import { cnDate } from '../domain/dates'

/** What the rules need besides the row: the campaign's units and the date windows. */
export interface ValidationContext {
  campaign: Campaign
  /** Allowed range of 完成时限 and similar deadlines (清理整治 start … 整治提升 end). */
  deadlineWindow: { from: string; to: string }
  /** Canonical values per enum column, resolved from the campaign where the domain is a unit list. */
  options: ReadonlyMap<string, ReadonlySet<string>>
  /** The unit's working date: deadlines are checked against it (the ledger); imports leave it out. */
  today?: string
}

export function optionsOf(column: AnnexColumn, campaign: Campaign): readonly string[] {
  const o = column.options
  if (o === undefined) return []
  if (o === 'town') return towns(campaign).map((u) => u.name)
  if (o === 'department') return departments(campaign).map((u) => u.name)
  if (o === 'unit') return campaign.units.map((u) => u.name)
  return o
}

export function createValidationContext(campaign: Campaign, annex: AnnexDefinition<RecordFields>, today?: string): ValidationContext {
  const phase = (id: string): { start: string; end: string } | undefined => campaign.phases.find((p) => p.id === id)
  const from = phase('cleanup')?.start ?? `${campaign.year}-01-01`
  const to = phase('upgrade')?.end ?? `${campaign.year}-12-31`
  const options = new Map<string, ReadonlySet<string>>()
  for (const c of annex.columns) if (c.options !== undefined) options.set(c.key, new Set(optionsOf(c, campaign)))
  return { campaign, deadlineWindow: { from, to }, options, ...(today ? { today } : {}) }
}

/** Nothing written: no value, blank text, or an empty list. */
export const isBlank = (v: FieldValue | undefined): boolean =>
  v === undefined || (Array.isArray(v) ? v.length === 0 : cleanText(v) === '')

/**
 * 统一社会信用代码 may be 无 only for unlicensed businesses (所属领域 无证照 or 营业执照 无). A form that prints
 * neither (附件3, 附件4) cannot tell, so there 无 is taken as written: the unit's 附件2 was checked for it.
 */
function usccMayBeNone(fields: RecordFields, annex: AnnexDefinition<RecordFields>): boolean {
  const tells = annex.columns.some((c) => c.key === 'sector' || c.key === 'licBusiness')
  return !tells || fields['sector'] === '无证照' || fields['licBusiness'] === '无'
}

/** Fields a disposition needs at 摸底 already (annexes.md §4.4, the parts known before work starts); keyed by the cell's text. */
const REQUIRED_BY_CATEGORY: ReadonlyMap<string, readonly string[]> = new Map([
  ['关停取缔', ['measures', 'responsibleUnit']],
  ['整合搬迁', ['measures', 'responsibleUnit']],
  ['升级改造', ['measures', 'responsibleUnit']]
])

function checkUsccField(value: string, fields: RecordFields, col: AnnexColumn, annex: AnnexDefinition<RecordFields>): FieldIssue[] {
  const f = col.key
  const code = normalizeCode(value)
  if (code === '无') {
    return usccMayBeNone(fields, annex)
      ? []
      : [err('REQUIRED_EMPTY', f, `「${col.header}」只有无营业执照的（所属领域“无证照”或营业执照“无”）才可填“无”，请填写18位代码`)]
  }
  if (isOldRegistrationNo(code)) {
    return [warn('USCC_OLD_NUMBER', f, `「${col.header}」${code} 是15位旧工商注册号，企业尚未换领统一社会信用代码，请核实`)]
  }
  const r = checkUscc(code)
  if (!r.ok) {
    if (r.code === 'USCC_LENGTH') {
      // A 排污许可证 number copied from the permit: its code is proposed, as a year-less date's year is (never stored).
      const inPermit = permitNumberCode(code)
      if (inPermit) {
        return [err(r.code, f, `「${col.header}」${code} 为${code.length}位，前18位 ${inPermit} 是有效的统一社会信用代码，疑为排污许可证编号，建议填写 ${inPermit}`)]
      }
      return [err(r.code, f, `「${col.header}」应为18位，现为${code.length}位，请对照营业执照核对`)]
    }
    if (r.code === 'USCC_CHARSET')
      return [err(r.code, f, `「${col.header}」含有不允许的字符（代码中不使用 I、O、S、V、Z，请检查是否把数字 0、1 写成了字母），请对照营业执照核对`)]
    return [err(r.code, f, `「${col.header}」校验位错误（按 GB 32100 应为“${r.expected}”），请对照营业执照逐位核对`)]
  }
  const out: FieldIssue[] = []
  if (!/^9[123]/.test(code)) out.push(warn('USCC_UNUSUAL_TYPE', f, `「${col.header}」以“${code.slice(0, 2)}”开头，不是企业、个体工商户或合作社的代码，请核实`))
  if (!code.slice(2, 8).startsWith('6229')) out.push(warn('USCC_REGION', f, `「${col.header}」的登记地（${code.slice(2, 8)}）不在临夏州，请核实`))
  return out
}

function checkPhoneField(value: string, col: AnnexColumn, ctx: ValidationContext): FieldIssue[] {
  const kind = phoneKind(value)
  if (!kind) return [err('PHONE_FORMAT', col.key, `「${col.header}」“${value}”不是有效的手机号（11位）或固定电话（如 0930-6212345）`)]
  const area = areaCode(value) // null for a mobile
  if (area && area !== ctx.campaign.city.areaCode) {
    return [warn('PHONE_AREA', col.key, `「${col.header}」区号 ${area} 不是本地区号 ${ctx.campaign.city.areaCode}，请核实`)]
  }
  return []
}

function checkDateField(value: string, col: AnnexColumn, ctx: ValidationContext): FieldIssue[] {
  const d = parseDateText(value)
  if (!d.ok) {
    return d.code === 'DATE_NO_YEAR'
      ? [err(d.code, col.key, `「${col.header}」“${value}”没有年份，请写完整日期，如 ${noYearProposal(value, ctx.campaign.year)}`)]
      : [err(d.code, col.key, `「${col.header}」“${value}”不是有效日期，请写作 2024年6月30日 或 2024-06-30`)]
  }
  if (col.phase === 'deadline') {
    const { from, to } = ctx.deadlineWindow
    if (d.iso < from || d.iso > to) return [err('DATE_OUT_OF_RANGE', col.key, `「${col.header}」${cnDate(d.iso)} 不在整治期限内（${cnDate(from)}至${cnDate(to)}），请核实`)]
  } else {
    // A column without a phase finds none.
    const p = ctx.campaign.phases.find((x) => x.id === col.phase)
    if (p && (d.iso < p.start || d.iso > p.end)) {
      return [warn('DATE_OUT_OF_RANGE', col.key, `「${col.header}」${cnDate(d.iso)} 不在${p.name}（${cnDate(p.start)}至${cnDate(p.end)}）内，请核实`)]
    }
  }
  return []
}

/**
 * The full date a DATE_NO_YEAR message proposes: the text in the campaign's year (6月30日 → 2024年6月30日, 6月底前
 * → 2024年6月30日（该月最后一天）), or the plain example when that year has no such day. Proposed, never stored.
 */
function noYearProposal(value: string, year: number): string {
  const d = dateInYear(value, year)
  if (!d?.ok) return `${year}年6月30日`
  return d.phrase === 'monthEnd' ? `${cnDate(d.iso)}（该月最后一天）` : cnDate(d.iso)
}

function checkEnumValue(value: string, col: AnnexColumn, ctx: ValidationContext): FieldIssue[] {
  const allowed = ctx.options.get(col.key)
  if (!allowed || allowed.has(value)) return []
  if (col.options === 'town') return [err('TOWN_UNKNOWN', col.key, `「${col.header}」“${value}”不是临夏市的镇（街道），应为四镇七街道之一`)]
  const choices = col.ambiguousValues?.get(choiceWord(value))
  if (choices) return [err('ENUM_AMBIGUOUS', col.key, `「${col.header}」“${value}”可指${oneOf(choices)}，请按该企业的实际情况改填其中之一`)]
  const list = [...allowed]
  const shown = list.length > 8 ? `${list.slice(0, 8).join('、')} 等` : list.join('、')
  return [err('ENUM_INVALID', col.key, `「${col.header}」“${value}”不在可选范围内，应为：${shown}`)]
}

/** 甲、乙或丙 (an ambiguous word has two choices at least). */
function oneOf(choices: readonly string[]): string {
  return `${choices.slice(0, -1).join('、')}或${choices.at(-1)}`
}

function err(code: IssueCode, field: string | null, message: string): FieldIssue {
  return { severity: 'error', code, field, message }
}
function warn(code: IssueCode, field: string | null, message: string): FieldIssue {
  return { severity: 'warning', code, field, message }
}

/** Checks one record against its annex: required fields, domains, codes, phones, dates. */
export function validateRecord(fields: RecordFields, annex: AnnexDefinition<RecordFields>, ctx: ValidationContext): FieldIssue[] {
  const out: FieldIssue[] = []
  for (const col of annex.columns) {
    // 序号 and derived columns (两断三清 √/×, 整治进展) are computed, never typed.
    if (col.kind === 'seq' || col.derive) continue
    const v = fields[col.key]
    if (isBlank(v)) {
      if (col.required) out.push(err('REQUIRED_EMPTY', col.key, `「${col.header}」不能为空，请填写`))
      continue
    }
    if (Array.isArray(v)) {
      for (const x of v) out.push(...checkEnumValue(x, col, ctx))
      continue
    }
    const text = v as string
    if (hasControlChars(text)) {
      out.push(err('CONTROL_CHAR', col.key, `「${col.header}」含有不可见的控制字符，请删除后重新输入`))
      continue
    }
    switch (col.kind) {
      case 'uscc':
        out.push(...checkUsccField(text, fields, col, annex))
        break
      case 'phone':
        out.push(...checkPhoneField(text, col, ctx))
        break
      case 'date':
        out.push(...checkDateField(text, col, ctx))
        break
      case 'enum':
      case 'multiEnum':
        out.push(...checkEnumValue(text, col, ctx))
        break
      case 'money':
      case 'count':
        if (!(col.kind === 'money' ? /^\d+(\.\d{1,2})?$/ : /^\d+$/).test(text.normalize('NFKC'))) {
          const what = col.kind === 'money' ? '非负数，最多两位小数（单位：万元）' : '非负整数'
          out.push(err('NUMBER_INVALID', col.key, `「${col.header}」“${text}”应为${what}`))
        }
        break
      default:
        if (looksLikeFormula(text)) out.push(warn('FORMULA_TEXT', col.key, `「${col.header}」以“=”开头，已按文字保存，不会作为公式计算`))
    }
  }
  out.push(...lifecycleIssues(fields, ctx.today))
  // A category written as a list is no key of the map.
  const category = fields['category'] as string
  REQUIRED_BY_CATEGORY.get(category)?.forEach((key) => {
    const col = annex.columns.find((c) => c.key === key)
    if (col && isBlank(fields[key]) && !col.required) {
      out.push(warn('REQUIRED_BY_CATEGORY', key, `拟整治类别为“${category}”的，应填写「${col.header}」`))
    }
  })
  return out
}

/**
 * Checks a whole ledger: every record, plus codes used twice (error on the later row) and the same name and
 * address twice (warning). Returns the issues of each record by id. With a cache (keyed by the fields object,
 * which callers replace rather than mutate), only changed records are checked again.
 */
type IdentityKeys = readonly [code: string | null, nameAddress: string | null]
const identityKeys = (fields: RecordFields): IdentityKeys => [usccKey(fields), nameAddressKey(fields)]
// With a cache the caller replaces a record's fields on every change (as the grid's model does), so the normalised
// keys of an unchanged record are kept too: normalising 20,000 names and addresses took ~55 ms after every edit.
const keysOf = new WeakMap<RecordFields, IdentityKeys>()
function cachedKeys(fields: RecordFields): IdentityKeys {
  let keys = keysOf.get(fields)
  // Stryker disable next-line ConditionalExpression: computing the keys again gives the same keys; only the time differs
  if (!keys) keysOf.set(fields, (keys = identityKeys(fields)))
  return keys
}

export function validateLedger(
  rows: readonly { id: string; fields: RecordFields; label?: string }[],
  annex: AnnexDefinition<RecordFields>,
  ctx: ValidationContext,
  cache?: WeakMap<RecordFields, FieldIssue[]>
): Map<string, FieldIssue[]> {
  // How a message names an earlier row: its position (第3行), or the caller's label (an import says 第8行 of the sheet).
  const rowLabel = (i: number): string => rows[i].label ?? `第${i + 1}行`
  const result = new Map<string, FieldIssue[]>()
  const firstByCode = new Map<string, number>()
  const firstByName = new Map<string, number>()
  rows.forEach((row, i) => {
    let own = cache?.get(row.fields)
    if (!own) {
      own = validateRecord(row.fields, annex, ctx)
      cache?.set(row.fields, own)
    }
    const issues = own.slice()
    const [code, key] = cache ? cachedKeys(row.fields) : identityKeys(row.fields)
    if (code) {
      const first = firstByCode.get(code)
      if (first === undefined) firstByCode.set(code, i)
      else issues.push(err('USCC_DUPLICATE', 'uscc', `统一社会信用代码 ${code} 与${rowLabel(first)}重复，同一企业只应填写一行`))
    }
    if (key) {
      const first = firstByName.get(key)
      if (first === undefined) firstByName.set(key, i)
      else issues.push(warn('NAME_ADDRESS_DUPLICATE', 'name', `名称和地址与${rowLabel(first)}相同，可能重复填报，请核实`))
    }
    result.set(row.id, issues)
  })
  return result
}
