/**
 * `slw merge` built the way the app is built: one bundle, as electron-vite bundles the main process that runs the
 * office's merge, rather than compiled module by module on load by tsx (the CLI's runner). In one bundle a call
 * into another module is a call within one scope, which V8 can inline: measured 0.2 s faster on 50,000 rows.
 * Written under out/ so that the packages it leaves outside (exceljs, SheetJS …) resolve from node_modules, with
 * the parser thread's plain JavaScript copied beside it, where parseInWorker looks for it.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleForNode } from './bundleForNode'

const ROOT = join(import.meta.dirname, '..')
const PARSER_DIR = join(ROOT, 'electron/services/import')

/** Builds the bundle and returns its path; it exports the merge command's `run` and `MERGE_MARKS`. */
export async function bundleMerge(): Promise<string> {
  const dir = join(ROOT, 'out/bench')
  await mkdir(dir, { recursive: true })
  const outfile = join(dir, 'merge.mjs')
  await bundleForNode(join(ROOT, 'electron/cli/commands/merge.ts'), outfile, true)
  const parserFiles = (await readdir(PARSER_DIR)).filter((f) => f.endsWith('.mjs') && !f.endsWith('.tmp.mjs'))
  await Promise.all(parserFiles.map((f) => copyFile(join(PARSER_DIR, f), join(dir, f))))
  return outfile
}
