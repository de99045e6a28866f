/**
 * `slw import` takes every form of the ledger as the app's tab for it does (issue 20, finding 8): a unit's own 附件3
 * or 两断三清 export comes back as that form, unchanged — the deadline note the form printed in 备注 is not an edit.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run as exportForm } from '../../electron/cli/commands/export'
import { run as importFile } from '../../electron/cli/commands/import'
import { captureOutput } from '../helpers/captureOutput'
import { onWorkingDate } from '../helpers/workingDate'

const fixtures = resolve(import.meta.dirname, '../fixtures/annex2')
const { out } = captureOutput()
// Past most 完成时限 of clean-bafang: its 附件3 prints 逾期未完成 in 备注.
onWorkingDate('2024-06-28')

describe('slw import of the forms a unit exports', () => {
  it('reads 附件3 and 两断三清 back as those forms, with nothing changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slw-import-forms-'))
    expect(await importFile([join(fixtures, 'clean-bafang.xlsx'), '--unit', '八坊街道', '--data', dir, '--yes'])).toBe(0)
    for (const [annex, rows] of [['annex3', 30], ['tlc', 17]] as const) {
      const file = join(dir, `${annex}.xlsx`)
      expect(await exportForm(['--unit', '八坊街道', '--annex', annex, '--out', file, '--data', dir])).toBe(0)
      out.length = 0
      expect(await importFile([file, '--unit', '八坊街道', '--data', dir])).toBe(0)
      expect(out.join(''), annex).toContain(`记录 ${rows} 行：新增 0，修改 0，无变化 ${rows}`)
    }
  })
})
