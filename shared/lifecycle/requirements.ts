/**
 * What a record needs before it may reach a status (annexes.md §4.4), per 整治类别. The state machine refuses a step
 * while anything is missing and the UI lists exactly these sentences; validation reports them for records that
 * reached the status some other way (an imported form).
 */
import type { Status } from '../domain/enums'
import { STATUSES } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import type { LifecycleKey } from './fields'
import { TLC_ITEMS, tlcOpenItems } from './tlc'

const text = (fields: RecordFields, key: LifecycleKey): string => {
  const v = fields[key]
  return typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.join('、') : ''
}

export function statusOf(fields: RecordFields): Status {
  const s = text(fields, 'status')
  return (STATUSES as readonly string[]).includes(s) ? (s as Status) : '已登记'
}

/** At or past a status in the order of the work. */
export function reached(fields: RecordFields, status: Status): boolean {
  return STATUSES.indexOf(statusOf(fields)) >= STATUSES.indexOf(status)
}

/** Something missing before a step: a field to fill (key), or a sentence about several (两断三清). */
export interface Need {
  key?: string
  message: string
}

type Check = [key: LifecycleKey, message: string, ok: (v: string) => boolean]
const filled = (v: string): boolean => v !== ''

function missing(fields: RecordFields, checks: readonly Check[]): Need[] {
  return checks.filter(([key, , ok]) => !ok(text(fields, key))).map(([key, message]) => ({ key, message }))
}

function completionNeeds(fields: RecordFields): Need[] {
  const category = text(fields, 'category')
  const out: Need[] = []
  if (category === '关停取缔') {
    const open = tlcOpenItems(fields)
    if (open.length) out.push({ message: `两断三清未完成：${open.join('、')}（填写完成日期，或写明“不涉及”的原因）` })
    out.push(...missing(fields, [
      ['tlcInspector', '填写两断三清的核查人', filled],
      ['tlcInspectDate', '填写两断三清的核查日期', filled]
    ]))
  } else if (category === '整合搬迁') {
    const oldSite = tlcOpenItems(fields, TLC_ITEMS.filter((i) => i.id === 'Power' || i.id === 'Equipment'))
    if (oldSite.length) out.push({ message: `原址至少须断电并清除设备，尚未完成：${oldSite.join('、')}` })
    out.push(...missing(fields, [
      ['relocationTarget', '填写搬迁去向（园区或新址）', filled],
      ['relocationDate', '填写搬迁完成日期', filled],
      ['oldSite', '原址处置情况须为“已两断三清”或“丧失恢复生产能力”', (v) => v !== '' && v !== '未处置'],
      ['newSiteLicence', '新址须已办理营业执照（新址营业执照填“有”）', (v) => v === '有'],
      ['newSiteEia', '新址须已办理环评手续（新址环评填“有”）', (v) => v === '有']
    ]))
  } else if (category === '升级改造') {
    out.push(...missing(fields, [
      ['measures', '填写整治措施（一企一策）', filled],
      ['deadline', '填写完成时限', filled]
    ]))
  } else {
    out.push({ key: 'category', message: '先确定整治类别（关停取缔、整合搬迁或升级改造）' })
  }
  out.push(...missing(fields, [['completeDate', '填写完成日期', filled]]))
  return out
}

/** What is missing before the record may be at `status`, each a field to fill or a sentence; empty when it may. */
export function needsFor(status: Status, fields: RecordFields): Need[] {
  switch (status) {
    case '已登记':
    case '整治中':
      return []
    case '已停产':
      return missing(fields, [['stopDate', '填写停产日期', filled]])
    case '已完成':
      return completionNeeds(fields)
    case '已验收':
      return [
        ...completionNeeds(fields),
        ...missing(fields, [
          ['acceptDate', '填写验收日期', filled],
          ['acceptDept', '填写验收部门', filled],
          ['acceptResult', '验收结论须为“合格”', (v) => v === '合格']
        ])
      ]
    case '已销号':
      return [
        ...needsFor('已验收', fields),
        ...missing(fields, [
          ['evidence', '填写佐证材料编号（一案一档）', filled],
          ['closeDate', '填写销号日期', filled]
        ])
      ]
  }
}

/** The same as Chinese sentences. */
export function missingFor(status: Status, fields: RecordFields): string[] {
  return needsFor(status, fields).map((n) => n.message)
}
