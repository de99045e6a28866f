/** `slw merge`: the report JSON of the command-line contract, and its exit codes. */
import { cpSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { annex3 } from '@shared/annexes/annex3'
import { formIncludes } from '@shared/annexes/registry'
import { run } from '../../../electron/cli/commands/merge'
import type { MergeReport } from '../../../electron/services/merge/mergeReport'
import { captureOutput } from '../../helpers/captureOutput'
import { formFile, unitRecords } from '../office/unitExports'
import { tempFolder } from './tempFolder'

const SET = resolve(import.meta.dirname, '../../fixtures/annex2/merge-set')
const tmp = tempFolder('slw-merge-cli-')
const { out, err } = captureOutput()
const report = (file: string): MergeReport => JSON.parse(readFileSync(file, 'utf8')) as MergeReport

describe('slw merge', () => {
  it('writes the workbook and the report of a folder, and lists open conflicts without resolving them', async () => {
    const [xlsx, json] = [join(tmp.path, '汇总.xlsx'), join(tmp.path, '报告.json')]
    expect(await run([SET, '--out', xlsx, '--report', json])).toBe(0)
    expect(existsSync(xlsx)).toBe(true)
    const r = report(json)
    const contract = ['file', 'sha256', 'unit', 'annex', 'status', 'read', 'accepted', 'rejected', 'blankSkipped']
    expect(Object.keys(r.submissions[0] ?? {})).toEqual(expect.arrayContaining(contract))
    expect(r).toMatchObject({ distinctProblems: 361, missingUnits: [], rowCount: 365 })
    expect(r.submissions.find((s) => s.file === '附件2-南龙镇-v1.xlsx')?.status).toBe('superseded')
    const groups = r.duplicateGroups.map((g) => [g.units.length, g.rows.length, g.decision])
    expect(groups).toEqual(Array(4).fill([2, 2, null]))
    expect(r.equations.every((e) => e.ok && typeof e.name === 'string' && e.left === e.right)).toBe(true)
    expect(out.join('')).toContain('不同问题 361 个')
    expect(out.join('')).toContain('4 组待办公室在程序中决定')
  })

  it('prints the office clerk given by --filler and --phone, and the working date as 汇总日期', async () => {
    const xlsx = join(tmp.path, '署名.xlsx')
    const saved = process.env['SLW_TODAY']
    process.env['SLW_TODAY'] = '2024-05-11'
    try {
      expect(await run([SET, '--out', xlsx, '--filler', '王主任', '--phone', '0930-6210000'])).toBe(0)
    } finally {
      if (saved === undefined) delete process.env['SLW_TODAY']
      else process.env['SLW_TODAY'] = saved
    }
    const wb = XLSX.read(readFileSync(xlsx))
    const line = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['汇总'] as XLSX.WorkSheet, { header: 1 })[2]?.join('')
    expect(line).toMatch(/填报人：王主任　+联系电话：0930-6210000　+汇总日期：2024年5月11日/)
  })

  it('leaves out its own earlier output in the folder, and takes a copied file as a duplicate', async () => {
    const folder = join(tmp.path, '收文')
    cpSync(SET, folder, { recursive: true })
    const copy = join(folder, '附件2-城南街道 - 副本.xlsx')
    cpSync(join(SET, '附件2-城南街道.xlsx'), copy)
    // Received a minute later: the earlier file stays the one used.
    const later = new Date(Date.now() + 60_000)
    utimesSync(copy, later, later)
    const xlsx = join(folder, '汇总.xlsx')
    expect(await run([folder, '--out', xlsx])).toBe(0)
    const json = join(tmp.path, '再次.json')
    expect(await run([folder, '--out', xlsx, '--report', json])).toBe(0)
    const r = report(json)
    expect(r.submissions).toHaveLength(13)
    const duplicates = r.submissions.filter((s) => s.status === 'duplicate-file')
    expect(duplicates.map((s) => s.file)).toEqual(['附件2-城南街道 - 副本.xlsx'])
    expect(r.distinctProblems).toBe(361)
  })

  it('writes nothing and exits 1 when no spreadsheet is found', async () => {
    const empty = join(tmp.path, '空')
    mkdirSync(empty)
    writeFileSync(join(empty, '说明.txt'), '无')
    expect(await run([empty, '--out', join(tmp.path, 'x.xlsx')])).toBe(1)
    expect(err.join('')).toContain('没有找到可汇总的表格文件')
    expect(existsSync(join(tmp.path, 'x.xlsx'))).toBe(false)
  })

  it('merges the units’ 附件3 with --annex annex3, listing the 附件2 files as not belonging', async () => {
    const folder = join(tmp.path, '附件3收文')
    mkdirSync(folder)
    const [bafang, chengjiao] = [unitRecords('八坊街道', 6, 3), unitRecords('城郊镇', 4, 5)]
    writeFileSync(join(folder, '附件3-八坊街道.xlsx'), await formFile(annex3, '八坊街道', bafang, '2024-06-27'))
    writeFileSync(join(folder, '附件3-城郊镇.xlsx'), await formFile(annex3, '城郊镇', chengjiao, '2024-06-27'))
    cpSync(join(SET, '附件2-城南街道.xlsx'), join(folder, '附件2-城南街道.xlsx'))
    const [xlsx, json] = [join(tmp.path, '附件3汇总.xlsx'), join(tmp.path, '附件3报告.json')]
    expect(await run([folder, '--annex', 'annex3', '--out', xlsx, '--report', json])).toBe(0)
    const r = report(json)
    const status = Object.fromEntries(r.submissions.map((s) => [s.file, [s.annex, s.status]]))
    expect(status).toEqual({
      '附件2-城南街道.xlsx': ['annex2', 'rejected'],
      '附件3-八坊街道.xlsx': ['annex3', 'accepted'],
      '附件3-城郊镇.xlsx': ['annex3', 'accepted']
    })
    const accepted = r.submissions.filter((s) => s.status === 'accepted').reduce((n, s) => n + s.accepted, 0)
    const onAnnex3 = [...bafang, ...chengjiao].filter((rec) => formIncludes(annex3, rec.fields)).length
    expect(onAnnex3).toBeGreaterThan(0)
    expect(accepted).toBe(onAnnex3)
    expect(r.missingUnits).toContain('东关街道')
    expect(out.join('')).toContain(`${annex3.label}《${annex3.title}》汇总`)
  })

  it('refuses bad arguments with exit 2', async () => {
    expect(await run(['--out', join(tmp.path, 'x.xlsx')])).toBe(2)
    expect(await run([SET, '--annex', 'illegal', '--out', join(tmp.path, 'x.xlsx')])).toBe(2)
    expect(err.join('')).toContain('不能按“illegal”汇总')
    expect(await run([SET])).toBe(2)
    expect(await run([join(tmp.path, '不存在'), '--out', join(tmp.path, 'x.xlsx')])).toBe(2)
    expect(err.join('')).toContain('找不到')
  })
})
