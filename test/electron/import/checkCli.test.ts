/** `slw check` as a user runs it: exit codes 0/1/2, one JSON object on stdout with --json, a Chinese report without. */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { slw } from '../../helpers/slwProcess'

const fixtures = resolve(import.meta.dirname, '../../fixtures/annex2')

describe('slw check', () => {
  it.each([
    ['clean-bafang.xlsx', 0, 30],
    ['bad-values.xlsx', 1, 15],
    ['empty.xlsx', 2, 0]
  ])('%s: exit %i, stdout is exactly one JSON object', async (file, exit, rows) => {
    const { code, stdout } = await slw('check', join(fixtures, file), '--json')
    expect(code).toBe(exit)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    const json = JSON.parse(stdout) as Record<string, unknown>
    expect(Object.keys(json)).toEqual(['file', 'ok', 'annex', 'unit', 'rowCount', 'rows', 'issues'])
    expect(json).toMatchObject({ file, ok: exit === 0, rowCount: rows })
  })

  it('prints a readable Chinese report without --json', async () => {
    const { code, stdout } = await slw('check', join(fixtures, 'merged-town.xlsx'))
    expect(code).toBe(0)
    expect(stdout).toContain('填报单位：市工信局（取自“填报单位”行）')
    expect(stdout).toContain('结论：可以导入，请留意下列提示。')
    expect(stdout).toContain('B6:B13 是合并单元格')
  })

  it('lists the commands for an unknown command and exits 2', async () => {
    const { code, stderr } = await slw('frobnicate')
    expect(code).toBe(2)
    expect(stderr).toContain('没有“frobnicate”这个命令')
    expect(stderr).toContain('slw check <文件> [--json] [--json-out <结果.json>]')
  })

  // Issue 16: Windows PowerShell 5.1 reads a file or pipe without a BOM in code page 936, so `--json` piped there
  // arrives as mojibake; --json-out writes the same JSON as UTF-8 with a BOM, atomically.
  it('--json-out writes the --json result to a file, UTF-8 with a BOM, and says so on stderr', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slw-json-out-')), '检查结果.json')
    const file = join(fixtures, 'bad-values.xlsx')
    const [withFile, plain] = await Promise.all([slw('check', file, '--json', '--json-out', out), slw('check', file, '--json')])
    expect(withFile.code).toBe(1)
    expect(withFile.stdout).toBe(plain.stdout)
    expect(withFile.stderr).toBe(`已将检查结果（JSON）写入“${out}”。\n`)
    const bytes = readFileSync(out)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(JSON.parse(text)).toEqual(JSON.parse(plain.stdout))
    expect(text).toContain('"unit":"东关街道"')
  })

  it('--json-out without --json keeps the Chinese report on stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'slw-json-out-')), 'r.json')
    const { code, stdout } = await slw('check', join(fixtures, 'empty.xlsx'), `--json-out=${out}`)
    expect(code).toBe(2)
    expect(stdout).toContain('结论：文件无法导入')
    expect(JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''))).toMatchObject({ file: 'empty.xlsx', ok: false })
  })

  it('--json-out into a folder that does not exist says so and exits 2', async () => {
    const out = join(tmpdir(), 'slw-no-such-folder', 'r.json')
    const { code, stderr } = await slw('check', join(fixtures, 'clean-bafang.xlsx'), '--json-out', out)
    expect(code).toBe(2)
    expect(stderr).toContain(`无法写入“${out}”：文件夹不存在。`)
  })
})
