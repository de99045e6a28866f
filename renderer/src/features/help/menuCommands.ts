/**
 * The desktop menus' commands in the page. main sends them through the preload's onMenu (the web mode has no menus;
 * the same actions are on the pages' own buttons). 使用说明 and 关于 open the help; the others go to the page shown,
 * as a DOM event the page claims with preventDefault.
 */
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '@shared/ipc/channels'
import { isMenuCommand } from '@shared/ipc/channels'

/** The window event a page listens for to perform the menu commands it owns (导入, 导出, 报送包, 查找). */
export const PAGE_MENU_EVENT = 'slw-menu'

/** Hands a command to the page shown; true when a page took it. */
export function dispatchToPage(command: MenuCommand): boolean {
  const event = new CustomEvent<MenuCommand>(PAGE_MENU_EVENT, { detail: command, cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

/**
 * For a page: `perform` gets each command and says whether it took it (false when hidden, or not its command). It
 * may change each render; the latest one is called.
 */
export function usePageMenu(perform: (command: MenuCommand) => boolean): void {
  const latest = useRef(perform)
  latest.current = perform
  useEffect(() => {
    const listener = (e: Event): void => {
      const command = (e as CustomEvent<unknown>).detail
      if (!e.defaultPrevented && isMenuCommand(command) && latest.current(command)) e.preventDefault()
    }
    window.addEventListener(PAGE_MENU_EVENT, listener)
    return () => window.removeEventListener(PAGE_MENU_EVENT, listener)
  }, [])
}

/** What no page took: 查找 goes to any search box shown; the rest are said to belong to a page. */
export function notTaken(command: MenuCommand): string | null {
  if (command === 'find') {
    const box = [...document.querySelectorAll<HTMLInputElement>('input[type="search"]')].find((b) => b.offsetParent !== null)
    if (box) {
      box.focus()
      box.select()
      return null
    }
    return '此页没有搜索框。'
  }
  const what = { import: '导入', export: '导出', package: '报送包', guide: '使用说明', about: '关于' }[command]
  return `“${what}”用于台账的表格，请先点上方的“台账”（领导小组办公室请用本页的按钮）。`
}

/** For the app: subscribes to the menus while mounted (when the window has them). */
export function useMenuCommands(handlers: { help: (tab: 'guide' | 'about') => void; say: (message: string) => void }): void {
  const latest = useRef(handlers)
  latest.current = handlers
  useEffect(() => {
    return window.slw?.onMenu?.((command) => {
      if (!isMenuCommand(command)) return
      if (command === 'guide' || command === 'about') return latest.current.help(command)
      if (dispatchToPage(command)) return
      const message = notTaken(command)
      if (message) latest.current.say(message)
    })
  }, [])
}
