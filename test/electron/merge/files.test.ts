/** Finding the files to merge and reading each one as a submission, from disk. */
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { importLimits } from '../../../electron/services/import/limits'
import { collectFiles } from '../../../electron/services/merge/collectFiles'
import { mapLimit } from '../../../electron/services/merge/mapLimit'
import { readSubmissionFile } from '../../../electron/services/merge/readSubmissionFiles'
import { tempFolder } from './tempFolder'

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/annex2/merge-set/附件2-枹罕镇.xlsx')
const tmp = tempFolder('slw-merge-files-')

beforeAll(() => {
  const names = ['b.xlsx', 'a.CSV', 'c.ods', 'd.et', 'e.xls', '~$b.xlsx', '.hidden.xlsx', '通知.docx']
  for (const name of names) writeFileSync(join(tmp.path, name), 'x')
  mkdirSync(join(tmp.path, '旧版'))
  writeFileSync(join(tmp.path, '旧版', 'old.xlsx'), 'x')
})

describe('collectFiles', () => {
  it('takes the spreadsheets directly in a folder, by name, without lock files or subfolders', async () => {
    const { files, problems } = await collectFiles([tmp.path])
    expect(files.map((f) => f.slice(tmp.path.length + 1))).toEqual(['a.CSV', 'b.xlsx', 'c.ods', 'd.et', 'e.xls'])
    expect(problems).toEqual([])
  })

  it('takes a file named explicitly whatever it is, once, and says which paths do not exist', async () => {
    const at = (name: string): string => join(tmp.path, name)
    const { files, problems } = await collectFiles([at('通知.docx'), tmp.path, at('b.xlsx'), at('旧版'), at('没有.xlsx')])
    const names = files.map((f) => f.slice(tmp.path.length + 1))
    expect(names).toEqual(['通知.docx', 'a.CSV', 'b.xlsx', 'c.ods', 'd.et', 'e.xls', join('旧版', 'old.xlsx')])
    expect(problems).toEqual([`找不到“${join(tmp.path, '没有.xlsx')}”，请检查路径`])
  })
})

describe('readSubmissionFile', () => {
  it('reads a file with the sha256 of its bytes and its modification time as the time received', async () => {
    const reading = await readSubmissionFile(FIXTURE, defaultCampaign)
    const sha = createHash('sha256').update(readFileSync(FIXTURE)).digest('hex')
    const submission = { file: '附件2-枹罕镇.xlsx', sha256: sha, unit: '枹罕镇', refused: false }
    expect(reading).toMatchObject({ ok: true, submission })
    if (reading.ok) expect(reading.submission.counts).toEqual({ read: 13, blankSkipped: 0 })
  })

  it('refuses an oversized file from its size, still naming it by its sha256', async () => {
    const big = join(tmp.path, '大文件.xlsx')
    copyFileSync(FIXTURE, big)
    truncateSync(big, importLimits.maxFileBytes + 1024)
    const reading = await readSubmissionFile(big, defaultCampaign)
    const submission = { refused: true, rows: [], issues: [{ code: 'FILE_TOO_LARGE' }] }
    expect(reading).toMatchObject({ ok: true, submission })
    if (reading.ok) expect(reading.submission.sha256).toBe(createHash('sha256').update(readFileSync(big)).digest('hex'))
  })

  it('gives no submission, only the reason, for a path it cannot read', async () => {
    const reading = await readSubmissionFile(join(tmp.path, '旧版'), defaultCampaign)
    expect(reading).toMatchObject({ ok: false, file: '旧版', message: expect.stringContaining('无法读取') })
  })
})

describe('mapLimit', () => {
  it('runs at most `limit` at a time and keeps the order of the items', async () => {
    let running = 0
    let most = 0
    const out = await mapLimit([30, 10, 20, 5, 1], 2, async (ms) => {
      most = Math.max(most, ++running)
      await new Promise((r) => setTimeout(r, ms))
      running--
      return ms * 2
    })
    expect(out).toEqual([60, 20, 40, 10, 2])
    expect(most).toBe(2)
  })
})
