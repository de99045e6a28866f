import { join } from 'node:path'
import { build } from 'esbuild'

/**
 * A TypeScript entry of the project as one ES module for a plain `node`, with the project's path aliases. Its
 * packages are bundled too unless `packagesExternal`, which then must resolve from where the bundle is written.
 */
export async function bundleForNode(entry: string, outfile: string, packagesExternal = false): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    ...(packagesExternal ? { packages: 'external' as const } : {}),
    tsconfig: join(import.meta.dirname, '../tsconfig.json'),
    logLevel: 'error'
  })
  return outfile
}
