/**
 * A 督察信访件 / 交办 list into the 举报受理登记 register (issue 22): a table as the office receives it (序号 / 受理编号 /
 * 交办问题基本情况 / 行政区域 / 污染类型 / 调查核实情况 / 是否属实 / 处理和整改情况 / 问责情况, the wording varying a little),
 * one report per 受理编号. What each row becomes is planned here, pure, for the preview; the commit applies the plan
 * to the register as it then is (applyTablePlan), so a table taken in twice adds nothing the second time.
 */
import { normalizeHeader } from '../annexes/headers'
import type { Campaign, CampaignUnit } from '../campaign/campaign'
import { isTownLike, unitByName } from '../campaign/campaign'
import { cellRef } from '../domain/cellAddress'
import { cnDate } from '../domain/dates'
import type { LocatedIssue } from '../domain/issues'
import { cleanText, isoFromExcelSerial, parseDateText } from '../domain/normalize'
import type { Change, Complaint, ComplaintInput, ComplaintResult, ComplaintSide } from './register'
import { COMPLAINT_CHANNELS, ComplaintInputSchema, nextComplaintNo, registerComplaint } from './register'

/** The columns such a table has, each with the header words real lists use. */
export const TABLE_HEADERS = {
  seq: ['序号'],
  sourceNo: ['受理编号', '信访编号', '交办编号', '信访件编号', '转办编号', '案件编号', '编号'],
  content: ['交办问题基本情况', '举报内容', '问题描述', '信访内容', '反映问题', '反映的主要问题', '交办问题', '问题基本情况', '投诉内容', '举报问题'],
  region: ['行政区域', '所在地区', '行政区划', '所在区域', '所属区域', '区域', '地区', '属地'],
  pollution: ['污染类型', '污染类别'],
  target: ['被举报对象', '被举报单位', '被投诉对象', '举报对象', '涉及企业', '企业名称', '单位名称'],
  address: ['地址', '详细地址', '被举报地址', '问题地址'],
  receivedDate: ['受理日期', '交办日期', '转办日期', '受理时间', '交办时间', '日期'],
  channel: ['渠道', '受理渠道', '举报渠道', '信访方式', '举报方式', '来源'],
  investigation: ['调查核实情况', '核查情况', '调查核实结果', '调查情况', '核实情况'],
  verified: ['是否属实', '属实情况'],
  handling: ['处理和整改情况', '整改情况', '处理情况', '处理整改情况', '处理和整改结果', '办理结果', '处理结果'],
  accountability: ['问责情况', '责任追究情况'],
  doneDate: ['办结日期', '办结时间'],
  dueDate: ['办理时限', '办结时限']
} as const
export type TableField = keyof typeof TABLE_HEADERS

const HEADER_OF = new Map<string, TableField>(
  Object.entries(TABLE_HEADERS).flatMap(([field, words]) => words.map((w) => [normalizeHeader(w), field as TableField] as const))
)

/** The field a header names, compared as the annexes compare theirs (normalizeHeader). */
export const tableFieldOf = (header: string): TableField | undefined => HEADER_OF.get(normalizeHeader(header))

/** Title and note rows above the header; a header further down is not such a table. */
const HEADER_SEARCH_ROWS = 30

export interface TableHeader {
  /** 0-based row of the header. */
  row: number
  /** 0-based column of each field found (the first, when two headers name one field). */
  columns: Partial<Record<TableField, number>>
}

/**
 * The header row: the first with a 交办问题基本情况 column (or its synonym) and at least two more of the table's
 * columns. A 受理编号 column is looked for afterwards, so that its absence is said rather than the table missed.
 */
export function findTableHeader(rows: readonly (readonly string[])[]): TableHeader | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const columns: TableHeader['columns'] = {}
    let known = 0
    ;(rows[r] ?? []).forEach((text, c) => {
      const field = tableFieldOf(text)
      if (field === undefined) return
      known++
      if (columns[field] === undefined) columns[field] = c
    })
    if (columns.content !== undefined && known >= 3) return { row: r, columns }
  }
  return null
}

