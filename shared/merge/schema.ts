/** zod schemas of the merge's inputs the office stores (submissions and decisions), checked when its file is loaded. */
import { z } from 'zod'
import { LocatedIssueSchema } from '../domain/issues'
import { RecordFieldsSchema } from '../ledger/record'
import { ReceivedEvidenceSchema } from '../evidence/evidencePackage'

export const SubmissionSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.string(),
  unit: z.string().nullable(),
  annex: z.string().nullable(),
  filledDate: z.string().nullable(),
  sheet: z.string().nullable(),
  refused: z.boolean(),
  ownExport: z
    .object({
      kind: z.enum(['export', 'consolidated']),
      exportedAt: z.string(),
      checkCode: z.string(),
      consistent: z.boolean(),
      edited: z.number()
    })
    .nullable(),
  counts: z.object({ read: z.number().int().min(0), blankSkipped: z.number().int().min(0) }),
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      fields: RecordFieldsSchema,
      recordId: z.string().optional(),
      problemNo: z.string().optional(),
      flagged: z.boolean(),
      sourceUnit: z.string().optional()
    })
  ),
  issues: z.array(LocatedIssueSchema),
  evidence: z.array(ReceivedEvidenceSchema).max(5000).optional()
})

/** A decision as the office's user makes it; the service adds who and when. */
export const DecisionInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keep-both'), key: z.string().max(400), note: z.string().max(500).optional() }),
  z.object({ kind: z.literal('attribute'), key: z.string().max(400), unit: z.string().max(40), note: z.string().max(500).optional() }),
  z.object({ kind: z.literal('merge'), key: z.string().max(400), unit: z.string().max(40), note: z.string().max(500).optional() }),
  z.object({
    kind: z.literal('use-version'),
    unit: z.string().max(40),
    annex: z.string().max(32),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    note: z.string().max(500).optional()
  })
])
export type DecisionInput = z.infer<typeof DecisionInputSchema>

export const DecisionSchema = z.intersection(DecisionInputSchema, z.object({ at: z.string(), by: z.string() }))
