import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Stryker's own test set (stryker.config.mjs): only the fast, pure tests of shared/. Every mutant re-runs the tests
// that cover it, so a test that loads fixtures or starts a process here would turn minutes into hours.
const root = resolve(import.meta.dirname, '..')
// As in vitest.config.ts: the clerks' time zone.
process.env.TZ = 'Asia/Shanghai'

export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  // chinaTime.test.ts starts two processes (other time zones) for its last case.
  test: { include: ['test/shared/**/*.test.ts'], exclude: ['test/shared/chinaTime.test.ts'], environment: 'node', testTimeout: 60_000,
    setupFiles: ['test/helpers/mutateSetup.ts'] }
})