// ── What each row becomes ──

export type TableRowStatus = 'new' | 'existing' | 'result' | 'needUnit' | 'error' | 'skipped'
/** Where a report's 分办单位 came from. */
export type UnitSource = '行政区域' | '问题描述' | '本单位' | '默认分办单位'

/** A report of the table as the preview shows it: the rows it came from and the register's fields it fills. */
export interface ComplaintTableRow {
  /** 1-based sheet rows (two or more when rows share a 受理编号). */
  rows: number[]
  sourceNo: string
  status: TableRowStatus
  /** The report already registered under this 受理编号. */
  existingNo: string | null
  receivedDate: string
  channel: string
  target: string
  content: string
  /** '' while the office has to choose it. */
  assignedUnit: string
  unitFrom: UnitSource | null
  result: ComplaintResult | null
}

export interface ComplaintTableCounts {
  /** Reports in the table (rows with a 受理编号, those sharing one counted once). */
  reports: number
  new: number
  /** Of the new ones, those the table already gives a result for (办结). */
  done: number
  existing: number
  /** Registered already without a result that the table now gives. */
  result: number
  /** Rows without a 受理编号, not taken. */
  skipped: number
  withErrors: number
  needUnit: number
}

export interface ComplaintTablePreview {
  stageId: string
  file: string
  sheet: string | null
  /** Nothing in the file can be taken (not a spreadsheet, no such table); issues say why. */
  refused: boolean
  defaultUnit: string | null
  /** The units a report may go to (for the office's default). */
  units: string[]
  counts: ComplaintTableCounts
  rows: ComplaintTableRow[]
  issues: LocatedIssue[]
  /** The commit would go through: no row with an error or without a unit, and something to write. */
  ready: boolean
}

/** What the commit does for one report. */
export interface PlannedReport {
  sourceNo: string
  input: ComplaintInput
  result: ComplaintResult | null
  /** 1-based first sheet row, for the 登记 note. */
  row: number
}

export interface TablePlan {
  rows: ComplaintTableRow[]
  issues: LocatedIssue[]
  counts: ComplaintTableCounts
  reports: PlannedReport[]
}

export interface TableContext {
  campaign: Campaign
  side: ComplaintSide
  today: string
  existing: readonly Complaint[]
  /** The office's choice for rows that name no unit. */
  defaultUnit: string | null
}

/** A 受理编号 as compared: NFKC, no spaces of any kind. */
export const sourceKey = (no: string): string => no.normalize('NFKC').replace(/[\s\u200b-\u200d]+/g, '')

const MAX = { sourceNo: 60, target: 200, address: 300, content: 2000, result: 2000 } as const
const TARGET_FROM_PROSE = 60

/** One row's texts by field. */
type RowTexts = Partial<Record<TableField, string>>

interface Group {
  rows: number[]
  /** 0-based sheet row of each, with its texts. */
  parts: { r: number; texts: RowTexts }[]
}

