import { vi } from 'vitest'

// Under mutation testing every mutant re-runs the tests that reach it, so a property test that generates 2,000 cases
// would dominate the run. Here each property tries at most 10 cases (the normal suite keeps its own numRuns), and
// stops at the first counterexample instead of shrinking it: noticing the mutant is all that is needed.
vi.mock('fast-check', async (importOriginal) => {
  const fc = await importOriginal<typeof import('fast-check')>()
  const assert = ((property: never, params?: { numRuns?: number }) =>
    fc.assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? 100, 10), endOnFailure: true })) as typeof fc.assert
  return { ...fc, assert, default: { ...fc.default, assert } }
})
