/** Pieces several annex definitions share: identity columns of 附件2, status words, counting helpers. */
import { PROGRESS } from '../domain/enums'
import type { Status } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { fieldText } from '../ledger/record'
import { reached, statusOf } from '../lifecycle/requirements'
import type { Annex2Key } from './annex2'
import { annex2Columns } from './annex2'
import type { AnnexColumn } from './types'

/** A column of 附件2 by key, so every form shows the same record fields under the same header. */
export function annex2Column<K extends Annex2Key | 'seq'>(key: K, overrides: Partial<Omit<AnnexColumn, 'key'>> = {}): AnnexColumn<K> {
  const col = annex2Columns.find((c): c is Extract<(typeof annex2Columns)[number], { key: K }> => c.key === key)
  if (!col) throw new Error(`附件2 has no column ${key}`)
  return { ...col, ...overrides }
}

/**
 * What the office supervises 附件3 and 附件4 by (annexes.md §1.3), after their identity columns, as 附件2 holds them:
 * the deadline (an extension shows the new date, 备注 says why) and 行业主管部门 printed as the 牵头单位 of the work
 * (plan 三(二)), still recognised under its 附件2 names. A unit's own file need not have them.
 */
export function supervisionColumns(): [AnnexColumn<'deadline'>, AnnexColumn<'leadDept'>] {
  const lead = annex2Column('leadDept')
  return [
    annex2Column('deadline', { required: false }),
    { ...lead, header: '牵头单位', headerSynonyms: [lead.header, ...(lead.headerSynonyms ?? [])] }
  ]
}

/** 整治进展 from the record's state (附件4 says 转关停取缔 for a converted upgrade: see annex4). */
export function progressOf(fields: RecordFields): (typeof PROGRESS)[number] {
  const status: Status = statusOf(fields)
  return status === '已登记' ? '未启动' : status
}

export function count(rows: readonly RecordFields[], test: (f: RecordFields) => boolean): number {
  let n = 0
  for (const r of rows) if (test(r)) n++
  return n
}

/** Sum of a money column in 万元, to 2 decimals (text that is not a number counts 0; validation reports it). */
export function sumMoney(rows: readonly RecordFields[], key: string): number {
  let cents = 0
  for (const r of rows) {
    const n = Number(fieldText(r, key))
    if (Number.isFinite(n)) cents += Math.round(n * 100)
  }
  return cents / 100
}

/** 完成率(%) with one decimal; blank when nothing was due. */
export function rate(done: number, due: number): number | null {
  return due === 0 ? null : Math.round((done / due) * 1000) / 10
}

export const isCategory = (c: string) => (f: RecordFields): boolean => f['category'] === c
const DONE_PROGRESS: readonly string[] = ['已完成', '已验收', '已销号'] satisfies (typeof PROGRESS)[number][]

/** Completed: by the record's status, or on a row read from a unit's 附件3 (no status printed) by its 整治进展. */
export const isDone = (f: RecordFields): boolean => reached(f, '已完成') || DONE_PROGRESS.includes(fieldText(f, 'progress'))
