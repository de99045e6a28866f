/** Channel names only, with no dependencies, for the preload (which must stay tiny). Kept equal to the contract by a test. */
export const CHANNEL_NAMES = [
  'app:bootstrap',
  'profile:save',
  'ledger:open',
  'ledger:save',
  'ledger:history',
  'import:preview',
  'import:commit',
  'import:undo',
  'export:annex',
  'office:view',
  'office:stage',
  'office:commit',
  'office:decide',
  'office:export'
] as const
export const IPC_INVOKE = 'slw:invoke'
