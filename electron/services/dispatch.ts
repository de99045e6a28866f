import type { ChannelName, Handlers } from '@shared/ipc/contract'
import { contract } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import { AppFailure, fail, ok } from '@shared/ipc/result'
import type { AppLog } from './appLog'
import { sendLogAdvice } from './appLog'


/**
 * The most one request may carry, whichever way it comes: the web server stops reading a body beyond it and
 * dispatch refuses an IPC message that measures more (reliability.md §2.3).
 */
export const MAX_REQUEST_BYTES = 256 * 1024 * 1024

export const REQUEST_TOO_LARGE = fail('INVALID_INPUT', `一次提交的内容超过 ${MAX_REQUEST_BYTES / 1024 / 1024} MB，未执行。请分几次选择文件。`)

/**
 * Whether a request's payload is over `cap` bytes, counted as its JSON would be (strings as UTF-8, byte arrays by
 * length). Stops as soon as the cap is passed; an IPC message may share or cycle objects, each is counted once.
 */
export function exceedsRequestCap(value: unknown, cap = MAX_REQUEST_BYTES): boolean {
  let size = 0
  const seen = new Set<object>()
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'string') size += Buffer.byteLength(v) + 2
    else if (ArrayBuffer.isView(v)) size += v.byteLength
    else if (v instanceof ArrayBuffer) size += v.byteLength
    else if (v !== null && typeof v === 'object') {
      if (seen.has(v)) continue
      seen.add(v)
      const entries: Iterable<[unknown, unknown]> = v instanceof Map ? v : v instanceof Set ? v.entries() : Object.entries(v)
      for (const [k, x] of entries) {
        stack.push(k, x)
        size += 2
      }
    } else size += 8
    if (size > cap) return true
  }
  return false
}

function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(contract, name)
}

const NO_PERMISSION = '没有权限写入数据目录，修改未能保存。请检查数据目录的权限。'
/** Failures of the disk, not of the program: the clerk can act on them, and the log gets one line. */
const DISK_REFUSALS = new Map([
  ['ENOSPC', '磁盘空间已满，修改未能保存。请清理磁盘后重试，修改仍保留在窗口中。'],
  ['EACCES', NO_PERMISSION],
  ['EPERM', NO_PERMISSION],
  ['EROFS', NO_PERMISSION]
])

/**
 * The single entry point behind Electron IPC, the web server and tests: validates the input against the contract,
 * runs the handler and turns every outcome into a Result. Nothing is thrown to the caller. An unexpected error goes
 * to the day's log with its stack and a summary of the request, and the message names that file.
 */
export async function dispatch(handlers: Handlers, channel: string, raw: unknown, log: Pick<AppLog, 'bug' | 'warn'>): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `未知的请求：${channel}`)
  if (exceedsRequestCap(raw)) return REQUEST_TOO_LARGE
  const parsed = contract[channel].input.safeParse(raw ?? {})
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '（输入）'}：${i.message}`)
    return fail('INVALID_INPUT', '请求内容不符合要求，未执行。', details)
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (e) {
    if (e instanceof AppFailure) {
      if (e.code === 'LOCKED') log.warn(`${channel} refused: ${e.message}`)
      return fail(e.code, e.message, e.details)
    }
    const io = e as NodeJS.ErrnoException | null
    const refusal = DISK_REFUSALS.get(String(io?.code))
    if (refusal) {
      log.warn(`${channel} refused by the disk: ${io?.code} ${io?.syscall ?? ''} ${io?.path ?? ''}`.trimEnd())
      return fail('IO', refusal)
    }
    const file = log.bug(`dispatch ${channel}`, e, parsed.data)
    return fail('INTERNAL', `程序出错了，操作未完成。请重试；如仍出现，${sendLogAdvice(file)}`)
  }
}
