import { annex2 } from './annex2'
import { annex3 } from './annex3'
import { annex4 } from './annex4'
import { contacts } from './contacts'
import { eco } from './eco'
import { huikan, isHuikan } from './huikan'
import { illegal } from './illegal'
import { tlc } from './tlc'
import { weekly } from './weekly'
import type { AnnexColumn, AnnexDefinition } from './types'
import type { RecordFields } from '../ledger/record'

/** Every official form the program knows; a new annex is one more definition here. */
export const ANNEXES: readonly AnnexDefinition<RecordFields>[] = [annex2, annex3, annex4, tlc, illegal, eco, huikan, contacts, weekly]

export function annexById(id: string): AnnexDefinition<RecordFields> | undefined {
  return ANNEXES.find((a) => a.id === id)
}

/** The forms over a unit's 2024 records (not the 回头看台账 of 2023 items, the contact list or the weekly 附表). */
export const RECORD_FORMS: readonly AnnexDefinition<RecordFields>[] = [annex2, annex3, annex4, tlc, illegal, eco]

/** The records a form lists: its own filter, and 2023 回头看 items only on the 回头看台账. */
export function formIncludes(annex: AnnexDefinition<RecordFields>, fields: RecordFields): boolean {
  if (isHuikan(fields) !== (annex === huikan)) return false
  return annex.rowFilter ? annex.rowFilter(fields) : true
}

/** A form's file and message name: 附件2, or the list's sheet name when it has no annex number. */
export const formName = (annex: AnnexDefinition<RecordFields>): string => annex.label || annex.sheetName

/**
 * Every field of a 2024 record, each under the definition of the first form that has it: one validation pass per
 * record serves every tab, whichever form the record is shown on.
 */
export const recordColumns: readonly AnnexColumn[] = (() => {
  const seen = new Map<string, AnnexColumn>()
  for (const form of RECORD_FORMS) for (const c of form.columns) if (!seen.has(c.key)) seen.set(c.key, c)
  return [...seen.values()]
})()

/** The definition records are validated against: 附件2's, with the fields of the other forms added. */
export const recordAnnex: AnnexDefinition<RecordFields> = { ...annex2, id: 'record', columns: recordColumns }

/** Fields no form prints, named for the history and messages; keyed by a field name that may come from a file. */
const OTHER_FIELDS: ReadonlyMap<string, string> = new Map([
  ['status', '状态'],
  ['foundDate', '发现日期'],
  ['convertedFrom', '原整治类别'],
  ['convertDate', '转关停取缔日期'],
  ['reopenDate', '重新整治日期'],
  ['reopenedFrom', '回头看来源'],
  ['track', '台账类别']
])

/** How a field is called to the user: the form header (with its group, e.g. 断电·完成日期), or its plain name. */
export function fieldLabel(key: string): string {
  const col = [...recordColumns, ...huikan.columns].find((c) => c.key === key)
  if (col) return col.group ? `${col.group}·${col.header}` : col.header
  return OTHER_FIELDS.get(key) ?? key
}
