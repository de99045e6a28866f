/** Channel names only, with no dependencies, for the preload (which must stay tiny). Kept equal to the contract by a test. */
export const CHANNEL_NAMES = [
  'app:bootstrap',
  'profile:save',
  'ledger:open',
  'ledger:save',
  'ledger:history',
  'ledger:reopen',
  'import:preview',
  'import:commit',
  'import:undo',
  'export:annex',
  'weekly:view',
  'weekly:save',
  'weekly:export',
  'contacts:view',
  'contacts:save',
  'office:view',
  'office:stage',
  'office:commit',
  'office:decide',
  'office:export',
  'office:noticeCandidates',
  'office:noticeIssue',
  'office:noticeFeedback',
  'office:noticeExport'
] as const
export const IPC_INVOKE = 'slw:invoke'
