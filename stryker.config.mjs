// Mutation testing of the core rules (npm run mutate; not part of npm test or CI).
// Stryker changes one operator, condition or literal at a time in the files below and re-runs the tests that reach it:
// a mutant that no test notices is a rule no test pins. Report: reports/mutation/mutation.html.
// One file while writing tests: npx stryker run --mutate shared/domain/phone.ts
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/vitest.mutate.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level code, or code the tests call at module level) are run too: with ignoreStatic those
  // a test also reaches were reported as survivors without being tried.
  mutate: ['shared/domain/{normalize,phone,uscc}.ts', 'shared/validation/**/*.ts', 'shared/merge/**/*.ts', 'shared/lifecycle/**/*.ts', 'shared/reports/**/*.ts'],
  // One mutant per core of the office-class machines this was measured on.
  concurrency: 2,
  reporters: ['clear-text', 'html', 'progress'],
  // Only the score table per file, not every surviving mutant (the html report has them).
  clearTextReporter: { reportMutants: false, allowEmojis: false },
  thresholds: { high: 90, low: 85, break: null },
  // Results are kept in reports/ and only mutants whose code or covering tests changed are tried again: the full run
  // takes about an hour on two cores, a rerun after new tests a few minutes.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true
}
