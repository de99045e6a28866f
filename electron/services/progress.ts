/**
 * How far a long request is (an import preview, its commit, an export, the office's merge), for the window to show a
 * count and a bar. The renderer names the request (progressId) and polls `progress:get` while it waits; the work
 * reports its steps wherever it is, without passing a reporter down: the request's own async context carries it.
 * Serves Electron and the web server alike, since both run the same handlers.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { ProgressView } from '@shared/ipc/contract'

const running = new Map<string, ProgressView>()
const current = new AsyncLocalStorage<ProgressView>()

/** Runs `work` as request `id` (none: untracked); its progress can be read until it ends. */
export async function tracked<T>(id: string | undefined, work: () => Promise<T>): Promise<T> {
  if (id === undefined) return work()
  const state: ProgressView = { step: '', done: 0, total: null, unit: '' }
  running.set(id, state)
  try {
    return await current.run(state, work)
  } finally {
    running.delete(id)
  }
}

/** Reports where the request is: its step, how many of `total` (null: not known yet) rows or files are done. */
export type ReportProgress = (step: string, done: number, total: number | null, unit: string) => void

const reportTo =
  (state: ProgressView | undefined): ReportProgress =>
  (step, done, total, unit) => {
    if (state) Object.assign(state, { step, done, total, unit })
  }

/** Reports a step of the request now running (nothing outside one). */
export const reportProgress: ReportProgress = (...args) => reportTo(current.getStore())(...args)

/** The reporter of the request now running, for callbacks that run outside its context (a parser thread's messages). */
export function progressReporter(): ReportProgress {
  return reportTo(current.getStore())
}

/** Runs `work` without reporting to the request (a file of a batch whose count the batch reports). */
export function unreported<T>(work: () => T): T {
  return current.exit(work)
}

/** A copy of the request's progress; null once it has ended (or never was). */
export function progressOf(id: string): ProgressView | null {
  const state = running.get(id)
  return state ? { ...state } : null
}
