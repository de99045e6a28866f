/** What the office's data file holds, checked whole when it is loaded. */
import { z } from 'zod'
import { DecisionSchema, SubmissionSchema } from '../merge/schema'
import { StoredNoticeSchema } from './notices'

export const OfficePayloadSchema = z.object({
  submissions: z.array(SubmissionSchema),
  decisions: z.array(DecisionSchema),
  /** 督办通知 register (schema version 2). */
  notices: z.array(StoredNoticeSchema)
})
export type OfficePayload = z.infer<typeof OfficePayloadSchema>
