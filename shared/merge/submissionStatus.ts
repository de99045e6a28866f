/**
 * Classes every received file: rejected (cannot be used or attributed), duplicate-file (same bytes as one received
 * earlier), superseded (an older version of the same unit's annex, or a newer one when the office pinned an older)
 * or accepted. Expects the submissions in submissionComparator order.
 */
import type { AnnexDefinition } from '../annexes/types'
import type { LocatedIssue } from '../domain/issues'
import { cnDate } from '../domain/dates'
import type { RecordFields } from '../ledger/record'
import type { UseVersion, Verdict } from './decisionLog'
import { versionKey } from './decisionLog'
import { groupBy } from './groupBy'
import type { Decision, Submission, SubmissionSummary } from './types'

export interface Classified {
  /** One per submission, in the order given. */
  summaries: SubmissionSummary[]
  accepted: Submission[]
  /** Each superseded file with the file used instead. */
  supersessions: { from: Submission; to: Submission }[]
  verdicts: Map<Decision, Verdict>
}

/**
 * The unit a row counts for: the unit that reported it in a roll-up, else the file's 填报单位. A row with none (in a
 * roll-up without 填报单位, a row naming no 来源单位) cannot be counted anywhere: it is the one row a used file 退回s.
 */
export function rowUnit(submission: Submission, row: Submission['rows'][number]): string | null {
  return row.sourceUnit ?? submission.unit
}

/**
 * An error of a row as the office lists it beside the row: its column and cell, not the file and sheet again (the
 * importer's message starts with those, then the cell "…Q6单元格：" or the row "…第6行：").
 */
export function rowErrorText(i: LocatedIssue): string {
  const place = i.cell ? `${i.cell}单元格：` : `第${i.row}行：`
  const at = i.message.indexOf(place)
  const what = at < 0 ? i.message : i.message.slice(at + place.length)
  if (!i.column) return i.cell ? `${i.cell}：${what}` : what
  return `${i.column}${i.cell ? `（${i.cell}）` : ''}：${what}`
}

/** The units a file's countable rows are for. */
function unitsOf(s: Submission): string[] {
  return [...new Set(s.rows.map((r) => rowUnit(s, r)))].filter((u): u is string => u !== null)
}

export function classifySubmissions(
  sorted: readonly Submission[],
  pins: ReadonlyMap<string, UseVersion>,
  annex: AnnexDefinition<RecordFields>
): Classified {
  const status = new Map<Submission, Status>()
  const firstBySha = new Map<string, Submission>()
  const usable: Submission[] = []
  for (const s of sorted) {
    const first = firstBySha.get(s.sha256)
    if (first) {
      status.set(s, { status: 'duplicate-file', replacedBy: first.file, reason: `与已收到的“${first.file}”内容完全相同，未重复合并` })
      continue
    }
    firstBySha.set(s.sha256, s)
    const reason = rejection(s, annex)
    if (reason) status.set(s, { status: 'rejected', reason })
    else usable.push(s)
  }
  // A roll-up whose issuer is unknown is no version of anything: it stands alone.
  const versions = groupBy(usable, (s) => (s.unit === null ? `sha:${s.sha256}` : versionKey(s.unit, annex.id)))

  const classified: Omit<Classified, 'summaries'> = { accepted: [], supersessions: [], verdicts: new Map() }
  for (const [key, list] of versions) {
    const pin = pins.get(key)
    const pinned = pin && list.find((s) => s.sha256 === pin.sha256)
    // A pin chooses among the files known when it was made; a file received later competes with the pinned one.
    const eligible = pin && pinned ? list.filter((s) => s === pinned || s.receivedAt > pin.at) : list
    const used = eligible[eligible.length - 1] as Submission
    if (pin && pinned) {
      const note =
        used === pinned
          ? `${pinned.unit}使用“${pinned.file}”（${dated(pinned)}）`
          : `此后又收到较新的“${used.file}”（${dated(used)}），已改用该文件；如仍要使用“${pinned.file}”，请重新决定`
      classified.verdicts.set(pin, { applied: used === pinned, note })
    }
    status.set(used, { status: 'accepted' })
    classified.accepted.push(used)
    const setAside = (s: Submission, reason: string): void => {
      status.set(s, { status: 'superseded', replacedBy: used.file, reason })
      classified.supersessions.push({ from: s, to: used })
    }
    // Oldest first: the older files gave way to the one used; a newer file can only have been set aside by a pin.
    const usedAt = list.indexOf(used)
    for (const s of list.slice(0, usedAt)) setAside(s, supersededBy(s, used))
    for (const s of list.slice(usedAt + 1)) setAside(s, `办公室决定使用“${used.file}”（${dated(used)}）`)
  }
  classified.accepted = withoutOverlaps(classified.accepted, status)
  for (const pin of pins.values()) {
    if (classified.verdicts.has(pin)) continue
    const note = `${pin.unit}没有 sha256 以 ${pin.sha256.slice(0, 8)} 开头的可用${annex.label}文件，未执行`
    classified.verdicts.set(pin, { applied: false, note })
  }
  // Every file was given a status above: duplicate, rejected, or one of its unit's versions.
  return { ...classified, summaries: sorted.map((s) => summary(s, status.get(s) as Status)) }
}

type Status = Pick<SubmissionSummary, 'status' | 'replacedBy' | 'reason'>

