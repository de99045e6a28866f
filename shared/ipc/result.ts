/** Handlers return results; nothing is thrown across a process boundary (Electron keeps only `message`). */

export type ErrorCode =
  | 'INVALID_INPUT' // the caller sent something the contract does not allow
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'READ_ONLY' // ledger written by a newer version, or a recovery left it read-only
  | 'LOCKED' // another program is writing this ledger
  | 'STALE' // the ledger changed since the caller loaded it
  | 'UNRECOVERABLE' // files exist but none is valid: never started from empty
  | 'IO' // disk full, permission denied …
  | 'INTERNAL'

export interface AppError {
  code: ErrorCode
  /** Chinese sentence for the user, saying what happened and what to do. */
  message: string
  details?: string[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message }
})

/** An error a service raises on purpose, carrying the code and Chinese message the user will see. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[]
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}
