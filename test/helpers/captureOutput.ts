import { afterEach, beforeEach, vi } from 'vitest'

/** Collects what a CLI command writes to stdout and stderr during each test of the calling file. */
export function captureOutput(): { out: string[]; err: string[] } {
  const captured = { out: [] as string[], err: [] as string[] }
  beforeEach(() => {
    captured.out.length = 0
    captured.err.length = 0
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => captured.out.push(String(s)) > 0)
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => captured.err.push(String(s)) > 0)
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })
  return captured
}
