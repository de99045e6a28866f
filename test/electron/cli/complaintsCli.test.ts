/** `slw complaints`: a 督察信访件 list into the register from the command line — previewed, then taken whole once. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultCampaign } from '@shared/campaign/campaign'
import { run } from '../../../electron/cli/commands/complaints'
import { DataDir } from '../../../electron/services/storage/ledgerStore'
import { captureOutput } from '../../helpers/captureOutput'
import { onWorkingDate } from '../../helpers/workingDate'

onWorkingDate('2024-05-25')
let dir: string
const data = (): string => join(dir, 'office')
const list = (): string => join(dir, '督察信访件第五批.xlsx')
const { out, err } = captureOutput()

async function registered(): Promise<string[]> {
  const store = new DataDir(data(), { appVersion: '0.1.0-test', campaign: defaultCampaign, readOnly: true })
  try {
    return (await store.complaints()).complaints.map((c) => `${c.no} ${c.assignedUnit} ${c.sourceNo}`)
  } finally {
    await store.close()
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slw-complaints-cli-'))
  const store = new DataDir(data(), { appVersion: '0.1.0-test', campaign: defaultCampaign })
  await (await store.profile()).save({ unitId: 'office', filler: '王主任', phone: '0930-6210000' })
  await store.close()
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('第五批')
  ws.addRow(['序号', '受理编号', '交办问题基本情况', '行政区域', '污染类型', '调查核实情况', '是否属实', '处理和整改情况', '问责情况'])
  ws.addRow([1, 'D6200000202405200031', '群众反映折桥镇大庄村一石材加工点夜间生产，粉尘大，污水直排排洪渠。', '临夏市折桥镇', '大气、水', '', '', '', ''])
  ws.addRow([2, 'X6200000202405200047', '反映王寺街一汽车修理店在店外露天喷漆，油漆味刺鼻。', '临夏市八坊街道', '大气', '经核查属实。', '是', '已责令停止露天喷漆，立案处罚。', '无'])
  await writeFile(list(), Buffer.from(await wb.xlsx.writeBuffer()))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('slw complaints', () => {
  it('previews each report and where it goes, writing nothing', async () => {
    expect(await run([list(), '--data', data()])).toBe(0)
    const said = out.join('')
    expect(said).toContain('交办件 2 件：新登记 2（其中已办结 1）')
    expect(said).toContain('第2行 D6200000202405200031 新登记 → 折桥镇')
    expect(said).toContain('第3行 X6200000202405200047 新登记 → 八坊街道')
    expect(said).toContain('加 --yes 导入')
    expect(await registered()).toEqual([])
  })

  it('with --yes registers one report per 受理编号, and a second run registers nothing again', async () => {
    expect(await run([list(), '--data', data(), '--yes'])).toBe(0)
    expect(out.join('')).toContain('已从“督察信访件第五批.xlsx”导入交办件 2 件（其中已办结 1 件）。')
    expect(await registered()).toEqual(['举报〔2024〕1号 折桥镇 D6200000202405200031', '举报〔2024〕2号 八坊街道 X6200000202405200047'])
    expect(await run([list(), '--data', data(), '--yes'])).toBe(1)
    expect(out.join('')).toContain('已登记 2')
    expect(await registered()).toHaveLength(2)
  })

  it('refuses a missing file, an unknown unit and a folder never set up', async () => {
    expect(await run([join(dir, 'none.xlsx'), '--data', data()])).toBe(1)
    expect(err.join('')).toContain('找不到文件')
    expect(await run([list(), '--unit', '城东街道', '--data', data()])).toBe(2)
    expect(await run([list(), '--data', join(dir, 'empty')])).toBe(1)
    expect(err.join('')).toContain('还没有完成首次设置')
  })
})
