/**
 * The state machine of one record (annexes.md §2.3): 已登记 → 已停产 → 整治中 → 已完成 → 已验收 → 已销号, plus
 * 转关停取缔 (an 升级改造 past its deadline) and 重新整治 (a 销号 record that came back, found by 回头看). An action is
 * allowed only when the target status's requirements are met; the result is new fields, saved like any edit, so
 * every step lands in the record's history.
 */
import type { Status } from '../domain/enums'
import type { RecordFields } from '../ledger/record'
import { lifecycleText } from './fields'
import type { Need } from './requirements'
import { needsFor, reached, statusOf } from './requirements'

export type Action = 'stop' | 'start' | 'complete' | 'accept' | 'close' | 'convert' | 'reopen'

interface Edge {
  label: string
  from: readonly Status[]
  to: Status
}

export const EDGES: Readonly<Record<Action, Edge>> = {
  stop: { label: '停产', from: ['已登记'], to: '已停产' },
  start: { label: '开始整治', from: ['已登记', '已停产'], to: '整治中' },
  complete: { label: '整治完成', from: ['整治中'], to: '已完成' },
  accept: { label: '验收通过', from: ['已完成'], to: '已验收' },
  close: { label: '销号', from: ['已验收'], to: '已销号' },
  convert: { label: '转关停取缔', from: ['已登记', '已停产', '整治中'], to: '整治中' },
  reopen: { label: '重新整治（死灰复燃）', from: ['已销号'], to: '整治中' }
}

export interface ActionOption {
  action: Action
  label: string
  to: Status
  /** Chinese sentences; the action is allowed when empty. */
  missing: string[]
  /** The same, with the field to fill where there is one. */
  needs: Need[]
}

/** An 升级改造 record whose 完成时限 has passed without completion must be turned into 关停取缔 (annexes.md §2.3). */
export function shouldConvert(fields: RecordFields, today: string): boolean {
  const deadline = lifecycleText(fields, 'deadline')
  return fields['category'] === '升级改造' && deadline !== '' && deadline < today && !reached(fields, '已完成')
}

function extraChecks(action: Action, fields: RecordFields, today: string): string[] {
  if (action === 'convert' && !shouldConvert(fields, today)) {
    return ['只有超过完成时限仍未完成的“升级改造”问题才能转为关停取缔']
  }
  return []
}

/** The actions that can follow from the record's status, each with what is still missing. */
export function actionsFor(fields: RecordFields, today: string): ActionOption[] {
  const status = statusOf(fields)
  return (Object.keys(EDGES) as Action[])
    // 转关停取缔 only concerns 升级改造 records; it is not offered to the others.
    .filter((a) => EDGES[a].from.includes(status) && (a !== 'convert' || fields['category'] === '升级改造'))
    .map((action) => {
      const edge = EDGES[action]
      const needs = [...extraChecks(action, fields, today).map((message) => ({ message })), ...needsFor(edge.to, effect(action, fields, today))]
      return { action, label: edge.label, to: edge.to, needs, missing: needs.map((n) => n.message) }
    })
}

/** The fields after an action (status and what the step itself records), without checking anything. */
function effect(action: Action, fields: RecordFields, today: string): RecordFields {
  const next: RecordFields = { ...fields, status: EDGES[action].to }
  if (action === 'convert') {
    next['convertedFrom'] = lifecycleText(fields, 'category')
    next['category'] = '关停取缔'
    next['convertDate'] = today
  }
  if (action === 'reopen') {
    // 死灰复燃: 关停取缔 again, with a fresh 两断三清 (the old dates stay in the history).
    next['category'] = '关停取缔'
    next['reopenDate'] = today
    for (const key of Object.keys(next)) if (/^tlc.*(Date|Method|Na)$/.test(key) || ['acceptResult', 'closeDate', 'completeDate'].includes(key)) next[key] = ''
  }
  return next
}

export type ActionResult = { ok: true; fields: RecordFields } | { ok: false; missing: string[] }

export function applyAction(fields: RecordFields, action: Action, today: string): ActionResult {
  const option = actionsFor(fields, today).find((o) => o.action === action)
  if (!option) return { ok: false, missing: [`当前状态为“${statusOf(fields)}”，不能${EDGES[action].label}`] }
  if (option.missing.length) return { ok: false, missing: option.missing }
  return { ok: true, fields: effect(action, fields, today) }
}
