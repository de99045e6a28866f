/** The renderer's only door to the app's services: Electron's preload bridge, or the web mode's /api. */
import type { ChannelName, In, Out } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'

declare global {
  interface Window {
    /** The desktop app's preload bridge; onMenu is there when the window has menus (not in the web mode). */
    slw?: { invoke(channel: string, arg: unknown): Promise<unknown>; onMenu?(listener: (command: string) => void): () => void }
  }
}

/** The desktop app (Electron's preload bridge is there); otherwise the web mode in a browser. */
export const isDesktop = (): boolean => window.slw !== undefined

/** Chromium's limit on what requests kept alive past their page may carry (64 KiB), with room to spare. */
const KEEPALIVE_BYTES = 60_000

export async function invoke<C extends ChannelName>(channel: C, arg: In<C>): Promise<Result<Out<C>>> {
  try {
    if (window.slw) return (await window.slw.invoke(channel, arg)) as Result<Out<C>>
    const body = JSON.stringify({ channel, arg })
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      // A save sent as the page closes still reaches the program; browsers allow this for small requests only.
      keepalive: channel === 'ledger:save' && body.length * 3 < KEEPALIVE_BYTES
    })
    if (res.status === 403) return { ok: false, error: { code: 'FORBIDDEN', message: await res.text() } }
    if (!res.ok) return { ok: false, error: { code: 'IO', message: `程序后台返回错误（${res.status}），请重试。` } }
    return (await res.json()) as Result<Out<C>>
  } catch {
    return { ok: false, error: { code: 'IO', message: '无法连接到程序后台，请确认程序仍在运行，修改仍保留在窗口中。' } }
  }
}
