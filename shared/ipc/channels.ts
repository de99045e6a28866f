/** Channel names only, with no dependencies, for the preload (which must stay tiny). Kept equal to the contract by a test. */
export const CHANNEL_NAMES = [
  'app:bootstrap',
  'app:today',
  'profile:save',
  'ledger:open',
  'ledger:save',
  'ledger:history',
  'ledger:reopen',
  'import:preview',
  'import:commit',
  'import:undo',
  'export:annex',
  'export:package',
  'progress:get',
  'evidence:list',
  'evidence:add',
  'evidence:mark',
  'evidence:file',
  'evidence:dossier',
  'weekly:view',
  'weekly:save',
  'weekly:export',
  'weekly:summaryExport',
  'contacts:view',
  'contacts:save',
  'complaints:view',
  'complaints:register',
  'complaints:edit',
  'complaints:result',
  'complaints:toRecord',
  'complaints:exchangeExport',
  'complaints:exchangeImport',
  'complaints:export',
  'complaints:tablePreview',
  'complaints:tableCommit',
  'office:view',
  'office:stage',
  'office:commit',
  'office:decide',
  'office:confirm',
  'office:evidenceFile',
  'office:export',
  'office:weekly',
  'office:weeklySave',
  'office:weeklyExport',
  'office:contacts',
  'office:contactsExport',
  'office:dashboard',
  'office:leadExport',
  'office:problems',
  'office:noticeIssue',
  'office:noticeFeedback',
  'office:noticeExport',
  'office:accountability',
  'office:accountabilityRecord',
  'office:bulletinIssue',
  'office:bulletinExport',
  'calendar:view',
  'calendar:change',
  'calendar:export',
  'calendar:import',
  'backup:create',
  'file:save'
] as const
export const IPC_INVOKE = 'slw:invoke'

/**
 * The one event main sends the page: a menu item the page performs (导入, 导出, 报送包, 查找, 使用说明, 关于), by id.
 * The preload passes on only these ids, and the page checks them again.
 */
export const MENU_EVENT = 'slw:menu'
export const MENU_COMMANDS = ['import', 'export', 'package', 'find', 'guide', 'about'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)

/**
 * The preload's listener for MENU_EVENT: passes on a known command id alone (never the IPC event, which carries
 * the sender), and drops anything else.
 */
export const menuRelay =
  (listener: (command: MenuCommand) => void) =>
  (_event: unknown, command: unknown): void => {
    if (isMenuCommand(command)) listener(command)
  }
