/** What the office's data file holds, checked whole when it is loaded. */
import { z } from 'zod'
import { DecisionSchema, SubmissionSchema } from '../merge/schema'
import { AccountabilityRecordSchema } from './accountability'
import { ConfirmationSchema } from './crossForms'
import { StoredNoticeSchema } from './notices'

export const OfficePayloadSchema = z.object({
  submissions: z.array(SubmissionSchema),
  decisions: z.array(DecisionSchema),
  /** 督办通知 register (schema version 2). */
  notices: z.array(StoredNoticeSchema),
  /** 督查、通报、约谈、问责 register (schema version 3). */
  accountability: z.array(AccountabilityRecordSchema),
  /** 问题编号 the office gave rows that came without one (schema version 3). */
  problemNos: z.array(z.object({ key: z.string().max(600), unit: z.string().max(40), no: z.string().max(40) })),
  /** The office's confirmations of differences between forms (schema version 4). */
  confirmations: z.array(ConfirmationSchema)
})
export type OfficePayload = z.infer<typeof OfficePayloadSchema>
