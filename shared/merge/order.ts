/**
 * The orders a consolidation is built and shown in. Everything is sorted by these before use, so the result never
 * depends on the order files were dropped or read in. Text compares by code unit, not locale, to be stable everywhere.
 */
import type { Campaign } from '../campaign/campaign'
import type { Submission } from './types'

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Units in campaign order; names the campaign does not know (a roll-up from elsewhere) follow by name, null last. */
export function unitComparator(campaign: Campaign): (a: string | null, b: string | null) => number {
  const rank = new Map(campaign.units.map((u, i) => [u.name, i]))
  const known = campaign.units.length
  const rankOf = (u: string | null): number => (u === null ? known + 1 : (rank.get(u) ?? known))
  return (a, b) => rankOf(a) - rankOf(b) || compareText(a ?? '', b ?? '')
}

/**
 * Unit, annex, then oldest to newest: 填报日期 (none counts as oldest), time received, file name, sha256. Within one
 * unit and annex the last one is therefore the newest version, and equal 填报日期 are broken the same way every time.
 */
export function submissionComparator(campaign: Campaign): (a: Submission, b: Submission) => number {
  const units = unitComparator(campaign)
  return (a, b) =>
    units(a.unit, b.unit) ||
    compareText(a.annex ?? '', b.annex ?? '') ||
    compareText(a.filledDate ?? '', b.filledDate ?? '') ||
    compareText(a.receivedAt, b.receivedAt) ||
    compareText(a.file, b.file) ||
    compareText(a.sha256, b.sha256)
}