export function planComplaintTable(
  sheetRows: readonly (readonly string[])[],
  header: TableHeader,
  where: { file: string; sheet: string },
  ctx: TableContext
): TablePlan {
  const at = (cell: string): string => `文件“${where.file}”工作表“${where.sheet}”${cell}`
  const issues: LocatedIssue[] = []
  const issue = (severity: LocatedIssue['severity'], code: string, r: number | null, field: TableField | null, message: string): void => {
    const c = field === null ? undefined : header.columns[field]
    const cell = r !== null && c !== undefined ? cellRef(r, c) : null
    const place = cell ? `${cell}单元格：` : r !== null ? `第${r + 1}行：` : '：'
    issues.push({ severity, code, sheet: where.sheet, cell, row: r === null ? null : r + 1, column: field && c !== undefined ? (sheetRows[header.row]?.[c] ?? null) : null, message: at(`${place}${message}`) })
  }
  const cols = Object.entries(header.columns) as [TableField, number][]
  const textsOf = (r: number): RowTexts => Object.fromEntries(cols.map(([f, c]) => [f, cleanText(sheetRows[r]?.[c] ?? '')]))

  if (header.columns.sourceNo === undefined) {
    issue('error', 'MISSING_COLUMN', null, null, `表头（第${header.row + 1}行）中没有「受理编号」列（也可写作信访编号、交办编号），无法按受理编号逐件登记；请补上该列后再导入`)
    return { rows: [], issues, counts: countsOf([]), reports: [] }
  }

  const rows: ComplaintTableRow[] = []
  const groups = new Map<string, Group>()
  for (let r = header.row + 1; r < sheetRows.length; r++) {
    const texts = textsOf(r)
    const written = cols.filter(([f]) => f !== 'seq' && texts[f] !== '')
    if (written.length === 0) continue
    const no = texts.sourceNo ?? ''
    if (no === '') {
      issue('warning', 'SOURCE_NO_EMPTY', r, 'sourceNo', '没有受理编号，此行未导入；如是一件交办件，请补上受理编号后再导入')
      rows.push({ ...blankRow(r), status: 'skipped', content: texts.content ?? '' })
      continue
    }
    const key = sourceKey(no)
    const group = groups.get(key)
    if (group) {
      issue('warning', 'SOURCE_NO_REPEATED', r, 'sourceNo', `受理编号“${no}”与第${group.rows[0]}行相同，按同一件交办件登记，两行的内容合并`)
      group.rows.push(r + 1)
      group.parts.push({ r, texts })
    } else groups.set(key, { rows: [r + 1], parts: [{ r, texts }] })
  }
  if (groups.size === 0 && rows.length === 0) issue('error', 'NO_DATA_ROWS', header.row, null, '表头下没有交办件，请确认选择的文件')

  const hasDate = header.columns.receivedDate !== undefined
  if (groups.size > 0 && !hasDate) {
    issue('warning', 'RECEIVED_DATE_DEFAULT', null, null, `表中没有受理日期（交办日期）列，受理日期按导入当日（${cnDate(ctx.today)}）登记`)
  }
  const existing = new Map(ctx.existing.filter((c) => c.sourceNo).map((c) => [sourceKey(c.sourceNo as string), c]))
  const reports: PlannedReport[] = []
  for (const group of groups.values()) {
    const planned = planGroup(group, ctx, existing, issue)
    rows.push(planned.row)
    if (planned.report) reports.push(planned.report)
  }
  rows.sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0))
  return { rows, issues, counts: countsOf(rows), reports }
}

type Issue = (severity: LocatedIssue['severity'], code: string, r: number | null, field: TableField | null, message: string) => void

const blankRow = (r: number): ComplaintTableRow => ({
  rows: [r + 1],
  sourceNo: '',
  status: 'skipped',
  existingNo: null,
  receivedDate: '',
  channel: '',
  target: '',
  content: '',
  assignedUnit: '',
  unitFrom: null,
  result: null
})

/** The group's text of a field: each row's distinct text, in order, one per line. */
function joined(group: Group, field: TableField): string {
  return [...new Set(group.parts.map((p) => p.texts[field] ?? '').filter((t) => t !== ''))].join('\n')
}

/** The first row of the group that fills the field, with its 0-based sheet row. */
function firstOf(group: Group, field: TableField): { text: string; r: number } {
  const part = group.parts.find((p) => (p.texts[field] ?? '') !== '') ?? group.parts[0]
  return { text: part?.texts[field] ?? '', r: part?.r ?? 0 }
}

