import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SaveReceipt } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import type { LedgerChanges } from '@shared/ledger/record'
import type { SaveState } from '../../renderer/src/features/ledger/autosave'
import { Autosaver } from '../../renderer/src/features/ledger/autosave'
import { LedgerModel } from '../../renderer/src/features/ledger/ledgerModel'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup(replies: Result<SaveReceipt>[]): { model: LedgerModel; saver: Autosaver; states: SaveState[]; sent: [number, LedgerChanges][] } {
  const model = new LedgerModel([])
  const states: SaveState[] = []
  const sent: [number, LedgerChanges][] = []
  const saver = new Autosaver(model, {
    generation: 7,
    debounceMs: 400,
    send: async (base, changes) => {
      sent.push([base, changes])
      return replies.shift() ?? { ok: true, value: { generation: base + 1, savedAt: '2024-05-09T10:00:00Z', assigned: {} } }
    },
    onState: (s) => states.push(s),
    onAssigned: (a) => model.setProblemNumbers(a)
  })
  return { model, saver, states, sent }
}

describe('Autosaver', () => {
  it('waits for a pause in editing, then saves once with the current generation', async () => {
    const { model, saver, states, sent } = setup([])
    model.insert([{ name: '甲' }])
    saver.changed()
    await vi.advanceTimersByTimeAsync(200)
    model.insert([{ name: '乙' }])
    saver.changed()
    await vi.advanceTimersByTimeAsync(400)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.[0]).toBe(7)
    expect(sent[0]?.[1].upserts).toHaveLength(2)
    expect(states.at(-1)).toEqual({ kind: 'saved', at: '2024-05-09T10:00:00Z' })
  })

  it('keeps the changes after a failure, says so, and retries with the same data', async () => {
    const { model, saver, states, sent } = setup([{ ok: false, error: { code: 'IO', message: '磁盘空间已满' } }])
    model.insert([{ name: '甲' }])
    saver.changed()
    await vi.advanceTimersByTimeAsync(400)
    expect(states.at(-1)).toEqual({ kind: 'error', message: '磁盘空间已满', retrying: true })
    expect(model.hasUnsaved).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent).toHaveLength(2)
    expect(sent[1]?.[1].upserts[0]?.fields['name']).toBe('甲')
    expect(states.at(-1)?.kind).toBe('saved')
  })

  it('does not retry what only the user can resolve (the ledger changed elsewhere)', async () => {
    const { model, saver, states, sent } = setup([{ ok: false, error: { code: 'STALE', message: '台账已被其他程序修改' } }])
    model.insert([{ name: '甲' }])
    saver.changed()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent).toHaveLength(1)
    expect(states.at(-1)).toMatchObject({ kind: 'error', retrying: false })
  })

  it('flush saves at once and the next save uses the new generation', async () => {
    const { model, saver, sent } = setup([])
    model.insert([{ name: '甲' }])
    saver.changed()
    await saver.flush()
    model.insert([{ name: '乙' }])
    await saver.flush()
    expect(sent.map((s) => s[0])).toEqual([7, 8])
  })
})
