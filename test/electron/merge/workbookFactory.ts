/**
 * Consolidations to render, built by hand (the real `consolidate` is written elsewhere): units' rows from
 * sampleRecords, and the things a merge finds — a superseded version, a file received twice, a refused file, an
 * open conflict, a kept pair and an attributed one — with equations that hold.
 */
import { createHash } from 'node:crypto'
import { annex2 } from '@shared/annexes/annex2'
import { defaultCampaign } from '@shared/campaign/campaign'
import { enterpriseKey } from '@shared/ledger/identity'
import type { RecordFields } from '@shared/ledger/record'
import type {
  ConsolidatedRow,
  Consolidation,
  Decision,
  DuplicateGroup,
  Equation,
  SubmissionSummary,
  VersionDiff
} from '@shared/merge/types'
import { sampleRecords } from '../export/sampleRecords'

/** How the office writes it: its clerk 马XX, on the morning after the deadline. */
export const OPTIONS = {
  campaign: defaultCampaign,
  annex: annex2,
  appVersion: '0.1.0-test',
  now: new Date('2024-05-11T02:30:00Z'),
  contact: { filler: '马XX', phone: '0930-6212345' }
}

export const sha = (file: string): string => createHash('sha256').update(file).digest('hex')

interface UnitFile {
  unit: string
  town: string
  rows: number
  filledDate: string
}

/** Seven of the 11 towns (so four are missing) and a department with the longest name. */
export const UNITS: readonly UnitFile[] = [
  { unit: '城南街道', town: '城南街道', rows: 6, filledDate: '2024-05-08' },
  { unit: '东关街道', town: '东关街道', rows: 9, filledDate: '2024-05-10' },
  { unit: '西关街道', town: '西关街道', rows: 7, filledDate: '2024-05-10' },
  { unit: '八坊街道', town: '八坊街道', rows: 8, filledDate: '2024-05-09' },
  { unit: '城郊镇', town: '城郊镇', rows: 12, filledDate: '2024-05-09' },
  { unit: '枹罕镇', town: '枹罕镇', rows: 5, filledDate: '2024-05-09' },
  { unit: '南龙镇', town: '南龙镇', rows: 7, filledDate: '2024-05-10' },
  { unit: '州生态环境局临夏市分局', town: '城郊镇', rows: 3, filledDate: '2024-05-10' }
]
export const MISSING = ['城北街道', '红园街道', '东区街道', '折桥镇']
export const fileOf = (unit: string): string => (unit === '南龙镇' ? '附件2-南龙镇-v2.xlsx' : `附件2-${unit}.xlsx`)
const BLANK = 2
const AT = '2024-05-11T02:10:00.000Z'
const BY = '马XX'

function unitRows(u: UnitFile, k: number, scale: number): RecordFields[] {
  return sampleRecords(u.rows * scale, u.town, String(100 + k), 11 + k).map((r) => r.fields)
}

function row(unit: string, fields: RecordFields, i: number): ConsolidatedRow {
  const file = fileOf(unit)
  const provenance = { unit, file, sha256: sha(file), sheet: '摸底台账', row: 6 + i, recordId: `${unit}-${i + 1}` }
  return { key: enterpriseKey(fields), unit, fields, provenance }
}

function changedRow(r: ConsolidatedRow, row: number, fields: string[]): VersionDiff['changed'][number] {
  return { key: r.key as string, rowFrom: row, rowTo: row, name: String(r.fields['name']), fields }
}

const member = (r: ConsolidatedRow): DuplicateGroup['rows'][number] => ({
  unit: r.unit,
  file: r.provenance.file,
  sha256: r.provenance.sha256,
  row: r.provenance.row,
  name: String(r.fields['name']),
  address: String(r.fields['address']),
  uscc: String(r.fields['uscc'])
})

function group(a: ConsolidatedRow, b: ConsolidatedRow, decision: Decision | null): DuplicateGroup {
  const key = a.key as string
  const keyType = key.startsWith('uscc:') ? 'uscc' : 'name_address'
  return { key, keyType, units: [a.unit, b.unit], rows: [member(a), member(b)], decision }
}

/**
 * The scenario; `scale` multiplies every unit's rows (the duplicates stay the same). Rows of each unit are as its
 * file gives them, three of them copied into a neighbour's file.
 */
