/**
 * Time to check 20,000 new 附件2 rows against 5,000 closed 2023 enterprises for resurgence (死灰复燃): building the
 * index, then one findResurgence per row. One row in ten is a closed enterprise written again with a clerk's spelling
 * (other prefix, suffix, 号院, spaces); the rest are new enterprises in the same towns, villages and roads, so blocks
 * are realistically crowded. Usage: tsx bench/resurgence.ts [closed] [rows]
 */
import type { RecordFields } from '@shared/ledger/record'
import type { ClosedEnterprise } from '@shared/lifecycle/resurgence'
import { buildClosedIndex, findResurgence } from '@shared/lifecycle/resurgence'
import { prng } from './sampleLedger'

const LETTERS = '兴旺鑫源金达腾飞祥和宏昌顺福聚丰永盛伟业天成瑞鼎新华长青博远凯佳美泰隆发利众通安康'
const TRADES = ['食品加工坊', '木器加工厂', '砂石料场', '汽车修理部', '皮毛加工点', '建材有限公司', '塑料制品有限责任公司', '门窗厂']
const TOWNS = ['城郊镇', '枹罕镇', '南龙镇', '折桥镇', '八坊街道', '红园街道', '东关街道', '西关街道']
const PLACES = ['王坪', '罗家堡', '慈王', '江牌', '南龙', '祁家', '马家庄', '铁寨', '王闵家', '张王家', '罗家湾', '大庄']
const SURNAMES = ['马', '王', '张', '李', '韩', '何', '杨', '祁', '穆', '冶', '罗', '拜', '喇', '苏']
const GIVEN = ['明', '海军', '玉兰', '永福', '建国', '秀英', '志强', '国华', '学文', '小虎', '德胜', '春花', '有才', '忠']

function enterprise(rand: () => number): RecordFields {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const word = pick([...LETTERS]) + pick([...LETTERS])
  const town = pick(TOWNS)
  const village = `${pick(PLACES)}村`
  return {
    town,
    village,
    name: `临夏市${word}${pick(TRADES)}`,
    uscc: '无',
    operator: pick(SURNAMES) + pick(GIVEN),
    phone: `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
    address: `临夏市${town}${village}${1 + Math.floor(rand() * 9)}社${1 + Math.floor(rand() * 60)}号`
  }
}

/** The same enterprise as another clerk writes it. */
function respelled(f: RecordFields): RecordFields {
  return {
    ...f,
    name: String(f['name']).replace(/^临夏市/, '临夏州 ').replace(/有限公司$/, '有限责任公司').replace(/加工坊$/, '加工厂'),
    address: `${String(f['address']).replace(/^临夏市/, '')}院`,
    phone: `+86 ${String(f['phone'])}`
  }
}

export interface ResurgenceTiming {
  buildMs: number
  matchMs: number
  found: number
}

export function measureResurgence(closedCount: number, rowCount: number): ResurgenceTiming {
  const rand = prng(2023)
  const closed: ClosedEnterprise[] = Array.from({ length: closedCount }, (_, i) => {
    const fields = enterprise(rand)
    const id = `LXS-2023-100-${String(i + 1).padStart(4, '0')}`
    return { id, closedAs: '2023年已销号', fields }
  })
  const rows = Array.from({ length: rowCount }, (_, i) =>
    i % 10 === 0 ? respelled((closed[Math.floor(rand() * closedCount)] as ClosedEnterprise).fields) : enterprise(rand)
  )
  const t0 = performance.now()
  const index = buildClosedIndex(closed)
  const t1 = performance.now()
  let found = 0
  for (const row of rows) if (findResurgence(index, row)) found++
  const t2 = performance.now()
  return { buildMs: t1 - t0, matchMs: t2 - t1, found }
}

const [closedArg, rowsArg] = process.argv.slice(2)
const closedCount = Number(closedArg ?? 5000)
const rowCount = Number(rowsArg ?? 20000)
const r = measureResurgence(closedCount, rowCount)
console.log(
  `resurgence: ${rowCount} rows against ${closedCount} closed — index ${r.buildMs.toFixed(0)} ms, ` +
    `matching ${r.matchMs.toFixed(0)} ms (${((r.matchMs * 1000) / rowCount).toFixed(1)} µs/row), ${r.found} flagged`
)
