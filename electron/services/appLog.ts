/**
 * The app's log: one file per day in the data folder's logs/ (2024-05-09.log), named by the date in China, so a clerk
 * who meets a bug has one file to send. electron-log writes the files (the desktop app passes electron-log/main; the
 * web mode, the CLI and tests use electron-log/node); this module only chooses the file, keeps the last
 * LOG_KEEP_DAYS days and decides what a line may say: an error's stack and a short summary of what was asked, never
 * a file's contents nor the text a clerk typed.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { arch, release } from 'node:os'
import { join } from 'node:path'
import type { LogLevel, NodeLogger } from 'electron-log'
import nodeLog from 'electron-log/node'
import { APP_VERSION } from './appInfo'
import { APP_DIR_NAME } from './paths'
import { chinaClock, chinaDate } from '@shared/domain/chinaTime'

export const LOG_KEEP_DAYS = 30
/** Past this a day's file is moved to <day>.old.log by electron-log (replacing an older one): at most twice this a day. */
const MAX_FILE_BYTES = 2 * 1024 * 1024
const MAX_STACK_CHARS = 4000
const MAX_SUMMARY_CHARS = 400

export interface AppLog {
  info(line: string): void
  warn(line: string): void
  /** Writes an unexpected error with its stack and a summary of `context`; returns the file to send. */
  bug(where: string, e: unknown, context?: unknown): string
  /** One line on what started: version, app, data folder, platform. */
  started(app: 'desktop' | 'web'): void
}

export interface AppLogOptions {
  /** electron-log/main in the desktop app; electron-log/node elsewhere. */
  base?: NodeLogger
  now?: () => Date
  /** Tests lower it instead of writing megabytes. */
  maxFileBytes?: number
  /** Also print warnings and errors on the console (the web mode's terminal). */
  echo?: boolean
}

/** "2024-05-09 08:30:00.000": China time to the millisecond, for the start of each line. */
const chinaTime = (at: Date): string => `${chinaDate(at)} ${chinaClock(at)}.${String(at.getUTCMilliseconds()).padStart(3, '0')}`

/** Our daily files (and electron-log's .old.log of one): the only files in logs/ that pruning may delete. */
const DAILY_FILE = /^(\d{4}-\d{2}-\d{2})(\.old)?\.log$/

/**
 * Deletes our daily files older than LOG_KEEP_DAYS days before `day`; anything else in the folder stays. A file that
 * cannot be deleted (open elsewhere) is left for the next day: the line being written matters more.
 */
function pruneOld(dir: string, day: string): void {
  const cutoff = new Date(Date.parse(`${day}T00:00:00Z`) - (LOG_KEEP_DAYS - 1) * 86_400_000).toISOString().slice(0, 10)
  try {
    for (const name of readdirSync(dir)) {
      const fileDay = DAILY_FILE.exec(name)?.[1]
      if (fileDay !== undefined && fileDay < cutoff) rmSync(join(dir, name), { force: true })
    }
  } catch {
    // no folder yet, or a file held open: nothing to prune now
  }
}

