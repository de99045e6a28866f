import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SaveOutcome } from '@shared/ipc/contract'
import { dispatch } from '../../../electron/services/dispatch'
import type { SaveChooser, SaveDialogRequest } from '../../../electron/services/export/exportSaver'
import { ExportSaver } from '../../../electron/services/export/exportSaver'
import { createServices } from '../../../electron/services/services'

// Excel or WPS holding the target: renames onto it fail with `code`, the next `times` (Infinity: until it is closed).
const excel = vi.hoisted(() => ({ holds: null as string | null, code: 'EBUSY', times: Infinity, renames: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    rename: async (from: string, to: string) => {
      excel.renames++
      if (to === excel.holds && excel.times-- > 0) throw Object.assign(new Error(`${excel.code}: resource busy or locked, rename '${from}' -> '${to}'`), { code: excel.code })
      return real.rename(from, to)
    }
  }
})

let dir: string
let docs: string
let asked: SaveDialogRequest[]
/** A save dialog whose user picks `answers` in turn (null: cancel). */
const chooser =
  (...answers: (string | null)[]): SaveChooser =>
  async (request) => {
    asked.push(request)
    return answers.shift() ?? null
  }
const file = (text: string): { suggestedName: string; data: string } => ({ suggestedName: '附件2-八坊街道-20240509.xlsx', data: Buffer.from(text).toString('base64') })

