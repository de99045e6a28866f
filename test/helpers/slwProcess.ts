/** `slw` as a user runs it: a process of its own, so its exit code (70 for an internal error) is the real one. */
import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const root = resolve(import.meta.dirname, '../..')
const tsx = join(root, 'node_modules/.bin/tsx')

export function slw(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return slwWith([], ...args)
}

/** `slw` with Node options before it: `--import` of a module that plants a fault, to provoke the bug path. */
export async function slwWith(nodeArgs: string[], ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const run = promisify(execFile)
    const { stdout, stderr } = await run(tsx, [...nodeArgs, 'electron/cli/slw.ts', ...args], { cwd: root, encoding: 'utf8' })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}
