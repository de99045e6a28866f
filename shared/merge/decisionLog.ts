/**
 * The office's decisions as a log: the last decision on a conflict (or on a unit's version) is the one in force,
 * earlier ones are kept and reported as replaced, so a decision is never lost and never applied twice.
 */
import { chinaDateTimeCn } from '../domain/chinaTime'
import { compareText } from './order'
import type { Decision, DecisionOutcome } from './types'

/** What applying a decision in force did, or why it did nothing (Chinese). */
export interface Verdict {
  applied: boolean
  note: string
}

export type UseVersion = Extract<Decision, { kind: 'use-version' }>
export type RowDecision = Exclude<Decision, UseVersion>

export interface DecisionLog {
  /** By time made; decisions made at the same instant keep the order given. */
  ordered: Decision[]
  /** Decisions in force on duplicate groups, by enterprise key. */
  byKey: Map<string, RowDecision>
  /** Versions pinned by the office, by unit + annex (versionKey). */
  pins: Map<string, UseVersion>
}

export function versionKey(unit: string, annex: string): string {
  return `${unit}\u0000${annex}`
}

function target(d: Decision): string {
  return d.kind === 'use-version' ? `version:${versionKey(d.unit, d.annex)}` : `key:${d.key}`
}

export function decisionLog(decisions: readonly Decision[]): DecisionLog {
  const ordered = [...decisions].sort((a, b) => compareText(a.at, b.at))
  const byKey = new Map<string, RowDecision>()
  const pins = new Map<string, UseVersion>()
  for (const d of ordered) {
    if (d.kind === 'use-version') pins.set(versionKey(d.unit, d.annex), d)
    else byKey.set(d.key, d)
  }
  return { ordered, byKey, pins }
}

/** One outcome per decision, in the order made. */
export function decisionOutcomes(log: DecisionLog, verdicts: ReadonlyMap<Decision, Verdict>): DecisionOutcome[] {
  const inForce = new Set<Decision>([...log.byKey.values(), ...log.pins.values()])
  const lastOn = new Map(log.ordered.map((d) => [target(d), d]))
  return log.ordered.map((decision) => {
    if (!inForce.has(decision)) {
      const later = lastOn.get(target(decision))
      return { decision, status: 'replaced', note: later ? `已被 ${chinaDateTimeCn(later.at)} 的决定取代` : '已被后来的决定取代' }
    }
    const verdict = verdicts.get(decision) ?? { applied: false, note: '没有可执行的对象' }
    return { decision, status: verdict.applied ? 'applied' : 'idle', note: verdict.note }
  })
}
