/**
 * The CLI reads every form the app exports (issue 20, finding 8): `slw check` takes a unit's own 附件3, 附件4 and
 * 回头看台账 as what they are, and `slw import` puts a 回头看台账 into the 回头看 records.
 */
import { mkdtempSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { huikan, isHuikan } from '@shared/annexes/huikan'
import { defaultCampaign } from '@shared/campaign/campaign'
import { run as check } from '../../../electron/cli/commands/check'
import { run as exportForm } from '../../../electron/cli/commands/export'
import { run as importFile } from '../../../electron/cli/commands/import'
import { readAnnexWorkbook } from '../../../electron/services/import/readAnnexWorkbook'
import { ImportStager } from '../../../electron/services/ledgerImport'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { closed2023Xlsx } from '../../fixtures/huikan/closed2023'
import { captureOutput } from '../../helpers/captureOutput'

const fixtures = resolve(import.meta.dirname, '../../fixtures/annex2')
const { out } = captureOutput()
const work = mkdtempSync(join(tmpdir(), 'slw-forms-cli-'))
let dir: string

/** 八坊街道 with clean-bafang's 30 records and its four 2023 closed items to look at again. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slw-forms-'))
  const data = new DataDir(dir, { appVersion: 'test', campaign: defaultCampaign })
  const stager = new ImportStager(data, defaultCampaign, (b, name, annex) => readAnnexWorkbook(b, name, { annex }))
  const a = await stager.preview('t005', 'clean-bafang.xlsx', await readFile(join(fixtures, 'clean-bafang.xlsx')))
  await stager.commit('t005', a.stageId, false, '马晓明')
  const h = await stager.preview('t005', '2023年销号台账.xlsx', await closed2023Xlsx(), huikan)
  await stager.commit('t005', h.stageId, false, '马晓明')
  await data.close()
})

describe('the CLI and the app’s own forms', () => {
  it('slw check reads 附件3, 附件4 and the 回头看台账 as themselves', async () => {
    for (const annex of ['annex3', 'annex4', 'huikan']) {
      const file = join(work, `${annex}.xlsx`)
      expect(await exportForm(['--data', dir, '--unit', '八坊街道', '--annex', annex, '--out', file]), annex).toBe(0)
      out.length = 0
      expect(await check([file, '--json']), annex).toBe(0)
      const result = JSON.parse(out.join('')) as { annex: string; unit: string; rowCount: number }
      expect(result, annex).toMatchObject({ annex, unit: '八坊街道' })
      expect(result.rowCount, annex).toBeGreaterThan(0)
    }
  })

  it('slw import puts a 回头看台账 into another computer’s 回头看 records', async () => {
    const file = join(work, 'huikan.xlsx')
    const other = mkdtempSync(join(tmpdir(), 'slw-forms-other-'))
    expect(await importFile([file, '--data', other, '--unit', '八坊街道', '--yes'])).toBe(0)
    const data = new DataDir(other, { appVersion: 'test', campaign: defaultCampaign })
    const records = (await data.ledger('t005')).view().records
    await data.close()
    expect(records).toHaveLength(4)
    expect(records.every((r) => isHuikan(r.fields))).toBe(true)
  })
})
