/**
 * The consolidations the office keeps apart. 附件3, 附件4, the contact list and the units' 回头看台账 (2023 items,
 * matched against new finds) each merge on their own, so a unit's
 * 附件3 never supersedes its 附件2; the 附表 merge week by week, so a week's newer file replaces only that week's
 * older one. Everything else (附件2, files that are no known form, the unit-only lists) goes with 附件2, where what
 * is not 附件2 is listed as rejected, with the reason.
 */
import { annex2 } from '../annexes/annex2'
import { annexById, OFFICE_FORMS } from '../annexes/registry'
import type { AnnexDefinition } from '../annexes/types'
import { weekly } from '../annexes/weekly'
import { chinaDate } from '../domain/chinaTime'
import type { RecordFields } from '../ledger/record'
import type { Consolidation, Decision, Submission } from '../merge/types'
import { reportFriday } from '../reports/weekly'

/** The streams that exist even before any file arrives: the office shows who has not reported them. */
export const FIXED_STREAMS: readonly string[] = OFFICE_FORMS.map((a) => a.id)

export const weeklyStream = (friday: string): string => `${weekly.id}:${friday}`

/** The weeks' consolidations among all the office's streams, by Friday. */
export function weeklyStreams(all: ReadonlyMap<string, Consolidation>): Map<string, Consolidation> {
  const prefix = weeklyStream('')
  return new Map([...all].filter(([stream]) => stream.startsWith(prefix)).map(([stream, c]) => [stream.slice(prefix.length), c]))
}

/**
 * A 附表 counts for the report week (Saturday … Friday) its 填报日期 falls in — our export writes the Friday — and,
 * without 填报日期, for the week it was received in.
 */
export function streamOf(s: Pick<Submission, 'annex' | 'filledDate' | 'receivedAt'>): string {
  if (s.annex === weekly.id) return weeklyStream(reportFriday(s.filledDate ?? chinaDate(s.receivedAt)))
  return s.annex !== null && (FIXED_STREAMS as readonly string[]).includes(s.annex) ? s.annex : annex2.id
}

export function streamAnnex(stream: string): AnnexDefinition<RecordFields> {
  return annexById(stream.split(':')[0] ?? '') ?? annex2
}

/**
 * The decisions a stream's consolidation applies: those on an enterprise hold on every form it appears on (it is
 * the same enterprise in 附件2 and 附件3), a chosen version only for its own form.
 */
export function decisionsFor(decisions: readonly Decision[], annexId: string): Decision[] {
  return decisions.filter((d) => d.kind !== 'use-version' || d.annex === annexId)
}
