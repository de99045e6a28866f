import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

/** A fresh temporary folder for the calling test file, removed after its tests; `path` is set once they start. */
export function tempFolder(prefix: string): { path: string } {
  const folder = { path: '' }
  beforeAll(async () => {
    folder.path = await mkdtemp(join(tmpdir(), prefix))
  })
  afterAll(async () => {
    await rm(folder.path, { recursive: true, force: true })
  })
  return folder
}