function planGroup(
  group: Group,
  ctx: TableContext,
  existing: ReadonlyMap<string, Complaint>,
  issue: Issue
): { row: ComplaintTableRow; report: PlannedReport | null } {
  const r0 = group.parts[0]?.r ?? 0
  const sourceNo = firstOf(group, 'sourceNo').text
  let errors = 0
  const error: Issue = (...args) => {
    errors++
    issue(...args)
  }
  if ([...sourceNo].length > MAX.sourceNo) error('error', 'VALUE_TOO_LONG', r0, 'sourceNo', `受理编号超过${MAX.sourceNo}字，请核对`)
  const found = existing.get(sourceKey(sourceNo))
  if (found) {
    // Registered already: only a result the register lacks is taken; the rest stands as registered.
    const result = found.handling ? null : resultOf(group, found.receivedDate, ctx.today, error, issue)
    const status: TableRowStatus = errors > 0 ? 'error' : result ? 'result' : 'existing'
    const said = status === 'result' ? `表中的办理结果将补记到${found.no}` : '不重复导入'
    issue('warning', 'ALREADY_REGISTERED', r0, 'sourceNo', `受理编号“${sourceNo}”已登记为${found.no}，${said}`)
    const { receivedDate, channel, target, targetAddress, targetOperator, targetPhone, content, assignedUnit, dueDate } = found
    const input = { receivedDate, channel, target, targetAddress, targetOperator, targetPhone, content, assignedUnit, dueDate, sourceNo }
    const row: ComplaintTableRow = { rows: group.rows, sourceNo, status, existingNo: found.no, receivedDate, channel, target, content, assignedUnit, unitFrom: null, result }
    return { row, report: status === 'result' ? { sourceNo, input, result, row: group.rows[0] ?? r0 + 1 } : null }
  }

  const prose = joined(group, 'content')
  const pollution = joined(group, 'pollution')
  const content = prose && pollution ? `${prose}（污染类型：${pollution}）` : prose || pollution
  if (content === '') error('error', 'REQUIRED_EMPTY', r0, 'content', '没有交办问题基本情况（举报内容），请补上后再导入')
  else if ([...content].length > MAX.content) error('error', 'VALUE_TOO_LONG', r0, 'content', `交办问题基本情况超过${MAX.content}字，请分成几件或删减后再导入`)

  const named = firstOf(group, 'target').text
  const target = named || [...prose].slice(0, TARGET_FROM_PROSE).join('').trim()
  if ([...target].length > MAX.target) error('error', 'VALUE_TOO_LONG', firstOf(group, 'target').r, 'target', `被举报对象超过${MAX.target}字`)
  const address = firstOf(group, 'address').text
  if ([...address].length > MAX.address) error('error', 'VALUE_TOO_LONG', firstOf(group, 'address').r, 'address', `地址超过${MAX.address}字`)

  const receivedIn = dateIn(group, 'receivedDate')
  if (receivedIn.bad) error('error', 'DATE_UNPARSEABLE', receivedIn.r, 'receivedDate', badDate('受理日期', receivedIn.text, '请改正后再导入'))
  const received = receivedIn.iso ?? ctx.today
  const dueIn = dateIn(group, 'dueDate')
  if (dueIn.bad) issue('warning', 'DATE_UNPARSEABLE', dueIn.r, 'dueDate', badDate('办理时限', dueIn.text, '办理时限空着登记'))
  const due = dueIn.iso ?? ''
  const channel = channelOf(group, prose, issue)
  const unit = unitOf(group, prose, ctx, issue)
  const result = resultOf(group, received, ctx.today, error, issue)

  const input: ComplaintInput = {
    receivedDate: received,
    channel,
    target,
    targetAddress: address,
    targetOperator: '',
    targetPhone: '',
    content,
    assignedUnit: unit.name,
    dueDate: due,
    sourceNo
  }
  if (errors === 0 && unit.name !== '') {
    const checked = ComplaintInputSchema.safeParse(input)
    if (!checked.success) for (const e of checked.error.issues) error('error', 'INVALID_VALUE', r0, null, e.message)
  }
  const status: TableRowStatus = errors > 0 ? 'error' : unit.name === '' ? 'needUnit' : 'new'
  const row: ComplaintTableRow = { rows: group.rows, sourceNo, status, existingNo: null, receivedDate: received, channel, target, content, assignedUnit: unit.name, unitFrom: unit.from, result }
  return { row, report: status === 'new' ? { sourceNo, input, result, row: group.rows[0] ?? r0 + 1 } : null }
}

