import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ReportProgress } from '../progress'
import { progressReporter } from '../progress'
import type { ReadFailureCode } from './importResult'
import type { ImportLimits } from './limits'
import type { RawWorkbook } from './rawWorkbook'
import type { SheetCaps } from './sheetCaps.mjs'
import type { WireWorkbook } from './wireWorkbook.mjs'
import { decodeWorkbook } from './wireWorkbook.mjs'
import type { ZipFailure, ZipLimits } from './zipScan.mjs'

type ParseFailure = { ok: false; code: ReadFailureCode | ZipFailure; detail: string; sheet?: string }

export type ParseOutcome = { ok: true; workbook: RawWorkbook } | ParseFailure

/** What the thread (parseWorker.mjs) is sent: the file's bytes and its caps; a CSV with the name its sheet takes. */
export type ParseJob = { bytes: Uint8Array; sheetCaps: SheetCaps; zipLimits: ZipLimits } & (
  | { format?: undefined }
  | { format: 'csv'; fileName: string }
)

/** What the thread posts: rows read so far while it reads, then the workbook in its wire form or the failure. */
export type Posted = { progress: number } | Outcome
type Outcome = { ok: true; wire: WireWorkbook } | ParseFailure

/**
 * The default parser entry sits next to this file. The Electron main bundle passes its own URL instead
 * (electron-vite's `?modulePath` import of parseWorker.mjs), because bundling moves this module away from it.
 */
const defaultParserUrl = new URL('./parseWorker.mjs', import.meta.url)

/**
 * A thread that parsed a file cleanly waits this long for the next one. A fresh thread loads SheetJS and runs it
 * unoptimised, which took two thirds of each file's parse in a folder merge; an idle one is ended soon after, so
 * the app does not keep its heap between imports.
 */
const IDLE_MS = 2_000
/**
 * Parses at a time: one per core, at most four (each thread may take its parserHeapMb). A file beyond that waits for a
 * thread rather than competing for a core.
 */
export const PARSER_THREADS = Math.min(4, availableParallelism())

interface Parser {
  worker: Worker
  /** Threads are reused only with the same entry and heap limit (fixed when a thread starts). */
  key: string
  idleTimer?: NodeJS.Timeout
}

const idle: Parser[] = []

function takeParser(parserUrl: URL, heapMb: number): Parser {
  const key = `${heapMb}|${parserUrl.href}`
  const at = idle.findIndex((p) => p.key === key)
  if (at >= 0) {
    const [parser] = idle.splice(at, 1) as [Parser]
    clearTimeout(parser.idleTimer)
    parser.worker.ref()
    return parser
  }
  const worker = new Worker(parserUrl, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    // Plain JavaScript needs none of the process's loaders: tsx's (the CLI) would load in every thread first.
    execArgv: [],
    // Whatever the parser prints stays in the thread: the CLI's stdout carries only its JSON.
    stdout: true,
    stderr: true
  })
  const parser: Parser = { worker, key }
  // A thread that dies while idle just leaves the pool; its failures during a parse are handled per file.
  worker.on('error', () => {})
  worker.on('exit', () => leavePool(parser))
  return parser
}

function leavePool(parser: Parser): void {
  const i = idle.indexOf(parser)
  if (i >= 0) idle.splice(i, 1)
}

/** Keeps a thread for the next file; it does not hold the process open while it waits. */
function release(parser: Parser): void {
  if (idle.length >= PARSER_THREADS) {
    void parser.worker.terminate()
    return
  }
  parser.worker.unref()
  // Out of the pool before it is ended: a thread still exiting must not be handed the next file.
  parser.idleTimer = setTimeout(() => {
    leavePool(parser)
    void parser.worker.terminate()
  }, IDLE_MS).unref()
  idle.push(parser)
}

let running = 0
const waiting: (() => void)[] = []

async function takeTurn(): Promise<void> {
  if (running < PARSER_THREADS) running++
  else await new Promise<void>((resolve) => waiting.push(resolve))
}

/** Hands the turn to the next waiting file, if any. */
function endTurn(): void {
  const next = waiting.shift()
  if (next) next()
  else running--
}

/**
 * Parses a preflighted workbook in a worker thread with a heap limit and a wall-clock watchdog. Whatever the file
 * does to the parser (throw, hang, exhaust memory), the caller gets an outcome, never an exception or a hang. Only
 * a thread that parsed its file cleanly is reused; one that failed in any way is ended with its file. The watchdog
 * starts when the file's turn comes. A CSV (`csvFileName` given, its sheet's name comes from it) is read as text.
 * A thread that throws outside the parser's own catch, or dies without answering, is a bug rather than the file's
 * doing (the file is refused all the same): `onCrash` is told, for the log. Running out of its heap or time is not.
 */
export async function parseInWorker(
  bytes: Buffer,
  limits: ImportLimits,
  parserUrl: URL = defaultParserUrl,
  csvFileName?: string,
  onCrash: (e: Error) => void = () => {}
): Promise<ParseOutcome> {
  const report = progressReporter()
  await takeTurn()
  try {
    return await parseInThread(bytes, limits, parserUrl, csvFileName, onCrash, report)
  } finally {
    endTurn()
  }
}

function parseInThread(
  bytes: Buffer,
  limits: ImportLimits,
  parserUrl: URL,
  csvFileName: string | undefined,
  onCrash: (e: Error) => void,
  report: ReportProgress
): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    const parser = takeParser(parserUrl, limits.parserHeapMb)
    const { worker } = parser
    let settled = false
    const settle = (outcome: ParseOutcome, reusable = false): void => {
      if (settled) return
      settled = true
      clearTimeout(watchdog)
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      resolve(outcome)
      if (reusable) release(parser)
      else void worker.terminate()
    }
    const onMessage = (posted: Posted): void => {
      if ('progress' in posted) return report('读取表格', posted.progress, null, '行')
      settle(posted.ok ? { ok: true, workbook: decodeWorkbook(posted.wire) } : posted, posted.ok)
    }
    const onError = (e: NodeJS.ErrnoException): void => {
      const outOfMemory = e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      if (!settled && !outOfMemory) onCrash(e)
      settle({ ok: false, code: 'PARSE_FAILED', detail: outOfMemory ? '解析时内存不足' : String(e.message).slice(0, 200) })
    }
    const onExit = (exitCode: number): void => {
      if (!settled) onCrash(new Error(`parser thread exited with code ${exitCode} before answering`))
      settle({ ok: false, code: 'PARSE_FAILED', detail: '解析程序意外退出' })
    }
    const watchdog = setTimeout(
      () => settle({ ok: false, code: 'PARSE_TIMEOUT', detail: `${limits.parseTimeoutMs / 1000} 秒` }),
      limits.parseTimeoutMs
    )
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
    const { maxZipEntries, maxEntryInflatedBytes, maxTotalInflatedBytes, ratioFloorBytes, maxRatio } = limits
    const zipLimits: ZipLimits = { maxZipEntries, maxEntryInflatedBytes, maxTotalInflatedBytes, ratioFloorBytes, maxRatio }
    // Rows are capped here at what our own consolidation may hold; a unit's file is held to maxRows once its
    // _meta has been read (readAnnexWorkbook.ts).
    const sheetCaps: SheetCaps = {
      maxRows: Math.max(limits.maxRows, limits.maxConsolidatedRows),
      maxColumns: limits.maxColumns,
      maxCells: limits.maxCells
    }
    const csv = csvFileName === undefined ? {} : { format: 'csv' as const, fileName: csvFileName }
    const job: ParseJob = { bytes, sheetCaps, zipLimits, ...csv }
    worker.postMessage(job)
  })
}
