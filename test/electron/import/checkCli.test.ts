/** `slw check` as a user runs it: exit codes 0/1/2, one JSON object on stdout with --json, a Chinese report without. */
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
    expect(stderr).toContain('slw check <文件> [--json]')
  })
})