export function sampleConsolidation(scale = 1): Consolidation {
  const fields = new Map(UNITS.map((u, k) => [u.unit, unitRows(u, k, scale)]))
  const of = (unit: string): RecordFields[] => fields.get(unit) ?? []
  // 城郊镇 and 枹罕镇 both report the company on their border (same code, other spelling): open.
  const border = of('城郊镇')[2] as RecordFields
  of('枹罕镇').push({ ...border, name: String(border['name']).replace('临夏市', '临夏'), town: '枹罕镇' })
  // A workshop without licence reported by 西关街道 and 东关街道: the office keeps both.
  const workshop: RecordFields = { ...(of('西关街道')[1] as RecordFields), uscc: '无', sector: '无证照', licBusiness: '无' }
  of('西关街道')[1] = workshop
  of('东关街道').push({ ...workshop, town: '东关街道', name: ` ${String(workshop['name'])} ` })
  // 城南街道 reported an enterprise of 八坊街道: attributed to 八坊街道, 城南街道's row leaves the consolidation.
  const moved = of('八坊街道')[4] as RecordFields
  of('城南街道').push({ ...moved, town: '城南街道' })

  const byUnit = new Map(UNITS.map((u) => [u.unit, of(u.unit).map((f, i) => row(u.unit, f, i))]))
  const take = (unit: string, at: number): ConsolidatedRow => byUnit.get(unit)?.at(at) as ConsolidatedRow
  const decision = <K extends Decision['kind']>(kind: K, key: string, extra: object): Decision =>
    ({ kind, key, at: AT, by: BY, ...extra }) as Decision
  const moveKey = take('八坊街道', 4).key as string
  const keep = decision('keep-both', take('西关街道', 1).key as string, { note: '两单位交界，分别整治' })
  const attribute = decision('attribute', moveKey, { unit: '八坊街道' })
  const groups = [
    group(take('城郊镇', 2), take('枹罕镇', -1), null),
    group(take('西关街道', 1), take('东关街道', -1), keep),
    group(take('八坊街道', 4), take('城南街道', -1), attribute)
  ]
  const decisions: Consolidation['decisions'] = [
    {
      decision: { ...decision('keep-both', moveKey, {}), at: '2024-05-11T01:50:00.000Z' },
      status: 'replaced',
      note: '同一企业后来另有决定'
    },
    { decision: keep, status: 'applied', note: '两行均保留，并标注重复' },
    { decision: attribute, status: 'applied', note: '城南街道的一行不计入汇总' }
  ]
  const attributedAway = take('城南街道', -1)
  const rows = [...byUnit.values()].flat().filter((r) => r !== attributedAway)
  const dupKeys = new Set(groups.map((g) => g.key))
  for (const r of rows) if (r.key && dupKeys.has(r.key)) r.duplicate = true

  const accepted: SubmissionSummary[] = UNITS.map((u) => {
    const n = byUnit.get(u.unit)?.length ?? 0
    const file = fileOf(u.unit)
    const counts = { read: n + BLANK, accepted: n, flagged: 0, rejected: 0, blankSkipped: BLANK }
    const { unit, filledDate } = u
    return { file, sha256: sha(file), receivedAt: `${filledDate}T02:00:00.000Z`, unit, covers: [unit], annex: 'annex2', filledDate, status: 'accepted', ...counts }
  })
  const nanlong = accepted.find((s) => s.unit === '南龙镇') as SubmissionSummary
  const submissions: SubmissionSummary[] = [
    ...accepted,
    {
      ...nanlong,
      file: '附件2-南龙镇-v1.xlsx',
      sha256: sha('v1'),
      filledDate: '2024-05-08',
      status: 'superseded',
      replacedBy: nanlong.file,
      reason: '同一单位报送了新版本'
    },
    {
      ...(accepted[4] as SubmissionSummary),
      file: '附件2-城郊镇(1).xlsx',
      status: 'duplicate-file',
      replacedBy: fileOf('城郊镇'),
      reason: '与已收文件内容相同'
    },
    {
      file: '新建 Microsoft Excel 工作表.xlsx',
      sha256: sha('junk'),
      receivedAt: '2024-05-10T03:00:00.000Z',
      unit: null,
      covers: [],
      annex: null,
      filledDate: null,
      status: 'rejected',
      read: 0,
      accepted: 0,
      flagged: 0,
      rejected: 0,
      blankSkipped: 0,
      reason: '未找到附件2的表头，不是附件2表格'
    }
  ]
  const holds = (e: Omit<Equation, 'ok'>): Equation => ({ ...e, ok: e.left === e.right })
  const fileEquation = (s: SubmissionSummary): Equation => {
    const label = `${s.unit}：读取 ${s.read} = 采用 ${s.accepted} + 退回 ${s.rejected} + 空行 ${s.blankSkipped}`
    return holds({ name: `file:${s.file}`, label, left: s.read, right: s.accepted + s.rejected + s.blankSkipped })
  }
  const label = `汇总 ${rows.length} 条 = 各单位采用 ${rows.length + 1} 条 − 归属其他单位 1 条`
  const total = holds({ name: 'total', label, left: rows.length, right: rows.length + 1 - 1 })
  const equations = [...accepted.map(fileEquation), total]
  return {
    annex: 'annex2',
    submissions,
    rows,
    distinctProblems: new Set(rows.map((r, i) => r.key ?? `row:${i}`)).size,
    duplicateGroups: groups,
    missingUnits: MISSING,
    equations,
    decisions,
    versionDiffs: [
      {
        unit: '南龙镇',
        annex: 'annex2',
        from: { file: '附件2-南龙镇-v1.xlsx', sha256: sha('v1'), filledDate: '2024-05-08' },
        to: { file: nanlong.file, sha256: nanlong.sha256, filledDate: '2024-05-10' },
        added: [{ key: take('南龙镇', -1).key, row: 12, name: String(take('南龙镇', -1).fields['name']) }],
        removed: [{ key: 'uscc:92622901MA72BFX91W', row: 11, name: '临夏市马福祥洗车店' }],
        changed: [
          changedRow(take('南龙镇', 0), 6, ['拟整治类别', '整治措施', '完成时限']),
          changedRow(take('南龙镇', 3), 9, ['联系电话', '污染治理设施', '备注'])
        ]
      }
    ]
  }
}
