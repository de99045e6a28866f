import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/ipc/contract'
import { CHANNEL_NAMES } from '@shared/ipc/channels'

const root = resolve(import.meta.dirname, '../..')
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((f) => {
    const p = join(dir, f)
    return statSync(join(root, p)).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : []
  })
const imports = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] as string)

describe('module boundaries (guides/architecture.md §6.3)', () => {
  it('shared/ imports only shared/, zod and xlsx', () => {
    for (const f of sources('shared')) {
      for (const i of imports(f)) expect(`${f}: ${i}`).toMatch(/: (\.{1,2}\/|zod$|xlsx$)/)
    }
  })
  it('renderer/ never imports electron, Node built-ins, lowdb or the Node services', () => {
    for (const f of sources('renderer/src')) {
      for (const i of imports(f)) expect(`${f}: ${i}`).not.toMatch(/: (electron|node:|fs$|path$|lowdb|.*\/electron\/)/)
    }
  })
  it('only electron/main and electron/preload import electron', () => {
    for (const f of sources('electron').filter((x) => !/electron\/(main|preload)\//.test(x))) {
      for (const i of imports(f)) expect(`${f}: ${i}`).not.toMatch(/: electron$/)
    }
  })
  it('the preload allow-list equals the contract', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort())
  })
})
