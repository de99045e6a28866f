/** `slw import` as the office or a unit runs it: preview by default, the whole file with --yes. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../electron/cli/commands/import'
import { captureOutput } from '../helpers/captureOutput'
import { recordsIn } from '../helpers/recordsIn'

const fixtures = resolve(import.meta.dirname, '../fixtures/annex2')
const { out, err } = captureOutput()


describe('slw import', () => {
  it('previews without writing, then imports the whole file with --yes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slw-import-cli-'))
    const file = join(fixtures, 'clean-bafang.xlsx')
    expect(await run([file, '--unit', '八坊街道', '--data', dir])).toBe(0)
    expect(out.join('')).toContain('记录 30 行：新增 30，修改 0，无变化 0')
    expect(out.join('')).toContain('以上为预览，台账未改动')
    expect(await recordsIn(dir)).toBe(0)
    expect(await run([file, '--unit', '临夏市八坊街道办事处', '--data', dir, '--yes'])).toBe(0)
    expect(out.join('')).toContain('已导入“clean-bafang.xlsx”：新增 30 条')
    expect(await recordsIn(dir)).toBe(30)
  })

  it('refuses another unit\'s file unless told, and a file that is not a spreadsheet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slw-import-cli-'))
    expect(await run([join(fixtures, 'bad-values.xlsx'), '--unit', '八坊街道', '--data', dir, '--yes'])).toBe(1)
    expect(err.join('')).toContain('文件的填报单位是“东关街道”，不是本单位')
    expect(await run([join(fixtures, 'not-xlsx.xlsx'), '--unit', '八坊街道', '--data', dir, '--yes'])).toBe(1)
    expect(out.join('')).toContain('结论：文件无法导入')
    expect(await recordsIn(dir)).toBe(0)
    expect(await run([join(fixtures, 'clean-bafang.xlsx'), '--unit', '城东街道', '--data', dir])).toBe(2)
  })
})
