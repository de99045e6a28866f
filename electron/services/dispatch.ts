import type { ChannelName, Handlers } from '@shared/ipc/contract'
import { contract } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import { AppFailure, fail, ok } from '@shared/ipc/result'


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

/**
 * The single entry point behind Electron IPC, the web server and tests: validates the input against the contract,
 * runs the handler and turns every outcome into a Result. Nothing is thrown to the caller.
 */
export async function dispatch(handlers: Handlers, channel: string, raw: unknown, log: (e: unknown) => void = console.error): Promise<Result<unknown>> {
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
    if (e instanceof AppFailure) return fail(e.code, e.message, e.details)
    log(e)
    const io = (e as NodeJS.ErrnoException | null)?.code
    if (io === 'ENOSPC') return fail('IO', '磁盘空间已满，修改未能保存。请清理磁盘后重试，修改仍保留在窗口中。')
    if (io === 'EACCES' || io === 'EPERM' || io === 'EROFS') return fail('IO', '没有权限写入数据目录，修改未能保存。请检查数据目录的权限。')
    return fail('INTERNAL', '程序内部错误，操作未完成。请重试；如仍出现，请把日志发给技术支持。')
  }
}
