import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Our users' clocks: tests run in China time, as the app does in 临夏 (set before the workers start; they and
// the processes the tests start inherit it). test/shared/chinaTime.test.ts checks it took and proves the times shown
// do not depend on it.
process.env.TZ = 'Asia/Shanghai'

const root = resolve(import.meta.dirname, '..')
const alias = { '@shared': resolve(root, 'shared') }

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias },
  test: {
    allowOnly: false,
    reporters: ['default', './test/summaryReporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'], environment: 'node', testTimeout: 60_000 }
      },
      {
        extends: true,
        // One browser at a time: two cores, and each test starts its own server and Chromium.
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false }
      }
    ]
  }
})
