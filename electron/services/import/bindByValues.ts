/**
 * A column whose header names no field, bound by what it holds (issue 22): town names → 乡镇（街道） (行政区域, 所在镇
 * and the like), 统一社会信用代码 → the code, telephone numbers → 联系电话, dates → the form's one date field — only for a field the header row left
 * unbound, only when nearly every filled cell agrees, and said in a warning so the clerk can check it or assign the
 * column otherwise.
 */
import type { Campaign } from '@shared/campaign/campaign'
import { isTownLike, unitByName } from '@shared/campaign/campaign'
import type { AnnexColumn, AnnexDefinition } from '@shared/annexes/types'
import { normalizeCode, parseDateText } from '@shared/domain/normalize'
import { phoneKind } from '@shared/domain/phone'
import { checkUscc } from '@shared/domain/uscc'
import type { RecordFields } from '@shared/ledger/record'
import { cellText } from './cellText'
import type { HeaderCell, HeaderLayout } from './findHeader'

interface ValueKind {
  key: string
  holds: (text: string, campaign: Campaign) => boolean
  what: string
}

/** What a value must be for each field a column can be bound to by its values, in the order tried. */
const KINDS: readonly ValueKind[] = [
  { key: 'town', holds: (t, c) => { const u = unitByName(c, t); return u !== undefined && isTownLike(u) }, what: '镇（街道）名' },
  { key: 'uscc', holds: (t) => checkUscc(normalizeCode(t)).ok, what: '统一社会信用代码' },
  { key: 'phone', holds: (t) => phoneKind(t) !== null, what: '电话号码' }
]

/**
 * A column of dates goes to the form's one date field when it has only one (附件2's 完成时限); where a form has
 * several (发现日期, 完成时限, 销号日期 …), which one is meant is the clerk's to say.
 */
function dateKind(annex: AnnexDefinition<RecordFields>): ValueKind[] {
  const dates = annex.columns.filter((c) => c.kind === 'date' && !c.derive)
  const only = dates.length === 1 ? dates[0] : undefined
  return only ? [{ key: only.key, holds: (t) => parseDateText(t).ok, what: '日期' }] : []
}

/** Cells looked at per column, and the share of the filled ones that must agree. */
const LOOKED_AT = 50
const AGREE = 0.9

export interface ValueBinding {
  header: HeaderCell
  column: AnnexColumn
  what: string
}

/** Binds the unknown headers whose values say their field; the layout is changed in place. */
export function bindByValues(layout: HeaderLayout, annex: AnnexDefinition<RecordFields>, campaign: Campaign, date1904: boolean): ValueBinding[] {
  const bound = new Set(layout.bound.map((b) => b.column.key))
  const out: ValueBinding[] = []
  const kinds = [...KINDS, ...dateKind(annex)]
  for (const header of [...layout.unknown]) {
    const texts: string[] = []
    for (let r = layout.dataStart; r < layout.sheet.rows.length && texts.length < LOOKED_AT; r++) {
      const text = cellText(layout.sheet.rows[r]?.[header.index], date1904).trim()
      if (text !== '') texts.push(text)
    }
    if (texts.length === 0) continue
    const kind = kinds.find((k) => !bound.has(k.key) && texts.filter((t) => k.holds(t, campaign)).length >= AGREE * texts.length)
    const column = kind && annex.columns.find((c) => c.key === kind.key)
    if (!kind || !column) continue
    bound.add(column.key)
    layout.unknown.splice(layout.unknown.indexOf(header), 1)
    layout.bound.push({ ...header, column })
    out.push({ header, column, what: kind.what })
  }
  return out
}
