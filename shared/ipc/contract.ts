/**
 * The one IPC contract. Electron main, the web server and the CLI all serve it through `dispatch`; the renderer
 * calls it through its api client. Inputs are validated with zod by the serving side (the renderer is untrusted);
 * outputs are typed only.
 */
import { z } from 'zod'
import type { Campaign } from '../campaign/campaign'
import type { HistoryEntry, LedgerRecord } from '../ledger/record'
import { LedgerChangesSchema } from '../ledger/record'

const UnitId = z.string().regex(/^[a-z0-9]{1,16}$/, '单位编号无效')

export const ProfileSchema = z.object({
  unitId: UnitId,
  filler: z.string().trim().min(1, '请填写填报人').max(20, '填报人姓名过长'),
  phone: z.string().trim().min(1, '请填写联系电话').max(30, '联系电话过长')
})
export type Profile = z.infer<typeof ProfileSchema>

/** A message the user must see, e.g. that a damaged ledger was replaced by its newest valid copy. */
export interface Notice {
  level: 'info' | 'warning' | 'error'
  message: string
}

export interface Bootstrap {
  appVersion: string
  mode: 'electron' | 'web'
  dataDir: string
  campaign: Campaign
  profile: Profile | null
  notices: Notice[]
}

export interface LedgerView {
  unitId: string
  records: LedgerRecord[]
  generation: number
  /** True when the file was written by a newer version of the program: it is shown but never overwritten. */
  readOnly: boolean
  notices: Notice[]
}

export interface SaveReceipt {
  generation: number
  savedAt: string
  /** 问题编号 handed out to new records, by record id. */
  assigned: Record<string, string>
}

interface Channel<I extends z.ZodType, O> {
  input: I
  /** Type-only marker for the output. */
  output?: O
}
const channel = <I extends z.ZodType, O>(input: I): Channel<I, O> => ({ input })

export const contract = {
  'app:bootstrap': channel<z.ZodObject<{}>, Bootstrap>(z.object({})),
  'profile:save': channel<typeof ProfileSchema, Profile>(ProfileSchema),
  'ledger:open': channel<z.ZodObject<{ unitId: typeof UnitId }>, LedgerView>(z.object({ unitId: UnitId })),
  'ledger:save': channel<z.ZodType<LedgerSaveInput>, SaveReceipt>(
    z.object({
      unitId: UnitId,
      baseGeneration: z.number().int().min(0),
      changes: LedgerChangesSchema
    })
  ),
  'ledger:history': channel<z.ZodObject<{ unitId: typeof UnitId; recordId: z.ZodString }>, HistoryEntry[]>(
    z.object({ unitId: UnitId, recordId: z.string().max(64) })
  )
}

export interface LedgerSaveInput {
  unitId: string
  /** The generation the caller's copy is based on; a save on an older copy is refused (STALE). */
  baseGeneration: number
  changes: z.infer<typeof LedgerChangesSchema>
}

export type ChannelName = keyof typeof contract
export const CHANNELS = Object.keys(contract) as ChannelName[]
export type In<C extends ChannelName> = z.input<(typeof contract)[C]['input']>
export type Out<C extends ChannelName> = NonNullable<(typeof contract)[C]['output']>