/** An ISO date from a date column: a date cell, a serial typed as a number, or a date as clerks write it. */
export function tableDateText(text: string): string | null {
  const s = text.normalize('NFKC').trim()
  if (/^\d{5}(\.\d+)?$/.test(s)) return isoFromExcelSerial(Number(s))
  // A time after the date (2024-05-20 10:30) says nothing the register keeps.
  const parsed = parseDateText(s.replace(/(\s+|T)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, ''))
  return parsed.ok ? parsed.iso : null
}

/** A date column of the group: its ISO date (null when blank or not a date), and whether it is written but not one. */
function dateIn(group: Group, field: 'receivedDate' | 'dueDate' | 'doneDate'): { iso: string | null; bad: boolean; text: string; r: number } {
  const { text, r } = firstOf(group, field)
  const iso = text === '' ? null : tableDateText(text)
  return { iso, bad: text !== '' && iso === null, text, r }
}

const badDate = (label: string, text: string, then: string): string => `${label}“${text}”不是有效日期（应如2024-5-20或2024年5月20日），${then}`

const HOTLINES = ['12345', '12369'] as const

/** 渠道: what a 渠道 column says, else a hotline the prose names (群众通过12369举报), else 上级交办. */
function channelOf(group: Group, prose: string, issue: Issue): ComplaintInput['channel'] {
  const { text, r } = firstOf(group, 'channel')
  if (text !== '') {
    const word = text.normalize('NFKC').replace(/\s+/g, '')
    const exact = COMPLAINT_CHANNELS.find((c) => c === word)
    const taken =
      exact ??
      HOTLINES.find((h) => word.includes(h)) ??
      (/^(来电|电话)/.test(word) ? '电话' : /^(来信|信件)/.test(word) ? '来信' : /^(来访|走访)/.test(word) ? '来访' : /^(网络|网上|网站)/.test(word) ? '网络' : undefined)
    if (taken) return taken
    issue('warning', 'CHANNEL_UNKNOWN', r, 'channel', `渠道“${text}”不是登记簿的渠道（${COMPLAINT_CHANNELS.join('、')}），按上级交办登记`)
  }
  const named = HOTLINES.map((h) => ({ h, i: prose.normalize('NFKC').search(new RegExp(`(?<!\\d)${h}(?!\\d)`)) })).filter((x) => x.i >= 0)
  named.sort((a, b) => a.i - b.i)
  return named[0]?.h ?? '上级交办'
}

/** The names a unit goes by in prose: its name, full name and aliases. */
const namesOf = (u: CampaignUnit): string[] => [u.name, u.fullName, ...u.aliases].filter((n): n is string => typeof n === 'string' && n !== '')

/** The unit of `kind` whose name appears earliest in the text. */
function unitIn(campaign: Campaign, text: string, towns: boolean): CampaignUnit | undefined {
  const s = text.normalize('NFKC').replace(/\s+/g, '')
  let best: { u: CampaignUnit; i: number } | undefined
  for (const u of campaign.units) {
    if (isTownLike(u) !== towns) continue
    for (const n of namesOf(u)) {
      const i = s.indexOf(n)
      if (i >= 0 && (!best || i < best.i)) best = { u, i }
    }
  }
  return best?.u
}

/**
 * 分办单位: the unit 行政区域 names (a town first), else a town the prose names, else a department 行政区域 names.
 * Otherwise a unit's own import goes to itself; the office's to the default unit its clerk picked, or it waits.
 */
