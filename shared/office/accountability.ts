/**
 * 督查、通报、约谈、问责 (plan 五(三)): what the office did about a unit that fell behind, kept in a register and
 * linked to what was behind it — the 督办通知 it ignored and the reports it owed past due, as they stood that day.
 */
import { z } from 'zod'
import type { UnitDues } from './behind'

export const ACCOUNTABILITY_KINDS = ['督查', '通报', '约谈', '问责'] as const
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number]

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写日期')

/** A report a unit owed past due when the record was made (office/behind.ts), kept as it read then. */
const LinkedDueSchema = z.object({ unit: z.string().max(40), id: z.string().max(80), label: z.string().max(80), due: isoDate })

export const AccountabilityInputSchema = z.object({
  kind: z.enum(ACCOUNTABILITY_KINDS),
  date: isoDate,
  units: z.array(z.string().max(40)).min(1, '请选择涉及的单位').max(40),
  /** 约谈/问责 对象: name and post, when it is a person. */
  person: z.string().trim().max(60).default(''),
  /** 督查发现的问题 / 通报事项 / 约谈事由 / 问责决定. */
  findings: z.string().trim().min(1, '请填写督查发现、通报事项、约谈事由或问责决定').max(2000),
  /** Numbers of the 督办通知 behind it. */
  notices: z.array(z.string().max(40)).max(50).default([]),
  dues: z.array(LinkedDueSchema).max(200).default([])
})
export type AccountabilityInput = z.input<typeof AccountabilityInputSchema>

/** The text of a 通报 as issued: kept with its record, so printing it again prints what was issued. */
export const BulletinTextSchema = z.object({
  title: z.string().max(200),
  toUnits: z.string().max(200),
  opening: z.string().max(2000),
  sections: z.array(z.object({ heading: z.string().max(100), text: z.string().max(20_000) })).max(10),
  ranking: z
    .array(z.object({ rank: z.number().int(), unit: z.string(), records: z.number().int(), done: z.number().int(), rate: z.number().nullable(), overdue: z.number().int(), owed: z.string() }))
    .max(100),
  copyTo: z.array(z.string().max(60)).max(40)
})
export type BulletinText = z.infer<typeof BulletinTextSchema>

export const AccountabilityRecordSchema = AccountabilityInputSchema.extend({
  no: z.number().int().min(1),
  /** 通报 only: 临市散办通〔2024〕N号 and the text issued. */
  number: z.string().max(60).default(''),
  bulletin: BulletinTextSchema.nullable().default(null),
  recordedAt: z.string(),
  recordedBy: z.string()
})
export type AccountabilityRecord = z.infer<typeof AccountabilityRecordSchema>

/** 临市散办通〔2024〕N号: the office's 通报 are numbered per year like its 督办通知. */
export const bulletinNumber = (noticePrefix: string, year: number, seq: number): string => `${noticePrefix.replace(/督$/, '通')}〔${year}〕${seq}号`

/** The next 通报 number of the year. */
export function nextBulletinSeq(records: readonly AccountabilityRecord[], year: number): number {
  const prefix = `〔${year}〕`
  return records.filter((r) => r.kind === '通报' && r.number.includes(prefix)).length + 1
}

/** The register as the office's page shows it, with what a new record may link to. */
export interface AccountabilityView {
  /** Newest first. */
  records: AccountabilityRecord[]
  /** What each unit owes past due today. */
  behind: UnitDues[]
  notices: { number: string; unit: string; overdue: boolean }[]
  today: string
}
