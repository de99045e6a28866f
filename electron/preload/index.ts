/**
 * The only bridge between the sandboxed page and the app: one `invoke` on an allow-list of channels, and `onMenu`
 * for the menu commands main sends (only the ids on their list). Raw ipcRenderer, other events and process are
 * never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNEL_NAMES, IPC_INVOKE, MENU_EVENT, menuRelay } from '@shared/ipc/channels'

const allowed = new Set<string>(CHANNEL_NAMES)

contextBridge.exposeInMainWorld('slw', {
  invoke(channel: string, arg: unknown): Promise<unknown> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的请求：${channel}` } })
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, arg)
  },
  /** Calls `listener` with each menu command (never the IPC event); returns the unsubscribe. */
  onMenu(listener: (command: string) => void): () => void {
    const relay = menuRelay(listener)
    ipcRenderer.on(MENU_EVENT, relay)
    return () => void ipcRenderer.removeListener(MENU_EVENT, relay)
  }
})
