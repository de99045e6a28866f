import { Worker } from 'node:worker_threads'
import type { ReadFailureCode } from './importResult'
import type { ImportLimits } from './limits'
import type { RawWorkbook } from './rawWorkbook'

export type ParseOutcome =
  | { ok: true; workbook: RawWorkbook }
  | { ok: false; code: ReadFailureCode | 'ENCRYPTED'; detail: string; sheet?: string }

/**
 * The default parser entry sits next to this file. The Electron main bundle passes its own URL instead
 * (electron-vite's `?modulePath` import of parseWorker.mjs), because bundling moves this module away from it.
 */
const defaultParserUrl = new URL('./parseWorker.mjs', import.meta.url)

/**
 * Parses a preflighted workbook in a worker thread with a heap limit and a wall-clock watchdog. Whatever the file
 * does to the parser (throw, hang, exhaust memory), the caller gets an outcome, never an exception or a hang.
 */
export function parseInWorker(
  bytes: Buffer,
  limits: ImportLimits,
  parserUrl: URL = defaultParserUrl
): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(parserUrl, {
      workerData: { bytes, maxRows: limits.maxRows },
      resourceLimits: { maxOldGenerationSizeMb: limits.parserHeapMb },
      // Whatever the parser prints stays in the thread: the CLI's stdout carries only its JSON.
      stdout: true,
      stderr: true
    })
    let settled = false
    const settle = (outcome: ParseOutcome): void => {
      if (settled) return
      settled = true
      clearTimeout(watchdog)
      resolve(outcome)
      void worker.terminate()
    }
    const watchdog = setTimeout(
      () => settle({ ok: false, code: 'PARSE_TIMEOUT', detail: `${limits.parseTimeoutMs / 1000} 秒` }),
      limits.parseTimeoutMs
    )
    worker.once('message', (outcome: ParseOutcome) => settle(outcome))
    worker.once('error', (e: NodeJS.ErrnoException) =>
      settle({
        ok: false,
        code: 'PARSE_FAILED',
        detail: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? '解析时内存不足' : String(e.message).slice(0, 200)
      })
    )
    worker.once('exit', () => settle({ ok: false, code: 'PARSE_FAILED', detail: '解析程序意外退出' }))
  })
}
