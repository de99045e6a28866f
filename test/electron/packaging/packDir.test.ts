/**
 * electron-builder itself packs the built app with electron-builder.config.cjs, as far as it can here: the Linux x64
 * `dir` target (the folder an AppImage or deb is made from) around a stand-in for the Electron binary, which cannot
 * be downloaded here. The stand-in carries Electron's fuse wire with Electron's defaults, so the config's fuses are
 * flipped by electron-builder as they will be in the real binary. Then: what app.asar and app.asar.unpacked hold, and
 * the parser thread started from the real unpacked folder the way the packaged app starts it.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unpackedPath } from '../../../electron/main/asarPaths'
import { importLimits } from '../../../electron/services/import/limits'
import { parseInWorker } from '../../../electron/services/import/parseInWorker'

const root = resolve(import.meta.dirname, '../../..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
// electron-builder's own asar and fuses libraries, from where it finds them.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))
const asar = builderRequire('@electron/asar') as { listPackage(archive: string, options: { isPack: boolean }): string[] }
const fuses = builderRequire('@electron/fuses') as { getCurrentFuseWire(binary: string): Promise<Record<string, unknown>> }

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron's own fuse defaults, in wire order: RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, only app.asar, browser V8 snapshot, file:// privileges. */
const ELECTRON_DEFAULT_WIRE = '10110001'

let work = ''
let appOut = ''

/** Files under a folder, relative, with forward slashes. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort()
}

describe.runIf(process.platform === 'linux')('the Linux x64 app folder electron-builder makes', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'out/main/main.js'))) throw new Error('out/ is missing: run `npx electron-vite build` first (npm test builds before the tests)')
    work = mkdtempSync(join(tmpdir(), 'slw-pack-'))
    const electronDist = join(work, 'electron-dist')
    mkdirSync(join(electronDist, 'resources'), { recursive: true })
    writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\n# stand-in: ${SENTINEL}`), Buffer.from([1, 8]), Buffer.from(ELECTRON_DEFAULT_WIRE)]))
    chmodSync(join(electronDist, 'electron'), 0o755)
    writeFileSync(join(electronDist, 'version'), 'stand-in')
    writeFileSync(join(electronDist, 'LICENSE'), '')
    writeFileSync(join(electronDist, 'LICENSES.chromium.html'), '')
    const config = join(work, 'pack.config.cjs')
    writeFileSync(
      config,
      `const base = require(${JSON.stringify(join(root, 'electron-builder.config.cjs'))})\n` +
        `module.exports = { ...base, electronDist: ${JSON.stringify(electronDist)}, directories: { ...base.directories, output: ${JSON.stringify(join(work, 'dist'))} },\n` +
        `  linux: { ...base.linux, target: [{ target: 'dir', arch: ['x64'] }] } }\n`
    )
    const cli = join(root, 'node_modules/electron-builder/cli.js')
    const run = spawnSync(process.execPath, [cli, '--projectDir', root, '--config', config, '--linux', 'dir', '--x64'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 150_000,
      env: { ...process.env, CI: 'true' }
    })
    if (run.status !== 0) throw new Error(`electron-builder failed (${run.status}):\n${run.stdout}\n${run.stderr}`)
    appOut = join(work, 'dist/linux-unpacked')
  }, 180_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('names the program slw-ledger and flips every fuse the config sets', async () => {
    const binary = join(appOut, 'slw-ledger')
    expect(existsSync(binary)).toBe(true)
    const wire = await fuses.getCurrentFuseWire(binary)
    const on = 49
    const off = 48
    expect(wire).toEqual({ version: '1', 0: off, 1: on, 2: off, 3: off, 4: on, 5: on, 6: off, 7: off })
  })

  it('packs out/, package.json and the production dependencies into app.asar, and nothing else', () => {
    const files = asar.listPackage(join(appOut, 'resources/app.asar'), { isPack: false }).map((p) => p.replace(/\\/g, '/'))
    const tops = new Set(files.map((p) => p.split('/')[1]))
    expect([...tops].sort()).toEqual(['node_modules', 'out', 'package.json'])
    for (const f of ['/package.json', '/out/main/main.js', '/out/preload/preload.cjs', '/out/renderer/index.html']) expect(files).toContain(f)
    for (const name of Object.keys(pkg.dependencies)) expect(files, name).toContain(`/node_modules/${name}/package.json`)
    // What exceljs needs at run time, which electron/services/export/nativeCrc.ts reaches along its dependencies.
    expect(files.filter((f) => /\/node_modules\/(archiver|zip-stream|compress-commons|crc32-stream|crc-32)\/package\.json$/.test(f)).length).toBeGreaterThanOrEqual(5)
    // No devDependency slipped in.
    for (const dev of ['electron', 'vite', 'vitest', 'react', 'ag-grid-community', 'typescript']) expect(files).not.toContain(`/node_modules/${dev}/package.json`)
  })

  it('unpacks the parser thread, package.json and the packages the thread imports, and nothing of the window', () => {
    const unpacked = listFiles(join(appOut, 'resources/app.asar.unpacked'))
    expect(unpacked).toContain('package.json')
    expect(unpacked.filter((f) => f.startsWith('out/'))).toEqual([expect.stringMatching(/^out\/main\/chunks\/parseWorker-[\w-]+\.js$/)])
    expect(new Set(unpacked.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]))).toEqual(new Set(['fflate', 'papaparse', 'xlsx']))
    expect(JSON.parse(readFileSync(join(appOut, 'resources/app.asar.unpacked/package.json'), 'utf8'))).toMatchObject({ type: 'module', main: 'out/main/main.js' })
  })

  it('starts the parser thread from the app.asar path the bundle computes, through unpackedPath', async () => {
    const worker = listFiles(join(appOut, 'resources/app.asar.unpacked')).find((f) => f.startsWith('out/'))
    const url = pathToFileURL(unpackedPath(join(appOut, 'resources', 'app.asar', worker as string)))
    const parsed = await parseInWorker(Buffer.from('企业名称\n临夏某砖厂\n', 'utf8'), importLimits, url, '附件2.csv')
    expect(parsed.ok && parsed.workbook.sheets[0]?.rows[1]).toEqual([{ t: 's', v: '临夏某砖厂' }])
  })
})
