/**
 * A folder of unit submissions for the merge benchmark, generated from a seed: one hand-made-looking 附件2 per unit
 * of the campaign (towns report their own town, departments rows of every town), and with several rounds each unit
 * sends a newer version a week later that edits a few rows. Each department also reports a few enterprises its
 * town already reported, so the merge finds cross-unit duplicates as in a real round.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { defaultCampaign } from '@shared/campaign/campaign'
import type { CellInput } from '../test/fixtures/import/annex2Workbook'
import { annex2Xlsx, columnOf, FIRST_DATA_ROW, sampleRows } from '../test/fixtures/import/annex2Workbook'
import { handTyped } from './importPreview'
import { prng } from './sampleLedger'

export interface MergeSetSpec {
  /** Rows in every file. */
  rows: number
  /** Files per unit: 1 is one round; more are newer versions superseding the older. */
  rounds: number
  seed: number
}

/** Rows a department copies from a town's file: the same enterprises, found by both. */
const SHARED_ROWS = 3
const FILLERS = ['马晓东', '王玉兰', '韩永福', '祁建国', '穆秀英']

const cnDate = (d: Date): string => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`

/** Version `round` of a unit's rows: every 50th row gets a new 备注 from the second round on. */
function revised(rows: CellInput[][], round: number): CellInput[][] {
  if (round === 0) return rows
  const remarks = columnOf('remarks')
  return rows.map((row, i) => {
    if (i % 50 !== round % 50) return row
    const r = row.slice()
    r[remarks] = `第${round + 1}次报送：已复核整改进度`
    return r
  })
}

/** Writes the files into `dir` and returns their paths; the same spec always gives the same bytes. */
export async function writeMergeSet(dir: string, spec: MergeSetSpec): Promise<string[]> {
  const units = defaultCampaign.units
  const townCount = units.filter((u) => u.kind !== 'department').length
  const rand = prng(spec.seed)
  const base = units.map((u, i) => {
    const rows = sampleRows(spec.rows, spec.seed * 1000 + i, u.kind === 'department' ? null : u.name)
    return handTyped(rows)
  })
  units.forEach((u, i) => {
    if (u.kind !== 'department') return
    const town = base[i % townCount] as CellInput[][]
    for (let k = 0; k < SHARED_ROWS; k++) {
      const copy = (town[10 + k] as CellInput[]).slice()
      copy[0] = k + 1
      ;(base[i] as CellInput[][])[k] = copy
    }
  })
  const paths: string[] = []
  for (let round = 0; round < spec.rounds; round++) {
    for (const [i, u] of units.entries()) {
      const filled = new Date(Date.UTC(2024, 4, 9 + 7 * round))
      const unitLine = [
        `填报单位（盖章）：${u.name}`,
        `填报人：${FILLERS[Math.floor(rand() * FILLERS.length)]}`,
        `联系电话：0930-62${10000 + i * 37}`,
        `填报日期：${cnDate(filled)}`
      ].join('　　')
      const bytes = await annex2Xlsx({
        rows: revised(base[i] as CellInput[][], round),
        unitLine,
        trailer: [['合计', null, null, spec.rows]],
        hiddenRows: [FIRST_DATA_ROW + 10 + i]
      })
      const path = join(dir, `附件2-${u.name}${spec.rounds > 1 ? `-第${round + 1}次` : ''}.xlsx`)
      await writeFile(path, bytes)
      paths.push(path)
    }
  }
  return paths
}