/** Runs a save whose busy-retry waits its full 10 s, on a fake clock; file I/O stays real. */
async function onFakeClock<T>(work: Promise<T>): Promise<T> {
  let done = false
  const settled = work.finally(() => (done = true))
  while (!done) {
    await vi.advanceTimersByTimeAsync(1000)
    await new Promise((r) => setImmediate(r))
  }
  return settled
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-save-'))
  docs = join(dir, '文档')
  await mkdir(docs)
  asked = []
  Object.assign(excel, { holds: null, code: 'EBUSY', times: Infinity, renames: 0 })
})
afterEach(async () => {
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

describe('saving an export where the user chooses', () => {
  it('writes exactly the bytes at the chosen path and says where; the next dialog opens in that folder', async () => {
    const target = join(dir, '报送', '附件2.xlsx')
    await mkdir(join(dir, '报送'))
    const saver = new ExportSaver(chooser(target, null), docs)
    const bytes = Buffer.from([0x50, 0x4b, 3, 4, 0, 0xff, 0x80, 10, 13])
    expect(await saver.save({ suggestedName: '附件2-八坊街道-20240509.xlsx', data: bytes.toString('base64') })).toEqual({ saved: true, path: target })
    expect(await readFile(target)).toEqual(bytes)
    expect(await readdir(join(dir, '报送'))).toEqual(['附件2.xlsx'])
    expect(asked[0]).toEqual({ title: '选择保存位置', defaultPath: join(docs, '附件2-八坊街道-20240509.xlsx'), filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] })

    await saver.save({ suggestedName: '工作进展-八坊街道-20240517.docx', data: '' })
    expect(asked[1]).toMatchObject({ defaultPath: join(dir, '报送', '工作进展-八坊街道-20240517.docx'), filters: [{ name: 'Word 文档', extensions: ['docx'] }] })
  })

  it('writes nothing and has nothing to say when the dialog is cancelled', async () => {
    const saver = new ExportSaver(chooser(null), docs)
    expect(await saver.save(file('x'))).toEqual({ saved: false })
    expect(await readdir(docs)).toEqual([])
    expect(excel.renames).toBe(0)
  })

  it('adds the extension to a name typed without it', async () => {
    const saver = new ExportSaver(chooser(join(docs, '汇总')), docs)
    expect(await saver.save(file('x'))).toEqual({ saved: true, path: join(docs, '汇总.xlsx') })
  })

  it('outlasts a scanner holding the target for a moment', async () => {
    const target = join(docs, 'a.xlsx')
    Object.assign(excel, { holds: target, times: 3 })
    expect(await new ExportSaver(chooser(target), docs).save(file('new'))).toEqual({ saved: true, path: target })
    expect(excel.renames).toBe(4)
    expect(await readFile(target, 'utf8')).toBe('new')
  })

  it('onto a file open in Excel/WPS: says so, keeps the old file, leaves no temp file, and 重试 saves there without asking', async () => {
    const target = join(docs, '附件2-八坊街道-20240509.xlsx')
    await writeFile(target, 'old copy')
    excel.holds = target
    const saver = new ExportSaver(chooser(target), docs)
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const failed = await onFakeClock(saver.save(file('new copy')))
    vi.useRealTimers()

    expect(failed.saved).toBe(false)
    const failure = (failed as Extract<SaveOutcome, { saved: false }>).failure
    expect(failure?.message).toBe('“附件2-八坊街道-20240509.xlsx”正在被 Excel/WPS 打开，请先在 Excel/WPS 中关闭该文件，然后点“重试”。')
    expect(excel.renames).toBeGreaterThan(5) // the busy-retry ran its course first
    expect(await readFile(target, 'utf8')).toBe('old copy')
    expect(await readdir(docs)).toEqual(['附件2-八坊街道-20240509.xlsx'])

    excel.holds = null // the clerk closes the file in Excel and clicks 重试
    expect(await saver.save({ ...file('new copy'), retry: failure?.retry })).toEqual({ saved: true, path: target })
    expect(await readFile(target, 'utf8')).toBe('new copy')
    expect(asked).toHaveLength(1)
    expect(await readdir(docs)).toEqual(['附件2-八坊街道-20240509.xlsx'])
  })

  it('onto a file marked 只读: says so instead of blaming Excel', async () => {
    const target = join(docs, 'a.xlsx')
    await writeFile(target, 'old copy')
    await chmod(target, 0o444)
    Object.assign(excel, { holds: target, code: 'EPERM' })
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const failed = await onFakeClock(new ExportSaver(chooser(target), docs).save(file('new')))
    expect(failed).toMatchObject({ saved: false, failure: { message: expect.stringContaining('“a.xlsx”是只读文件') } })
    expect(await readFile(target, 'utf8')).toBe('old copy')
    expect(await readdir(docs)).toEqual(['a.xlsx'])
  })

  it('into a folder that has gone (USB stick pulled): says so, leaves nothing, and can be retried', async () => {
    const target = join(dir, 'U盘', 'a.xlsx')
    const saver = new ExportSaver(chooser(target), docs)
    const failed = await saver.save(file('x'))
    expect(failed).toMatchObject({ saved: false, failure: { message: `无法写入“${target}”：文件夹不存在。` } })
    await mkdir(join(dir, 'U盘'))
    const retry = (failed as Extract<SaveOutcome, { saved: false }>).failure?.retry
    expect(await saver.save({ ...file('x'), retry })).toEqual({ saved: true, path: target })
    expect(asked).toHaveLength(1)
  })

  it('asks again when a retry token is unknown (used already, or forgotten)', async () => {
    const saver = new ExportSaver(chooser(null), docs)
    expect(await saver.save({ ...file('x'), retry: 'not-a-token' })).toEqual({ saved: false })
    expect(asked).toHaveLength(1)
  })
})

describe('the file:save channel', () => {
  it('refuses a name with a folder in it or of a kind we do not export, before any dialog', async () => {
    const services = createServices(join(dir, 'data'), 'electron', { exportSaver: new ExportSaver(chooser(join(docs, 'a.xlsx')), docs) })
    for (const suggestedName of ['..\\..\\evil.xlsx', '../evil.xlsx', 'evil.exe', 'evil.xlsx.bat']) {
      expect(await dispatch(services.handlers, 'file:save', { suggestedName, data: '' }, services.log)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(asked).toEqual([])
    await services.close()
  })

  it('is refused in web mode, where the browser downloads exports', async () => {
    const services = createServices(join(dir, 'data'), 'web')
    expect(await dispatch(services.handlers, 'file:save', file('x'), services.log)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await services.close()
  })
})
