import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STATUSES } from '@shared/domain/enums'
import type { Action } from '@shared/lifecycle/actions'
import { actionsFor, applyAction, EDGES } from '@shared/lifecycle/actions'
import { missingFor, statusOf } from '@shared/lifecycle/requirements'
import { TLC_ITEMS, tlcKey } from '@shared/lifecycle/tlc'
import type { LedgerPayload, RecordFields } from '@shared/ledger/record'
import { applyChanges, emptyLedger } from '@shared/ledger/record'

const TODAY = '2024-06-20'
const closing: RecordFields = { name: '临夏市恒发石材厂', category: '关停取缔', deadline: '2024-06-30' }
const tlcAllDone: RecordFields = Object.fromEntries(TLC_ITEMS.map((i) => [tlcKey(i, 'Date'), '2024-06-10']))

function step(fields: RecordFields, action: Action): RecordFields {
  const r = applyAction(fields, action, TODAY)
  if (!r.ok) throw new Error(r.missing.join('；'))
  return r.fields
}

describe('one 关停取缔 record from 摸底 to 销号', () => {
  it('cannot be completed before 两断三清 is done, and says what is missing', () => {
    expect(applyAction(closing, 'stop', TODAY)).toEqual({ ok: false, missing: ['填写停产日期'] })
    let f = step(step({ ...closing, stopDate: '2024-05-20' }, 'stop'), 'start')
    const blocked = applyAction(f, 'complete', TODAY)
    expect(blocked).toEqual({
      ok: false,
      missing: ['两断三清未完成：断水、断电、清除原料、清除产品、清除设备（填写完成日期，或写明“不涉及”的原因）', '填写两断三清的核查人', '填写两断三清的核查日期', '填写完成日期']
    })
    f = { ...f, ...tlcAllDone, tlcWaterDate: '', tlcWaterNa: '无自来水接入', tlcInspector: '马建国', tlcInspectDate: '2024-06-12', completeDate: '2024-06-12' }
    f = step(f, 'complete')
    expect(statusOf(f)).toBe('已完成')
    expect(applyAction(f, 'accept', TODAY)).toMatchObject({ ok: false, missing: ['填写验收日期', '填写验收部门', '验收结论须为“合格”'] })
    f = step({ ...f, acceptDate: '2024-06-15', acceptDept: '市工信局', acceptResult: '合格' }, 'accept')
    expect(applyAction(f, 'close', TODAY)).toMatchObject({ ok: false, missing: ['填写佐证材料编号（一案一档）', '填写销号日期'] })
    f = step({ ...f, evidence: 'BF-2024-031', closeDate: '2024-06-18' }, 'close')
    expect(statusOf(f)).toBe('已销号')
  })

  it('a 销号 record that came back is reopened as 关停取缔 with a fresh 两断三清', () => {
    const closed: RecordFields = { ...closing, ...tlcAllDone, status: '已销号', category: '整合搬迁' }
    const reopened = step(closed, 'reopen')
    expect(reopened).toMatchObject({ status: '整治中', category: '关停取缔', reopenDate: TODAY, tlcPowerDate: '' })
  })
})

describe('升级改造', () => {
  it('turns into 关停取缔 only after its deadline passed without completion', () => {
    const f: RecordFields = { category: '升级改造', measures: '安装除尘设施', deadline: '2024-07-31', status: '整治中' }
    expect(actionsFor(f, TODAY).find((a) => a.action === 'convert')?.missing).toEqual(['只有超过完成时限仍未完成的“升级改造”问题才能转为关停取缔'])
    const late = step({ ...f, deadline: '2024-06-01' }, 'convert')
    expect(late).toMatchObject({ category: '关停取缔', convertedFrom: '升级改造', convertDate: TODAY, status: '整治中' })
  })
})

/** Random clerks: fill some field, or try some action; nothing reaches a status without its requirements. */
const FIELD_POOL: readonly [string, string][] = [
  ['stopDate', '2024-05-20'],
  ['category', '关停取缔'],
  ['category', '整合搬迁'],
  ['category', '升级改造'],
  ['measures', '一企一策'],
  ['completeDate', '2024-06-12'],
  ['tlcInspector', '马建国'],
  ['tlcInspectDate', '2024-06-12'],
  ['relocationTarget', '临夏经济开发区'],
  ['relocationDate', '2024-06-11'],
  ['oldSite', '已两断三清'],
  ['newSiteLicence', '有'],
  ['newSiteEia', '有'],
  ['acceptDate', '2024-06-15'],
  ['acceptDept', '市工信局'],
  ['acceptResult', '合格'],
  ['acceptResult', '不合格'],
  ['evidence', 'BF-1'],
  ['closeDate', '2024-06-18'],
  ['deadline', '2024-06-01'],
  ...TLC_ITEMS.map((i): [string, string] => [tlcKey(i, 'Date'), '2024-06-10']),
  ['tlcWaterNa', '无自来水']
]
const ACTIONS = Object.keys(EDGES) as Action[]
const move = fc.oneof(
  fc.constantFrom(...FIELD_POOL).map(([key, value]) => ({ kind: 'fill' as const, key, value })),
  fc.constantFrom(...ACTIONS).map((action) => ({ kind: 'act' as const, action }))
)

