/**
 * The unit's 报送包 (issue 21): one .zip with the form as the unit exports it, the evidence of the records on it, and
 * a manifest naming every file with its sha256 and the record it belongs to, so whoever receives it can tell a photo
 * that was changed on the way from one that was attached.
 */
import { z } from 'zod'
import { AttachmentSchema } from './attachments'

export const PACKAGE_FORMAT = 'slw-evidence-package'
export const MANIFEST = 'manifest.json'
const SHA256 = z.string().regex(/^[0-9a-f]{64}$/)

/** Where a kept file goes in the package: evidence/<sha256>.<ext>, so no name the clerk chose becomes a path. */
export const evidencePath = (sha256: string, extension: string): string => `evidence/${sha256}.${extension}`

export const ManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(1),
  unit: z.string().max(40),
  annex: z.string().max(32),
  /** The form, at the package's top level. */
  form: z.object({ file: z.string().max(255).regex(/^[^/\\]+\.xlsx$/), sha256: SHA256 }),
  evidence: z
    .array(
      AttachmentSchema.pick({ recordId: true, sha256: true, name: true, type: true, size: true, slot: true, takenAt: true }).extend({
        /** 问题编号 of the record, as the form prints it. */
        problemNo: z.string().max(40),
        path: z.string().max(120)
      })
    )
    .max(5000)
})
export type Manifest = z.infer<typeof ManifestSchema>
export type PackagedEvidence = Manifest['evidence'][number]

/** Evidence as received: the manifest's entry, and whether the file in the package is the one it names. */
export const ReceivedEvidenceSchema = ManifestSchema.shape.evidence.element.extend({ ok: z.boolean() })
export type ReceivedEvidence = z.infer<typeof ReceivedEvidenceSchema>
