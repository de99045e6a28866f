/**
 * Deterministic, realistic 附件2 records of a town (八坊街道 by default), modelled on the clean-bafang fixture:
 * valid 统一社会信用代码, local phones, dispositions with matching measures and lead departments.
 */
import { formatProblemNo } from '@shared/ledger/record'
import type { LedgerRecord, RecordFields } from '@shared/ledger/record'
import { usccCheckChar } from '@shared/domain/uscc'
import { prng } from '../../../bench/sampleLedger'

interface Trade {
  suffix: string
  sector: string
  industry: string
  products: string
  lead: string
  problems: string[]
}

type TradeRow = [suffix: string, sector: string, industry: string, products: string, lead: string, problems: string[]]

function trade(...[suffix, sector, industry, products, lead, problems]: TradeRow): Trade {
  return { suffix, sector, industry, products, lead, problems }
}

const TRADES: Trade[] = [
  trade('汽车修理部', '服务业', '汽车修理与维护', '汽车维修、钣金喷漆', '市商务局', [
    '未办理排污许可（登记）', '无喷漆房及VOCs处理设施', '废机油、废电瓶随意存放', '占道维修'
  ]),
  trade('牛肉面馆', '服务业', '正餐服务', '清真餐饮', '市市场监管局', [
    '无油烟净化器', '油烟未经净化直排', '餐厨废水直排雨水管网'
  ]),
  trade('石材加工厂', '工业', '建筑用石加工', '石材切割、路沿石', '市工信局', [
    '未进入工业园区，布局分散', '未办理环评手续', '无喷淋降尘及废水沉淀设施', '边角料随意堆放'
  ]),
  trade('清真食品加工坊', '工业', '清真食品加工', '清真糕点、馓子', '市市场监管局', [
    '位于居民区，布局分散', '油烟净化装置不完善', '燃煤炉灶无治理设施'
  ]),
  trade('废品收购站', '服务业', '再生物资回收', '废旧物资回收', '市商务局', [
    '无防渗及防雨设施', '占道经营，场地未硬化防渗', '存在焚烧废旧电线现象'
  ]),
  trade('木器加工厂', '工业', '木质家具制造', '木门、家具', '市工信局', [
    '未办理排污许可（登记）', '喷漆废气处理设施不完善', '木屑粉尘无组织排放'
  ]),
  trade('洗车店', '服务业', '洗车服务', '洗车', '市水务水电局', [
    '无洗车废水沉淀循环设施', '未办理取水许可', '洗车废水直排'
  ]),
  trade('牛羊养殖场', '农业', '牛羊饲养', '肉牛、肉羊养殖', '市农业农村局', [
    '位于居民区', '粪污未经处理随意堆放', '无防渗储粪设施'
  ]),
  trade('水泥制品厂', '建筑业', '水泥制品制造', '水泥预制板、空心砖', '市自然资源局', [
    '未进入工业园区，布局分散', '未办理环评手续', '砂石料露天堆放未苫盖', '搅拌扬尘无组织排放'
  ])
]

const SURNAMES = ['马', '王', '张', '韩', '李', '罗', '孔', '何', '妥', '喇', '苏', '杨']
const GIVEN = ['占海', '学军', '如海', '永福', '光明', '文华', '秀英', '建军', '福祥', '明德', '玉梅', '小平']
const COMMUNITIES = ['八坊社区', '大南岔社区', '小南岔社区', '清华社区', '铁家社区']
const STREETS = ['东环路', '枹罕路', '建设路', '折桥路', '滨河路', '新华路', '团结路', '前河沿路']
const MEASURES: Record<string, string> = {
  关停取缔: '依法关停取缔，实施“两断三清”（断水、断电，清除原料、产品、生产设备）',
  整合搬迁: '整合搬迁至临夏经济开发区，原址实施“两断三清”，新址依法办理环评、排污许可手续',
  升级改造: '一企一策整改：完善污染治理设施，场地硬化、物料入棚，补办相关手续，验收合格后恢复生产'
}
const DEADLINES = ['2024-05-31', '2024-06-15', '2024-06-28', '2024-07-15', '2024-08-31', '2024-09-30']
const SOURCES = ['排查发现', '排查发现', '群众举报', '上级交办', '部门移交']
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const UNLICENSED = '无营业执照及相关审批手续，属无证照经营'

export function sampleRecords(count: number, town = '八坊街道', unitSeq = '005', seed = 7): LedgerRecord[] {
  const rnd = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const mobile = (): string => `1${pick(['35', '39', '57', '89'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`
  return Array.from({ length: count }, (_, i) => {
    const trade = pick(TRADES)
    const person = pick(SURNAMES) + pick(GIVEN)
    const unlicensed = rnd() < 0.15
    const community = pick(COMMUNITIES)
    const body = `92622901MA${Array.from({ length: 7 }, () => pick([...CODE_CHARS])).join('')}`
    const category = pick(['关停取缔', '整合搬迁', '升级改造'])
    const types = (['散', '乱', '污'] as const).filter((_, k) => k === 1 || rnd() < 0.5)
    const problems = trade.problems.filter(() => rnd() < 0.7)
    const fields: RecordFields = {
      town,
      village: community,
      name: unlicensed ? `${community}${person.slice(0, 1)}某某${trade.suffix.slice(-3)}` : `临夏市${person}${trade.suffix}`,
      uscc: unlicensed ? '无' : body + usccCheckChar(body),
      operator: person,
      phone: rnd() < 0.2 ? `0930-${6200000 + Math.floor(rnd() * 99999)}` : mobile(),
      address: `临夏市${town}${community}${pick(STREETS)}${1 + Math.floor(rnd() * 400)}号`,
      sector: unlicensed ? '无证照' : trade.sector,
      industry: trade.industry,
      products: trade.products,
      problemTypes: [...types],
      problems: [...(unlicensed ? [UNLICENSED] : []), ...(problems.length ? problems : [trade.problems[0]])].join('；'),
      licBusiness: unlicensed ? '无' : '有',
      licEia: pick(['有', '无', '不全']),
      licDischarge: pick(['有', '无', '无']),
      licOther: pick(['有', '无', '不全']),
      facilities: pick(['有且正常', '有但不完善', '无', '不涉及']),
      category,
      measures: MEASURES[category] ?? '',
      deadline: pick(DEADLINES),
      responsibleUnit: town,
      leadDept: trade.lead,
      responsiblePerson: pick(['喇建军', '张正义', '王丽娟']),
      source: pick(SOURCES),
      remarks: rnd() < 0.25 ? pick(['已停产', '租赁场地', '2023年已销号，回头看发现反弹', '经营者外出，已电话告知']) : ''
    }
    const at = new Date(Date.UTC(2024, 3, 20 + (i % 10), 2, 0, i)).toISOString()
    const problemNo = formatProblemNo('LXS', 2024, unitSeq, i + 1)
    return { id: `rec-${seed}-${i + 1}`, problemNo, createdAt: at, updatedAt: at, fields }
  })
}
