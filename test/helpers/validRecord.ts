import type { RecordFields } from '@shared/ledger/record'

/** A 附件2 record of 八坊街道 with no finding at all: tests change one field of it and look at what is said. */
export const VALID_RECORD: RecordFields = {
  town: '八坊街道', village: '大南岔社区', name: '临夏市万通汽车服务有限责任公司', uscc: '91622901MA7FLD4EN1', operator: '虎舍木',
  phone: '15794688302', address: '临夏市八坊街道大南岔社区东环路8号', sector: '服务业', problemTypes: ['乱', '污'],
  problems: '环评手续不全', licBusiness: '有', licEia: '不全', licDischarge: '无', licOther: '无', facilities: '无', category: '整合搬迁',
  measures: '整合搬迁至临夏经济开发区', deadline: '2024-07-05', responsibleUnit: '八坊街道', leadDept: '市商务局', responsiblePerson: '张正义', source: '群众举报'
}
