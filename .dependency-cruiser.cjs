/**
 * The map of the code, checked by `npm test` (dependency-cruiser). Read it from the ground up:
 *
 *   shared/            pure rules and types, no Node, Electron or React; the IPC contract is its roof
 *   electron/services  Node services over files (storage, import, export, merge, office, reports …)
 *   electron/main, electron/web, electron/cli, renderer/   the four apps; none imports another
 *
 * Inside shared/ and electron/services each folder may import itself and the layers listed before it, never one
 * listed after it. A helper two peers need moves down to a lower layer (shared/domain is the floor).
 */

/** shared/, from the ground up. */
const SHARED = [
  'domain', // enums, dates, text normalising, codes and phones, issue types: imports nothing
  'campaign', // the plan's units, departments and dates
  'ledger', // a record, its fields and history
  'lifecycle', // what a record's 整治 goes through (两断三清, 验收, 销号, 回头看)
  'evidence', // photos and PDFs behind a record: types, slots, events
  'annexes', // the official forms: one definition each, and the registry
  'validation', // what makes a row of a form right
  'reports', // figures and texts computed from a unit's records
  'complaints', // 举报受理登记: public reports, their matching, exchange with units and printed columns
  'merge', // the office's consolidation of many units' files
  'office', // what the office does with it: reporting, 督办, city weekly, dashboard
  'ipc' // the roof: the contract every app speaks; imported by none of the above
]

/** electron/services/, from the ground up (a name is a folder, or a file directly in services/). */
const SERVICES = [
  'paths|appInfo|workingDate|staticFiles|appLog', // leaves: where data lives, what this build is, today, the daily log
  'storage', // durable files, locks, the stores of a data folder
  'backup', // backups of a data folder and their restore
  'documents', // Word documents
  'export', // styled xlsx forms and their `_meta` sheet
  'import', // reading any spreadsheet a unit sends, in a worker
  'merge', // reading and consolidating submissions, the consolidated workbook
  'annexExport|formRecords|ledgerImport|evidence|complaints|complaintTable', // a unit's own forms: export, records of a form, staged import; its evidence; the 举报 register and its 交办 lists
  'reports', // a unit's Friday report
  'office', // the office's intake, supervision and reports
  'handlers', // the contract's channels, each served by the services above
  'dispatch|services' // validation of every request, and the wiring of one data folder
]

const escape = (s) => s.replace(/[.]/g, '\\.')
/** The rules that keep each layer from importing one above it. */
const upward = (prefix, layers) =>
  layers.slice(0, -1).map((layer, i) => ({
    name: `${prefix.replace(/\//g, '-')}${layer.split('|')[0]}-not-up`,
    comment: `${prefix}${layer} may import only the layers below it: ${layers.slice(0, i).join(', ') || 'none'}`,
    severity: 'error',
    from: { path: `^${escape(prefix)}(${layer})(/|\\.[cm]?[jt]sx?$)` },
    to: { path: `^${escape(prefix)}(${layers.slice(i + 1).join('|')})(/|\\.[cm]?[jt]sx?$)` }
  }))

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'A circle of imports has no bottom to read from.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs in the renderer, the services and the CLI: only shared/, zod, xlsx and opencc-js (pure JS, header matching).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: '^(shared/|node_modules/(zod|xlsx|opencc-js)/)' }
    },
    {
      name: 'renderer-only-shared',
      comment: 'The renderer is a sandboxed page: it reaches files only through the IPC contract.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron/|node_modules/(electron|lowdb|exceljs|xlsx)/)|^node:|^(fs|path|os|child_process|worker_threads)$' }
    },
    {
      name: 'electron-only-in-glue',
      comment: 'Only the Electron glue (main, preload) imports electron; tests and the web mode run without it.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '^node_modules/electron/' }
    },
    {
      name: 'preload-only-channels',
      comment: 'The preload exposes one invoke on the allow-list of channels, nothing else.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: '^(shared/ipc/channels\\.ts|node_modules/electron/)' }
    },
    {
      name: 'services-not-apps',
      comment: 'The services are served by the apps, never the reverse (CLI-only helpers live in cli/).',
      severity: 'error',
      from: { path: '^(shared|electron/services)/' },
      to: { path: '^(electron/(main|web|cli|preload)|renderer)/' }
    },
    {
      name: 'apps-apart',
      comment: 'main, web and cli share the services, not each other.',
      severity: 'error',
      from: { path: '^electron/(main|web|cli)/' },
      to: { path: '^electron/(main|web|cli)/', pathNot: '^electron/$1/' }
    },
    {
      name: 'no-tests-in-code',
      comment: 'Code never imports tests or benches.',
      severity: 'error',
      from: { path: '^(shared|electron|renderer)/' },
      to: { path: '^(test|bench)/' }
    },
    ...upward('shared/', SHARED),
    ...upward('electron/services/', SERVICES)
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Keeps node_modules paths as written where node_modules is a link (git worktrees).
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type imported from above is the same tangle as a value.
    tsPreCompilationDeps: true,
    // So do the JSDoc `@import`s that type the parser thread's .mjs files.
    detectJSDocImports: true,
    // The conditions the bundler and Node resolve an ESM-only package's `exports` with (opencc-js/t2cn, lowdb).
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] }
  }
}
