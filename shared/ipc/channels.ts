/** Channel names only, with no dependencies, for the preload (which must stay tiny). Kept equal to the contract by a test. */
export const CHANNEL_NAMES = ['app:bootstrap', 'profile:save', 'ledger:open', 'ledger:save', 'ledger:history'] as const
export const IPC_INVOKE = 'slw:invoke'