/**
 * A unit's rows may come from one file only: its own file, else the first consolidation (roll-up) that lists it.
 * A roll-up listing a unit already provided would count that unit twice, so it is rejected whole, with the reason:
 * taking only part of it would hide the rest.
 */
function withoutOverlaps(accepted: readonly Submission[], status: Map<Submission, Status>): Submission[] {
  const isRollUp = (s: Submission): boolean => s.rows.some((r) => r.sourceUnit !== undefined)
  // An accepted file that is no roll-up always has its unit, and a usable roll-up row always has one (rejection()).
  const provider = new Map<string | null, Submission>()
  for (const s of accepted) if (!isRollUp(s)) provider.set(s.unit, s)
  return accepted.filter((s) => {
    if (!isRollUp(s)) return true
    const units = unitsOf(s)
    const overlap = units.filter((u) => provider.has(u))
    if (overlap.length === 0) {
      for (const u of units) provider.set(u, s)
      return true
    }
    // Stryker disable next-line OptionalChaining: equivalent, every unit in overlap has a provider (filtered on has)
    const files = [...new Set(overlap.map((u) => `“${provider.get(u)?.file}”`))].join('、')
    const reason = `汇总表中${overlap.join('、')}的记录已由${files}提供，再并入会重复计数；请去掉这个汇总表，或改用各单位的原始文件汇总`
    status.set(s, { status: 'rejected', reason })
    return false
  })
}

const dated = (s: Submission): string => (s.filledDate ? `填报日期 ${cnDate(s.filledDate)}` : '未填填报日期')

/**
 * Why s gives way to `used`, which sorts after it. With equal 填报日期 the order was decided by when the files came,
 * or by their names when they came together: the office is told so, as it may want the other one.
 */
function supersededBy(s: Submission, used: Submission): string {
  if (s.filledDate !== used.filledDate) return `已被较新的“${used.file}”（${dated(used)}）取代`
  const same = used.filledDate ? `填报日期同为${cnDate(used.filledDate)}` : '都没有填报日期'
  const how = s.receivedAt === used.receivedAt ? '两份同时收到，按文件名顺序' : '按收到的先后'
  return `与“${used.file}”${same}，${how}采用了“${used.file}”，请核对应使用哪一份`
}

/** Why a file cannot be used at all, or null. */
function rejection(s: Submission, annex: AnnexDefinition<RecordFields>): string | null {
  if (s.refused) return s.issues.find((i) => i.severity === 'error')?.message ?? '文件无法读取'
  if (s.annex !== annex.id) return `不是${annex.label}《${annex.title}》，不能并入本次汇总`
  // Without a 填报单位 only a roll-up whose every error-free row names its 来源单位 can be attributed.
  const rollUp = s.rows.some((r) => r.sourceUnit) && s.rows.every((r) => r.flagged || r.sourceUnit)
  if (s.unit === null && !rollUp) {
    return '无法确定填报单位：文件中没有可识别的“填报单位”行，各行的乡镇（街道）也不是同一个，请退回报送单位补填后重新报送'
  }
  return null
}

/** Rows named in full in a file's 说明; the rest are counted. */
const ROWS_SAID = 5

/**
 * The rows of a used file that have errors (taken in flagged) or could not be counted (退回), each with its first
 * error, as the 合并报告's 说明 prints them: the office must be able to tell the unit what to correct.
 */
function rowNotes(s: Submission): string[] {
  const said = (rows: Submission['rows']): string => {
    const listed = rows.slice(0, ROWS_SAID).map((r) => {
      const why = s.issues.find((i) => i.severity === 'error' && i.row === r.rowNumber)
      return `第${r.rowNumber}行${why ? `（${rowErrorText(why)}）` : ''}`
    })
    return `${listed.join('；')}${rows.length > ROWS_SAID ? `等${rows.length}行` : ''}`
  }
  const flagged = s.rows.filter((r) => r.flagged && rowUnit(s, r) !== null)
  const uncounted = s.rows.filter((r) => rowUnit(s, r) === null)
  return [
    ...(flagged.length ? [`有错误，已汇总并标红：${said(flagged)}，请通知报送单位改正后重新报送`] : []),
    ...(uncounted.length ? [`未注明来源单位，无法计入任何单位，退回：${said(uncounted)}`] : [])
  ]
}

function summary(s: Submission, st: Status): SubmissionSummary {
  const used = st.status !== 'rejected'
  const counted = s.rows.filter((r) => rowUnit(s, r) !== null)
  // A rejected file gives nothing: all its rows count as rejected, so read = accepted + rejected + blank still holds.
  const accepted = used ? counted.length : 0
  // What became of a file's rows is said of the file in use; a superseded file's rows are in no total.
  const notes = st.status === 'accepted' ? rowNotes(s) : []
  const reason = [st.reason, ...notes].filter(Boolean).join('；') || undefined
  return {
    file: s.file,
    sha256: s.sha256,
    receivedAt: s.receivedAt,
    unit: s.unit,
    covers: unitsOf(s),
    annex: s.annex,
    filledDate: s.filledDate,
    status: st.status,
    read: s.counts.read,
    accepted,
    flagged: used ? counted.filter((r) => r.flagged).length : 0,
    rejected: s.rows.length - accepted,
    blankSkipped: s.counts.blankSkipped,
    ...(st.replacedBy ? { replacedBy: st.replacedBy } : {}),
    ...(reason ? { reason } : {})
  }
}