function unitOf(group: Group, prose: string, ctx: TableContext, issue: Issue): { name: string; from: UnitSource | null } {
  const { campaign, side } = ctx
  const region = joined(group, 'region')
  const exact = unitByName(campaign, region)
  const found: [CampaignUnit | undefined, UnitSource][] = [
    [exact && isTownLike(exact) ? exact : undefined, '行政区域'],
    [unitIn(campaign, region, true), '行政区域'],
    [unitIn(campaign, prose, true), '问题描述'],
    [exact ?? unitIn(campaign, region, false), '行政区域']
  ]
  const hit = found.find(([u]) => u !== undefined)
  const r0 = group.parts[0]?.r ?? 0
  if (hit?.[0]) {
    const name = hit[0].name
    if (side !== 'office' && name !== side) issue('warning', 'OTHER_UNIT', r0, hit[1] === '行政区域' ? 'region' : 'content', `表中写明的是${name}，按分办${name}登记（不是本单位）`)
    return { name, from: hit[1] }
  }
  if (side !== 'office') return { name: side, from: '本单位' }
  if (ctx.defaultUnit) return { name: ctx.defaultUnit, from: '默认分办单位' }
  const said = region ? `行政区域“${region}”和交办问题基本情况中` : '交办问题基本情况中'
  issue('error', 'UNIT_NEEDED', r0, region ? 'region' : 'content', `${said}没有本次整治工作的镇（街道）或部门名称，请在预览中选择默认分办单位，或在表中写明后重新导入`)
  return { name: '', from: null }
}

const VERIFIED_WORDS: [RegExp, ComplaintResult['verified']][] = [
  [/部分属实|基本属实|^部分$/, '部分属实'],
  [/不属实|^否/, '否'],
  [/属实|^是/, '是']
]

function verifiedOf(text: string): ComplaintResult['verified'] | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '')
  return VERIFIED_WORDS.find(([re]) => re.test(s))?.[1] ?? null
}

/**
 * The result the table already gives: 调查核实情况, 处理和整改情况 and 问责情况 as the 办理结果, 是否属实 (or what
 * 调查核实情况 says of it), 办结 on the 办结日期 column or the import day. Null when the table gives none.
 */
function resultOf(group: Group, received: string, today: string, error: Issue, issue: Issue): ComplaintResult | null {
  const r0 = group.parts[0]?.r ?? 0
  const investigation = joined(group, 'investigation')
  const handling = joined(group, 'handling')
  const accountability = joined(group, 'accountability')
  const said = firstOf(group, 'verified')
  const text = [
    investigation && `调查核实：${investigation}`,
    handling && `处理整改：${handling}`,
    accountability && `问责：${accountability}`
  ]
    .filter(Boolean)
    .join('\n')
  if (text === '' && said.text === '') return null
  let verified = said.text === '' ? null : verifiedOf(said.text)
  if (said.text !== '' && verified === null) issue('warning', 'VERIFIED_UNKNOWN', said.r, 'verified', `是否属实“${said.text}”应为是、否或部分属实`)
  if (said.text === '' && investigation) {
    verified = verifiedOf(investigation.match(/(部分属实|基本属实|不属实|属实)/)?.[1] ?? '')
    if (verified) issue('warning', 'VERIFIED_FROM_TEXT', r0, 'investigation', `是否属实未填，按调查核实情况记为“${verified}”，请核对`)
  }
  if (text === '' || verified === null) {
    const missing = text === '' ? '调查核实情况或处理和整改情况' : '是否属实'
    issue('warning', 'RESULT_INCOMPLETE', r0, text === '' ? 'handling' : 'verified', `没有${missing}，未记为办结，请在登记簿中填写办理结果`)
    return null
  }
  if ([...text].length > MAX.result) {
    error('error', 'VALUE_TOO_LONG', r0, 'handling', `调查核实、处理整改和问责情况合计超过${MAX.result}字，请删减后再导入`)
    return null
  }
  const doneIn = dateIn(group, 'doneDate')
  if (doneIn.bad) {
    error('error', 'DATE_UNPARSEABLE', doneIn.r, 'doneDate', badDate('办结日期', doneIn.text, '请改正后再导入'))
    return null
  }
  const doneDate = doneIn.iso ?? today
  if (doneDate < received) {
    error('error', 'DATE_ORDER', firstOf(group, 'doneDate').r, 'doneDate', `办结日期（${cnDate(doneDate)}）早于受理日期（${cnDate(received)}），请核对`)
    return null
  }
  return { result: text, doneDate, feedbackDate: '', verified }
}

