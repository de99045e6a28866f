/**
 * Saves the ledger's changes in the background: a short pause after the last edit, one save at a time, retries
 * with back-off after a failure. The state it reports is what the status bar shows (已保存 / 保存中 / 保存失败).
 */
import type { SaveReceipt } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import type { LedgerChanges } from '@shared/ledger/record'
import type { LedgerModel } from './ledgerModel'

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string; retrying: boolean }

export interface AutosaverOptions {
  generation: number
  send: (baseGeneration: number, changes: LedgerChanges) => Promise<Result<SaveReceipt>>
  onState: (state: SaveState) => void
  onAssigned: (assigned: Record<string, string>) => void
  /** Edits held outside the model (text still being typed) are handed to it before a flush. */
  beforeFlush?: () => void
  debounceMs?: number
}

/** Errors a retry cannot fix: the user has to act (reload, close the other program, upgrade). */
const FINAL = new Set(['STALE', 'READ_ONLY', 'LOCKED', 'INVALID_INPUT'])

export class Autosaver {
  private generation: number
  private timer: ReturnType<typeof setTimeout> | null = null
  private inFlight: Promise<void> | null = null
  private failures = 0
  private stopped = false

  constructor(
    private readonly model: LedgerModel,
    private readonly opt: AutosaverOptions
  ) {
    this.generation = opt.generation
  }

  /** The generation the next save builds on (after the last acknowledged save). */
  get currentGeneration(): number {
    return this.generation
  }

  /** Call after every change to the model. */
  changed(): void {
    if (this.stopped) return
    this.opt.onState({ kind: 'pending' })
    this.schedule(this.opt.debounceMs ?? 400)
  }

  /** Saves now and resolves once nothing is left unsaved (or a save failed). */
  async flush(): Promise<boolean> {
    this.opt.beforeFlush?.()
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    while (this.inFlight) await this.inFlight
    if (this.model.hasUnsaved) await this.run()
    return !this.model.hasUnsaved
  }

  dispose(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.run()
    }, ms)
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = null
    })
    return this.inFlight
  }

  private async saveOnce(): Promise<void> {
    const changes = this.model.takeChanges()
    if (changes.upserts.length === 0 && changes.deletes.length === 0) return
    this.opt.onState({ kind: 'saving' })
    const result = await this.opt.send(this.generation, changes)
    if (result.ok) {
      this.failures = 0
      this.generation = result.value.generation
      this.opt.onAssigned(result.value.assigned)
      if (this.model.hasUnsaved) this.schedule(0)
      else this.opt.onState({ kind: 'saved', at: result.value.savedAt })
      return
    }
    this.model.unsent(changes)
    const retrying = !FINAL.has(result.error.code) && !this.stopped
    this.opt.onState({ kind: 'error', message: result.error.message, retrying })
    if (retrying) this.schedule(Math.min(30_000, 1000 * 2 ** this.failures++))
  }
}
