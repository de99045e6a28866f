/**
 * Evidence behind a record (issue 21): photos and PDFs attached to it, each to what it proves — 整改前, 整改后, one
 * 两断三清 item, 整合搬迁's 原址处置, 验收材料, 处罚文书, 回头看. A file is kept once by its sha256; its type is what its first bytes say,
 * never its name; a removal is an event, so it can be undone and is never forgotten.
 */
import { z } from 'zod'
import { TLC_ITEMS } from '../lifecycle/tlc'

export const ATTACHMENT_TYPES = {
  jpeg: { mime: 'image/jpeg', label: 'JPEG 照片', extension: 'jpg' },
  png: { mime: 'image/png', label: 'PNG 图片', extension: 'png' },
  webp: { mime: 'image/webp', label: 'WebP 图片', extension: 'webp' },
  pdf: { mime: 'application/pdf', label: 'PDF 文件', extension: 'pdf' }
} as const
export type AttachmentType = keyof typeof ATTACHMENT_TYPES
const TYPE_IDS = Object.keys(ATTACHMENT_TYPES) as [AttachmentType, ...AttachmentType[]]

/** A phone photo is 3–8 MB, a scanned 验收 record a few MB: 20 MB leaves room and keeps the 报送包 movable. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

const startsWith = (bytes: Uint8Array, at: number, ...expected: number[]): boolean => expected.every((b, i) => bytes[at + i] === b)
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

/** The type the file's first bytes declare (JPEG SOI, PNG signature, RIFF…WEBP, %PDF-), or null for anything else. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, 0, 0xff, 0xd8, 0xff)) return 'jpeg'
  if (startsWith(bytes, 0, 0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a)) return 'png'
  if (startsWith(bytes, 0, ...ascii('RIFF')) && startsWith(bytes, 8, ...ascii('WEBP'))) return 'webp'
  if (startsWith(bytes, 0, ...ascii('%PDF-'))) return 'pdf'
  return null
}

export const isImage = (type: AttachmentType): boolean => type !== 'pdf'

/** What a file proves: the slots a record's evidence is filed under. */
export const EVIDENCE_SLOTS = ['整改前', '整改后', ...TLC_ITEMS.map((i) => `两断三清-${i.label}`), '原址处置', '验收材料', '处罚文书', '回头看', '其他'] as const
export type EvidenceSlot = (typeof EVIDENCE_SLOTS)[number]

const EventSchema = z.object({ what: z.enum(['添加', '移除', '恢复']), at: z.string(), by: z.string().max(100) })
export type AttachmentEvent = z.infer<typeof EventSchema>

export const AttachmentSchema = z.object({
  /** The record's id in the unit's ledger. */
  recordId: z.string().max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's name as the clerk had it. */
  name: z.string().max(255),
  type: z.enum(TYPE_IDS),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  slot: z.enum(EVIDENCE_SLOTS),
  /** When the photo was taken (EXIF DateTimeOriginal, camera's local time, YYYY-MM-DD HH:MM:SS), or null. */
  takenAt: z.string().nullable(),
  /** 添加, then any 移除 / 恢复, in order: the last one says whether it is in use. */
  events: z.array(EventSchema).min(1).max(1000)
})
export type Attachment = z.infer<typeof AttachmentSchema>

export const AttachmentsPayloadSchema = z.object({ attachments: z.array(AttachmentSchema) })
export type AttachmentsPayload = z.infer<typeof AttachmentsPayloadSchema>

export const isRemoved = (a: Attachment): boolean => a.events[a.events.length - 1]?.what === '移除'

/** An attachment is one file under one slot of one record: the same photo may prove two things. */
export const attachmentId = (a: Pick<Attachment, 'recordId' | 'slot' | 'sha256'>): string => `${a.recordId}|${a.slot}|${a.sha256}`

/** The name to save a kept file under: the clerk's, without characters Windows refuses, ending as its type does. */
export function savedName(a: Pick<Attachment, 'name' | 'type'>): string {
  const ext = ATTACHMENT_TYPES[a.type].extension
  const base = a.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\.(jpe?g|png|webp|pdf)$/i, '').trim() || '佐证材料'
  return `${base.slice(0, 200)}.${ext}`
}

/** EXIF DateTimeOriginal as written (2024:05:14 10:23:45) in our form (2024-05-14 10:23:45), or null. */
export function exifDateTime(raw: unknown): string | null {
  const m = typeof raw === 'string' ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(raw.trim()) : null
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}` : null
}
