/** A failing reconciliation stops `slw merge` before the workbook is written, and says why in Chinese. */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Consolidation } from '@shared/merge/types'
import { run } from '../../../electron/cli/commands/merge'
import { captureOutput } from '../../helpers/captureOutput'
import { tempFolder } from './tempFolder'

// As if a row had been lost between the files and the consolidation.
vi.mock('@shared/merge/consolidate', async (importOriginal) => {
  const real = await importOriginal<typeof import('@shared/merge/consolidate')>()
  return {
    consolidate: (...args: Parameters<typeof real.consolidate>): Consolidation => {
      const c = real.consolidate(...args)
      return { ...c, equations: c.equations.map((e, i) => (i === 0 ? { ...e, right: e.right - 1, ok: false } : e)) }
    }
  }
})

const FILE = resolve(import.meta.dirname, '../../fixtures/annex2/merge-set/附件2-枹罕镇.xlsx')
const tmp = tempFolder('slw-merge-refuse-')
const { err } = captureOutput()

describe('slw merge with a failing equation', () => {
  it('exits 1, writes the report but not the workbook, and names the failing line', async () => {
    const [xlsx, json] = [join(tmp.path, '汇总.xlsx'), join(tmp.path, '报告.json')]
    expect(await run([FILE, '--out', xlsx, '--report', json])).toBe(1)
    expect(existsSync(xlsx)).toBe(false)
    expect(JSON.parse(readFileSync(json, 'utf8')).equations[0].ok).toBe(false)
    expect(err.join('')).toContain('有 1 项核对不相符，汇总表未生成')
    expect(err.join('')).toContain('附件2-枹罕镇.xlsx：读取 13 行')
  })
})