/** annexes.md §4.4 written out independently of the implementation: what any record at 已完成 or later must hold. */
function meetsCompletionSpec(f: RecordFields): boolean {
  const has = (k: string): boolean => typeof f[k] === 'string' && (f[k] as string) !== ''
  const itemDone = (id: string): boolean => has(`tlc${id}Date`) || has(`tlc${id}Na`)
  const all = ['Water', 'Power', 'Materials', 'Products', 'Equipment']
  if (!has('completeDate')) return false
  if (f['category'] === '关停取缔') return all.every(itemDone) && has('tlcInspector') && has('tlcInspectDate')
  if (f['category'] === '整合搬迁') {
    return itemDone('Power') && itemDone('Equipment') && has('relocationTarget') && has('relocationDate') && has('oldSite') && f['oldSite'] !== '未处置' && f['newSiteLicence'] === '有' && f['newSiteEia'] === '有'
  }
  return f['category'] === '升级改造' && has('measures') && has('deadline')
}
const meetsClosureSpec = (f: RecordFields): boolean =>
  meetsCompletionSpec(f) && f['acceptResult'] === '合格' && typeof f['evidence'] === 'string' && f['evidence'] !== '' && f['closeDate'] !== undefined && f['closeDate'] !== ''

describe('state machine (property)', () => {
  it('no path reaches a status without its requirements, and the history replays to the current status', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 60 }), (moves) => {
        let ledger: LedgerPayload = emptyLedger('t005')
        const save = (fields: RecordFields): void => {
          ledger = applyChanges(ledger, { upserts: [{ id: 'r', fields }], deletes: [] }, { at: 't', by: '甲', problemNo: (n) => `P${n}` }).ledger
        }
        save({ name: '临夏市某厂' })
        for (const m of moves) {
          const current = ledger.records[0]?.fields as RecordFields
          if (m.kind === 'fill') {
            save({ ...current, [m.key]: m.value })
            continue
          }
          const r = applyAction(current, m.action, TODAY)
          if (!r.ok) continue
          expect(missingFor(EDGES[m.action].to, r.fields)).toEqual([])
          const to = EDGES[m.action].to
          if (to === '已完成' || to === '已验收') expect(meetsCompletionSpec(r.fields)).toBe(true)
          if (to === '已销号') expect(meetsClosureSpec(r.fields)).toBe(true)
          save(r.fields)
        }
        const final = statusOf(ledger.records[0]?.fields ?? {})
        let replayed = '已登记'
        for (const h of ledger.history) {
          if (h.field !== 'status') continue
          const legal = ACTIONS.some((a) => EDGES[a].from.includes(replayed as never) && EDGES[a].to === h.to)
          expect(legal, `${replayed} → ${String(h.to)}`).toBe(true)
          expect(h.from || '已登记').toBe(replayed)
          replayed = h.to as string
        }
        expect(replayed).toBe(final)
        expect(STATUSES).toContain(final)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('deadline notes printed in 备注', () => {
  it('names the passed 完成时限, and says when an 升级改造 should become 关停取缔', async () => {
    const { deadlineNote } = await import('@shared/lifecycle/lifecycleIssues')
    expect(deadlineNote({ category: '关停取缔', deadline: '2024-06-01', status: '整治中' }, TODAY)).toBe('逾期未完成（时限2024-06-01）')
    expect(deadlineNote({ category: '升级改造', deadline: '2024-06-01', status: '整治中' }, TODAY)).toBe('逾期未完成（时限2024-06-01），应转关停取缔')
    expect(deadlineNote({ category: '升级改造', deadline: '2024-06-01', status: '已完成', completeDate: '2024-05-30' }, TODAY)).toBe('')
    expect(deadlineNote({ category: '关停取缔', deadline: '2024-07-01' }, TODAY)).toBe('')
  })
})
