/**
 * Realistic 附件2 records for the storage benches and tests: every column of the form filled with plausible Chinese
 * text, generated from a seed so runs are repeatable.
 */
import { CATEGORIES, FACILITY_STATES, LICENCE_STATES, PROBLEM_TYPES, SECTORS, SOURCES } from '@shared/domain/enums'
import type { LedgerPayload, LedgerRecord, RecordFields } from '@shared/ledger/record'
import { formatProblemNo } from '@shared/ledger/record'
import { usccCheckChar } from '@shared/domain/uscc'
import { annex2 } from '@shared/annexes/annex2'
import { valueToText } from '@shared/validation/cellInput'

/** mulberry32: small, fast, good enough to vary test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOWNS = ['城南街道', '城北街道', '东关街道', '西关街道', '八坊街道', '红园街道', '东区街道', '城郊镇', '枹罕镇', '南龙镇', '折桥镇']
const VILLAGES = ['王坪村', '罗家堡村', '大夏社区', '枹罕村', '尹集村', '慈王村', '马家庄村', '新华社区', '红园社区', '折桥村', '杨家村', '祁家村']
const SURNAMES = ['马', '王', '张', '李', '赵', '韩', '何', '杨', '祁', '穆', '冶', '罗', '拜', '喇']
const GIVEN = ['明', '海军', '玉兰', '永福', '建国', '秀英', '志强', '国华', '学文', '小虎', '德胜', '春花', '有才', '忠']
const TRADES = [
  ['工业', '金属制品业', '铝合金门窗', '铝合金门窗加工厂'],
  ['工业', '木材加工业', '家具、木门', '木器加工厂'],
  ['工业', '非金属矿物制品业', '水泥预制件', '预制件厂'],
  ['服务业', '机动车维修', '汽车修理、喷漆', '汽车修理部'],
  ['服务业', '餐饮业', '牛肉面、炒菜', '清真餐馆'],
  ['农业', '畜牧业', '肉牛养殖', '养殖场'],
  ['建筑业', '建材销售', '砂石料', '砂石料场'],
  ['无证照', '皮毛加工', '羊皮鞣制', '皮毛加工点']
] as const
const PROBLEMS = [
  '未办理环评手续，喷漆工序无废气收集处理设施，油漆桶随意堆放。',
  '露天堆放砂石料，未采取苫盖、围挡等防尘措施，车辆进出道路扬尘明显。',
  '生产废水未经处理直接排入村内排水沟，厂区地面未硬化。',
  '使用燃煤小锅炉，无除尘脱硫设施，烟囱高度不足。',
  '无营业执照，在居民区内从事加工，噪声扰民，群众多次反映。',
  '危险废物（废机油、废滤芯）未设置暂存间，无转移联单。'
]
const MEASURES = [
  '责令停止违法生产，拆除生产设备，断水断电，清理原料及产品。',
  '限期补办环评手续，安装废气收集及活性炭吸附装置，建设危废暂存间。',
  '整合搬迁至临夏经济开发区，原址恢复原貌。',
  '全面苫盖料堆，建设围挡和车辆冲洗设施，道路定时洒水降尘。'
]
const REMARKS = ['', '', '', '经营者已签订整改承诺书', '已下达限期整改通知书', '群众举报线索 2024-0137']

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T
}

function personName(rand: () => number): string {
  return pick(rand, SURNAMES) + pick(rand, GIVEN)
}

function uscc(rand: () => number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let s = '92622901'
  for (let i = 0; i < 9; i++) s += chars[Math.floor(rand() * chars.length)]
  return s + usccCheckChar(s)
}

/** One 附件2 row with all 25 stored fields (序号 is computed, never stored). */
export function sampleFields(rand: () => number): RecordFields {
  const [sector, industry, products, kind] = pick(rand, TRADES)
  const town = pick(rand, TOWNS)
  const village = pick(rand, VILLAGES)
  const operator = personName(rand)
  const day = 15 + Math.floor(rand() * 100)
  const deadline = new Date(Date.UTC(2024, 4, day)).toISOString().slice(0, 10)
  const types = PROBLEM_TYPES.filter(() => rand() < 0.5)
  return {
    town,
    village,
    name: sector === '无证照' ? `${village}${operator}（经营者）加工点` : `临夏市${operator.slice(0, 1)}氏${kind}`,
    uscc: sector === '无证照' ? '无' : uscc(rand),
    operator,
    phone: `13${Math.floor(rand() * 1e9).toString().padStart(9, '0')}`,
    address: `临夏市${town}${village}${1 + Math.floor(rand() * 9)}社${1 + Math.floor(rand() * 200)}号`,
    sector: sector === '无证照' ? '无证照' : pick(rand, SECTORS.slice(0, 4)),
    industry,
    products,
    problemTypes: types.length ? types : ['乱'],
    problems: pick(rand, PROBLEMS),
    licBusiness: pick(rand, LICENCE_STATES),
    licEia: pick(rand, LICENCE_STATES),
    licDischarge: pick(rand, LICENCE_STATES),
    licOther: pick(rand, LICENCE_STATES),
    facilities: pick(rand, FACILITY_STATES),
    category: pick(rand, CATEGORIES),
    measures: pick(rand, MEASURES),
    deadline,
    responsibleUnit: town,
    leadDept: pick(rand, ['市工信局', '州生态环境局临夏市分局', '市住建局', '市商务局', '市自然资源局']),
    responsiblePerson: personName(rand),
    source: pick(rand, SOURCES),
    remarks: pick(rand, REMARKS)
  }
}

/** A ledger of `count` records as a unit would have it, without history (an imported or migrated ledger). */
export function sampleLedger(unitId: string, unitSeq: string, count: number, seed = 1): LedgerPayload {
  const rand = prng(seed)
  const at = '2024-05-08T02:00:00.000Z'
  const records: LedgerRecord[] = []
  for (let i = 1; i <= count; i++) {
    records.push({
      id: `r${String(i).padStart(6, '0')}`,
      problemNo: formatProblemNo('LXS', 2024, unitSeq, i),
      createdAt: at,
      updatedAt: at,
      fields: sampleFields(rand)
    })
  }
  return { unitId, records, history: [], problemSeq: count }
}

/** Rows of sample records as an exported 附件2 shows them (A:Z): 序号, then each field as text. */
export function exportedBlock(count: number, seed = 11): string[][] {
  const rand = prng(seed)
  return Array.from({ length: count }, (_, i) => {
    const fields = sampleFields(rand)
    return [String(i + 1), ...annex2.columns.filter((c) => c.kind !== 'seq').map((c) => valueToText(fields[c.key]))]
  })
}