function countsOf(rows: readonly ComplaintTableRow[]): ComplaintTableCounts {
  const n = (s: TableRowStatus): number => rows.filter((r) => r.status === s).length
  return {
    reports: rows.filter((r) => r.status !== 'skipped').length,
    new: n('new'),
    done: rows.filter((r) => r.status === 'new' && r.result).length,
    existing: n('existing'),
    result: n('result'),
    skipped: n('skipped'),
    withErrors: n('error'),
    needUnit: n('needUnit')
  }
}

/** Whether the plan may be committed: nothing in error or waiting for a unit, and something to write. */
export const tableReady = (plan: Pick<TablePlan, 'counts'>): boolean =>
  plan.counts.withErrors === 0 && plan.counts.needUnit === 0 && plan.counts.new + plan.counts.result > 0

// ── The commit ──

export interface TableOutcome {
  list: Complaint[]
  added: number
  /** Of the added ones, those registered 办结. */
  done: number
  /** Registered already, results filled in. */
  filled: number
  /** Registered already (by a table taken in before, or since the preview), left as they are. */
  existing: number
}

/** The table's result as the report's handling: the table is the higher authority's word on it. */
function withHandling(c: Complaint, r: ComplaintResult, change: Change): Complaint {
  return {
    ...c,
    handling: { ...r },
    updatedAt: { ...c.updatedAt, handling: change.at },
    history: [...c.history, { event: '办结', at: change.at, by: change.by, note: `${r.doneDate}（交办件表格）` }]
  }
}

/**
 * Applies a table's plan to the register as it is now: a report whose 受理编号 is registered already (by an earlier
 * import of the table, or since the preview) is not registered again, only given the table's result if it has none.
 */
export function applyTablePlan(list: readonly Complaint[], reports: readonly PlannedReport[], change: Change, file: string): TableOutcome {
  const out = [...list]
  const bySource = new Map(out.flatMap((c, i) => (c.sourceNo ? [[sourceKey(c.sourceNo), i] as const] : [])))
  const outcome = { added: 0, done: 0, filled: 0, existing: 0 }
  for (const p of reports) {
    const i = bySource.get(sourceKey(p.sourceNo))
    const before = i === undefined ? undefined : out[i]
    if (i !== undefined && before) {
      if (!before.handling && p.result && p.result.doneDate >= before.receivedDate) {
        out[i] = withHandling(before, p.result, change)
        outcome.filled++
      } else outcome.existing++
      continue
    }
    const no = nextComplaintNo(out, change.side, Number(p.input.receivedDate.slice(0, 4)))
    const registered = registerComplaint(p.input, no, change)
    const [first, ...rest] = registered.history
    const note = `${p.input.channel}受理（导入自“${file}”第${p.row}行）`.slice(0, 200)
    let c: Complaint = { ...registered, history: first ? [{ ...first, note }, ...rest] : rest }
    if (p.result) {
      c = withHandling(c, p.result, change)
      outcome.done++
    }
    bySource.set(sourceKey(p.sourceNo), out.length)
    out.push(c)
    outcome.added++
  }
  return { list: out, ...outcome }
}

/** The sentence the register shows after the commit. */
export function tableMessage(file: string, o: Omit<TableOutcome, 'list'>): string {
  const parts = [`已从“${file}”导入交办件 ${o.added} 件（其中已办结 ${o.done} 件）。`]
  if (o.filled > 0) parts.push(`补记已登记交办件的办理结果 ${o.filled} 件。`)
  if (o.existing > 0) parts.push(`${o.existing} 件已在登记簿中，未重复导入。`)
  return parts.join('')
}
