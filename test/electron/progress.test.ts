/**
 * The progress of a long request (issue 18 point 8): what a request reports under its id can be read while it
 * runs, from anywhere below it, and is gone when it ends (the parser thread's rows: import/parseProgress.test.ts).
 */
import { describe, expect, it } from 'vitest'
import type { ProgressView } from '@shared/ipc/contract'
import { progressOf, reportProgress, tracked, unreported } from '../../electron/services/progress'
import { afterRow } from '../../electron/services/export/rowPause'
import { progressPercent, progressText } from '../../renderer/src/components/progressText'

describe('progress registry', () => {
  it('reads what the running request reported, and nothing once it ended', async () => {
    let seen: ProgressView | null = null
    await tracked('req-1', async () => {
      await Promise.resolve()
      reportProgress('读取文件', 2, 5, '个文件')
      seen = progressOf('req-1')
    })
    expect(seen).toEqual({ step: '读取文件', done: 2, total: 5, unit: '个文件' })
    expect(progressOf('req-1')).toBeNull()
  })

  it('keeps two requests apart, and ignores reports outside any request', async () => {
    reportProgress('无主', 1, 1, '行')
    let release = (): void => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const a = tracked('a', async () => {
      reportProgress('写入表格', 20, 100, '行')
      await gate
    })
    const b = tracked('b', async () => {
      reportProgress('读取表格', 500, null, '行')
      await gate
    })
    expect(progressOf('a')).toMatchObject({ step: '写入表格', done: 20, total: 100 })
    expect(progressOf('b')).toMatchObject({ step: '读取表格', done: 500, total: null })
    release()
    await Promise.all([a, b])
    expect([progressOf('a'), progressOf('b')]).toEqual([null, null])
  })

  it('ends the entry when the request fails, and reports nothing from untracked or unreported work', async () => {
    await expect(tracked('fails', async () => Promise.reject(new Error('x')))).rejects.toThrow('x')
    expect(progressOf('fails')).toBeNull()
    await tracked(undefined, async () => reportProgress('x', 1, 1, '行'))
    await tracked('outer', async () => {
      reportProgress('读取文件', 0, 2, '个文件')
      unreported(() => reportProgress('读取表格', 500, null, '行'))
      expect(progressOf('outer')).toMatchObject({ step: '读取文件', done: 0 })
    })
  })

  it('counts the rows written, every turn of the loop', async () => {
    await tracked('export', async () => {
      for (let k = 0; k < 40; k++) await afterRow(k, 40)
      expect(progressOf('export')).toMatchObject({ step: '写入表格', done: 40, total: 40, unit: '行' })
    })
  })

})

describe('progress line', () => {
  it('says the step and the count, of the total when known', () => {
    expect(progressText({ step: '写入表格', done: 2500, total: 5000, unit: '行' })).toBe('写入表格：2,500 / 5,000 行')
    expect(progressText({ step: '读取表格', done: 1500, total: null, unit: '行' })).toBe('读取表格：1,500 行')
    expect(progressText({ step: '', done: 0, total: null, unit: '' })).toBe('请稍候…')
    expect(progressPercent({ step: '', done: 1, total: 3, unit: '行' })).toBe(33)
    expect(progressPercent({ step: '', done: 1, total: null, unit: '行' })).toBeNull()
  })
})