export function createAppLog(dataPath: string, options: AppLogOptions = {}): AppLog {
  const { base = nodeLog, now = () => new Date(), maxFileBytes = MAX_FILE_BYTES, echo = false } = options
  const dir = join(dataPath, 'logs')
  const fileOf = (at: Date): string => join(dir, `${chinaDate(at)}.log`)
  const logger = base.create({ logId: `slw ${dir}` })
  // The file, and the console when asked; not the renderer's dev tools (ipc) nor a server (remote).
  for (const [name, transport] of Object.entries(logger.transports)) {
    if (transport && name !== 'file') transport.level = name === 'console' && echo ? 'warn' : false
  }
  const file = logger.transports.file
  // Without a name electron-log looks for a package.json from the working folder, and throws where there is none.
  file.setAppName(APP_DIR_NAME)
  file.maxSize = maxFileBytes
  file.format = ({ level, message }) => [`[${chinaTime(message.date)} +08:00] [${level}] ${message.data.join(' ')}`]
  let prunedOn = ''
  file.resolvePathFn = (_vars, message) => {
    const at = message?.date ?? now()
    // The first line of each day clears out the days that are no longer kept (an app may run for weeks).
    if (chinaDate(at) !== prunedOn) {
      prunedOn = chinaDate(at)
      pruneOld(dir, prunedOn)
    }
    return fileOf(at)
  }

  /** A log never breaks what it records: a folder that cannot be written just loses the line. */
  const write = (level: LogLevel, text: string, date: Date): void => {
    try {
      // The folder may have been deleted since the day's first line; electron-log makes it only once per file.
      mkdirSync(dir, { recursive: true })
      logger.processMessage({ data: [text], level, date })
    } catch {
      // nothing more to do: the caller still answers the user
    }
  }

  return {
    info: (line) => write('info', line, now()),
    warn: (line) => write('warn', line, now()),
    bug(where, e, context) {
      const at = now()
      const input = context === undefined ? '' : `\n  input: ${summarize(context)}`
      write('error', `${where}: ${errorText(e)}${input}`, at)
      return fileOf(at)
    },
    started(app) {
      const electron = process.versions['electron'] ? `, Electron ${process.versions['electron']}` : ''
      write(
        'info',
        `散乱污台账 ${APP_VERSION} (${app}) started: data folder ${dataPath}, ${process.platform} ${release()} ${arch()}, Node ${process.versions.node}${electron}`,
        now()
      )
    }
  }
}

/** What a clerk is told to do with the log, after "something went wrong". */
export const sendLogAdvice = (file: string): string => `请把日志文件“${file}”发给技术支持（错误已记录在其中）。`

/** An error's stack (or what was thrown), with its cause, cut to a bounded length. */
function errorText(e: unknown): string {
  const one = (x: unknown): string => (x instanceof Error ? (x.stack ?? `${x.name}: ${x.message}`) : `thrown ${typeof x}: ${String(x)}`)
  const cause = e instanceof Error && e.cause !== undefined ? `\n  caused by: ${one(e.cause)}` : ''
  const text = one(e) + cause
  return text.length > MAX_STACK_CHARS ? `${text.slice(0, MAX_STACK_CHARS)}…` : text
}

/** Keys whose text a log line shows: which unit, form, record, stage, day or file a request was about. */
const SHOWN_KEYS = new Set(['unitId', 'unit', 'annex', 'recordId', 'stageId', 'friday', 'date', 'format', 'fileName', 'suggestedName'])

/**
 * A request in one bounded line: its shape, counts and lengths, and the text only of the keys that name what it was
 * about. A base64 file shows as its length; a name, a phone or a record's fields never show.
 */
function summarize(value: unknown): string {
  const text = describe(value, undefined, 4)
  return text.length > MAX_SUMMARY_CHARS ? `${text.slice(0, MAX_SUMMARY_CHARS)}…` : text
}

function describe(v: unknown, key: string | undefined, depth: number): string {
  if (typeof v === 'string') return key !== undefined && SHOWN_KEYS.has(key) ? JSON.stringify(v.slice(0, 80)) : `<${v.length} chars>`
  if (typeof v !== 'object' || v === null) return String(v)
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return `<${v.byteLength} bytes>`
  if (v instanceof Map || v instanceof Set) return `<${v.constructor.name} of ${v.size}>`
  if (Array.isArray(v)) {
    const first = v.length > 0 && depth > 0 ? `: ${describe(v[0], undefined, depth - 1)}${v.length > 1 ? ', …' : ''}` : ''
    return `[${v.length} items${first}]`
  }
  if (depth === 0) return '{…}'
  const keys = Object.keys(v)
  const shown = keys.slice(0, 12).map((k) => `${k}: ${describe((v as Record<string, unknown>)[k], k, depth - 1)}`)
  return `{${shown.join(', ')}${keys.length > 12 ? ', …' : ''}}`
}
