import { z } from 'zod'
import linxia2024 from './linxia2024.json'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD')

const UnitSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+$/),
  kind: z.enum(['town', 'subdistrict', 'department']),
  /** NBS 统计用区划代码; towns and subdistricts only. */
  code: z.string().regex(/^\d{9}$/).optional(),
  /** Three digits used in 问题编号 (LXS-2024-<seq>-0001). */
  seq: z.string().regex(/^\d{3}$/),
  /** Member of the leadership group (plan 五(一)); a member reports to the office. */
  member: z.boolean().optional(),
  name: z.string().min(1),
  fullName: z.string().min(1),
  aliases: z.array(z.string())
})

const TaskGroupSchema = z.object({
  no: z.number().int(),
  name: z.string(),
  /** 所属领域 value this group is responsible for (group 6 has none). */
  sector: z.string().optional(),
  scope: z.string(),
  leads: z.array(z.string()).min(1),
  cooperating: z.array(z.string()),
  /** The plan lists 各镇街道 as cooperating units of every group. */
  cooperatingTowns: z.boolean()
})

const ReportersSchema = z.enum(['towns', 'members', 'towns-and-leads'])

export const CampaignSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    plan: z.string(),
    year: z.number().int(),
    /** 问题编号 = <prefix>-<year>-<unit seq>-<4 digits> (annexes.md §0). */
    problemNoPrefix: z.string().regex(/^[A-Z]+$/),
    city: z.object({ name: z.string(), code: z.string(), areaCode: z.string() }),
    office: z.object({
      id: z.literal('office'),
      name: z.string(),
      shortName: z.string(),
      hostUnitId: z.string(),
      noticePrefix: z.string()
    }),
    units: z.array(UnitSchema).min(1),
    taskGroups: z.array(TaskGroupSchema),
    phases: z.array(z.object({ id: z.string(), name: z.string(), start: isoDate, end: isoDate })),
    deadlines: z.array(
      z.object({ id: z.string(), date: isoDate, what: z.string(), annex: z.string(), reporters: ReportersSchema })
    ),
    weeklyReports: z.object({
      what: z.string(),
      weekday: z.number().int().min(0).max(6),
      dueTime: z.string(),
      from: isoDate,
      to: isoDate,
      reporters: ReportersSchema
    }),
    annexes: z.array(
      z.object({ id: z.string(), label: z.string(), title: z.string(), due: isoDate, sealed: z.boolean() })
    ),
    /**
     * What must be attached before a record of each 整治类别 is 销号 (evidence/closeEvidence.ts): a slot of
     * evidence, or 两断三清 for a photo of each item done. Absent: the program's defaults.
     */
    closeEvidence: z.record(z.string(), z.array(z.string())).optional()
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>()
    const names = new Map<string, string>()
    for (const u of c.units) {
      if (ids.has(u.id)) ctx.addIssue({ code: 'custom', message: `单位编号重复：${u.id}` })
      ids.add(u.id)
      for (const n of [u.name, u.fullName, ...u.aliases]) {
        const other = names.get(n)
        if (other && other !== u.id) ctx.addIssue({ code: 'custom', message: `单位名称“${n}”同时属于 ${other} 和 ${u.id}` })
        names.set(n, u.id)
      }
    }
    for (const g of c.taskGroups) {
      for (const id of [...g.leads, ...g.cooperating]) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `专责组“${g.name}”引用了不存在的单位 ${id}` })
      }
    }
    if (!ids.has(c.office.hostUnitId)) ctx.addIssue({ code: 'custom', message: `领导小组办公室所在单位不存在：${c.office.hostUnitId}` })
  })

export type Campaign = z.infer<typeof CampaignSchema>
export type CampaignUnit = Campaign['units'][number]
export type TaskGroup = Campaign['taskGroups'][number]

/** Parses a campaign file; throws with every problem listed, in Chinese, when it is malformed. */
export function parseCampaign(data: unknown): Campaign {
  const r = CampaignSchema.safeParse(data)
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`)
    throw new Error(`整治工作配置无效：\n${lines.join('\n')}`)
  }
  return r.data
}

/** The embedded default: 临夏市2024, so a first start needs no configuration. */
export const defaultCampaign: Campaign = parseCampaign(linxia2024)

/** True for the 四镇七街道 (towns and subdistricts). */
export function isTownLike(u: CampaignUnit): boolean {
  return u.kind === 'town' || u.kind === 'subdistrict'
}

export function towns(c: Campaign): CampaignUnit[] {
  return c.units.filter(isTownLike)
}

export function departments(c: Campaign): CampaignUnit[] {
  return c.units.filter((u) => u.kind === 'department')
}

export function unitById(c: Campaign, id: string): CampaignUnit | undefined {
  return c.units.find((u) => u.id === id)
}

/** The name a unit's forms carry: a campaign unit's, or the office's short name for its own ledger. */
export function unitName(c: Campaign, unitId: string): string {
  return unitById(c, unitId)?.name ?? c.office.shortName
}

/**
 * Finds a unit by any spelling the plan or a clerk uses: short name, full name, alias, with or without the
 * 临夏市 prefix and the 办事处 / 人民政府 suffix (临夏市八坊街道办事处 → 八坊街道).
 */
export function unitByName(c: Campaign, raw: string): CampaignUnit | undefined {
  const name = raw.normalize('NFKC').replace(/\s+/g, '')
  if (!name) return undefined
  const candidates = [name, name.replace(/^临夏市/, ''), name.replace(/^临夏市/, '').replace(/(办事处|人民政府)$/, '')]
  for (const n of candidates) {
    const u = c.units.find((x) => x.name === n || x.fullName === n || x.aliases.includes(n))
    if (u) return u
  }
  return undefined
}

/** Units that must send a given report: the towns, the member departments, or the towns plus the task-group leads. */
export function expectedReporters(c: Campaign, who: z.infer<typeof ReportersSchema>): CampaignUnit[] {
  if (who === 'towns') return towns(c)
  if (who === 'members') return c.units.filter((u) => isTownLike(u) || u.member === true)
  const leads = new Set(c.taskGroups.flatMap((g) => g.leads))
  return c.units.filter((u) => isTownLike(u) || leads.has(u.id))
}
