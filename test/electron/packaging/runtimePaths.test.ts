/**
 * Every file the packaged main process loads at run time, found in the electron-vite build (out/, built by `npm test`
 * before the tests), is packed by electron-builder.config.cjs: matched by its `files`, and the parser thread with all
 * it imports also by `asarUnpack`, through electron-builder's own glob matcher. Then the thread is started the way
 * the packaged app starts it: from the app.asar path the bundle computes, rewritten by unpackedPath, in a folder that
 * holds only what asarUnpack unpacks.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Configuration } from 'electron-builder'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unpackedPath } from '../../../electron/main/asarPaths'
import { importLimits } from '../../../electron/services/import/limits'
import { parseInWorker } from '../../../electron/services/import/parseInWorker'

const root = resolve(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; type?: string; dependencies: Record<string, string> }
const config = structuredClone(require(join(root, 'electron-builder.config.cjs')) as Configuration)

type Filter = (file: string, stat: Stats & { moduleFullFilePath?: string }) => boolean
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => { createFilter(): Filter }
}

/** A path relative to the app's root (the project here, app.asar once packed), with forward slashes. */
const rel = (abs: string): string => relative(root, abs).split(sep).join('/')

/** Whether electron-builder's matcher for these patterns takes this file (node_modules files as its copier sees them). */
function matcher(patterns: string[]): (relPath: string) => boolean {
  const filter = new FileMatcher(root, join(root, 'app'), (s) => s, patterns).createFilter()
  return (relPath) => {
    const abs = join(root, relPath)
    const stat: Stats & { moduleFullFilePath?: string } = statSync(abs)
    if (relPath.startsWith('node_modules/')) stat.moduleFullFilePath = relPath
    return filter(abs, stat)
  }
}
const packed = matcher(config.files as string[])
const unpacked = matcher(config.asarUnpack as string[])

function filesUnder(abs: string): string[] {
  if (!statSync(abs).isDirectory()) return [abs]
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
}

/** The string literals a pattern captures in a bundle. */
const captures = (code: string, pattern: RegExp): string[] => [...code.matchAll(pattern)].map((m) => m[1] as string)

/**
 * The specifiers of an ES module bundle's imports: rolldown writes each static import or re-export at the start of a
 * line, and every specifier in double quotes; the sources' JSDoc `@import … from './x'` (single quotes, in comments)
 * are not imports.
 */
const importsOf = (code: string): string[] => [
  ...captures(code, /^(?:import|export)\b[^;"]*?\bfrom\s*"([^"]+)"/gm),
  ...captures(code, /^import\s*"([^"]+)"/gm),
  ...captures(code, /\bimport\(\s*"([^"]+)"\s*\)/g)
]

const isBuiltin = (spec: string): boolean => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0] as string)
const packageName = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')

/** A package's folder as Node finds it from `fromDir` (nested node_modules first, then the hoisted one). */
function packageDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === root || dirname(dir) === dir) throw new Error(`${name} is not installed (from ${fromDir})`)
  }
}

/** A package and the production dependencies it needs, transitively: the folders electron-builder copies. */
function closure(names: Iterable<string>, fromDir = root, seen = new Set<string>()): Set<string> {
  for (const name of names) {
    const dir = packageDir(name, fromDir)
    if (seen.has(dir)) continue
    seen.add(dir)
    const own = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
    closure(Object.keys(own.dependencies ?? {}), dir, seen)
  }
  return seen
}

const mainJs = join(root, pkg.main)
const mainDir = dirname(mainJs)
let mainCode = ''

beforeAll(() => {
  if (!existsSync(mainJs) || !existsSync(join(root, 'out/renderer/index.html'))) {
    throw new Error('out/ is missing: run `npx electron-vite build` first (npm test builds before the tests)')
  }
  mainCode = readFileSync(mainJs, 'utf8')
})

/** What the main bundle opens beside itself: join(here, …) for the preload and the renderer. */
const hereRefs = (): string[] => captures(mainCode, /\bjoin(?:\$\d+)?\(here,\s*"([^"]+)"\)/g).map((p) => resolve(mainDir, p))
/** Entries electron-vite emitted for `?modulePath` imports: join(import.meta.dirname, "./chunks/…"), the threads. */
const workerRefs = (): string[] => captures(mainCode, /\(import\.meta\.dirname,\s*"([^"]+)"\)/g).map((p) => resolve(mainDir, p))
/**
 * Other files named relative to the bundle: new URL("…", import.meta.url). "." is `here`; ./parseWorker.mjs is
 * parseInWorker's default for runs from source, which the desktop app replaces with the bundled entry (below).
 */
const urlRefs = (): string[] => captures(mainCode, /new URL\("([^"]+)",\s*import\.meta\.url\)/g).filter((u) => u !== '.' && u !== './parseWorker.mjs')

describe('what the main process loads from out/', () => {
  it('finds the preload, the renderer and the parser thread in the main bundle', () => {
    expect(hereRefs().map(rel)).toEqual(expect.arrayContaining(['out/preload/preload.cjs', 'out/renderer']))
    expect(workerRefs().map(rel)).toEqual([expect.stringMatching(/^out\/main\/(.+\/)?parseWorker[^/]*\.m?js$/)])
  })

  it('has every one of them, anything else opened next to the bundle, and the renderer’s own files, in out/ and in the package', () => {
    const wanted = [mainJs, ...hereRefs(), ...workerRefs(), ...urlRefs().map((u) => fileURLToPath(new URL(u, pathToFileURL(mainJs))))]
    const html = readFileSync(join(root, 'out/renderer/index.html'), 'utf8')
    const assets = captures(html, /\b(?:src|href)="(\.\/[^"]+)"/g).map((p) => resolve(root, 'out/renderer', p))
    expect(assets.length).toBeGreaterThanOrEqual(2)
    wanted.push(...assets)
    for (const abs of wanted) {
      expect(existsSync(abs), `${rel(abs)} is missing from the build`).toBe(true)
      for (const file of filesUnder(abs)) expect(packed(rel(file)), `${rel(file)} is not matched by files`).toBe(true)
    }
    expect(packed('package.json')).toBe(true)
  })

  it('starts the parser thread from the bundled entry, unpacked, not from parseInWorker’s default', () => {
    expect(mainCode).toMatch(/new URL\("\.\/parseWorker\.mjs",\s*import\.meta\.url\)/)
    expect(mainCode).toMatch(/createServices\([^)]*pathToFileURL\(unpackedPath\(parseWorker\w*\)\)/)
  })

  it('imports only Node, Electron and production dependencies (devDependencies are not packaged)', () => {
    for (const file of filesUnder(join(root, 'out/main')).filter((f) => /\.m?js$/.test(f))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') || isBuiltin(spec) || spec === 'electron') continue
        expect(Object.keys(pkg.dependencies), `${rel(file)} imports ${spec}`).toContain(packageName(spec))
      }
    }
  })
})

describe('the parser thread, unpacked from app.asar', () => {
  /** The thread's entry and every file of ours it imports, transitively. */
  function workerFiles(): string[] {
    const files = new Set<string>()
    const visit = (abs: string): void => {
      if (files.has(abs)) return
      files.add(abs)
      for (const spec of importsOf(readFileSync(abs, 'utf8'))) if (spec.startsWith('.')) visit(resolve(dirname(abs), spec))
    }
    for (const worker of workerRefs()) visit(worker)
    return [...files]
  }

  /** The packages the thread imports, with their own production dependencies. */
  function workerPackages(): Set<string> {
    const names = workerFiles().flatMap((f) => importsOf(readFileSync(f, 'utf8')).filter((s) => !s.startsWith('.') && !isBuiltin(s)))
    return closure(new Set(names.map(packageName)))
  }

  it('is unpacked with every module of ours it imports', () => {
    for (const file of workerFiles()) expect(unpacked(rel(file)), `${rel(file)} is not matched by asarUnpack`).toBe(true)
  })

  it('is an ES module by the unpacked package.json when its entry is a .js file', () => {
    if (workerFiles().some((f) => f.endsWith('.js'))) {
      expect(pkg.type).toBe('module')
      expect(unpacked('package.json')).toBe(true)
    }
  })

  it('finds the packages it imports unpacked beside it (papaparse, xlsx, fflate and what they need)', () => {
    const dirs = [...workerPackages()].map(rel).sort()
    expect(dirs).toEqual(expect.arrayContaining(['node_modules/fflate', 'node_modules/papaparse', 'node_modules/xlsx']))
    for (const dir of dirs) {
      for (const file of filesUnder(join(root, dir))) expect(unpacked(rel(file)), `${rel(file)} is not matched by asarUnpack`).toBe(true)
    }
  })

  it('does not unpack the rest of the app', () => {
    expect(unpacked(rel(mainJs))).toBe(false)
    expect(unpacked('out/preload/preload.cjs')).toBe(false)
    expect(unpacked('out/renderer/index.html')).toBe(false)
  })

  describe('started as the packaged app starts it', () => {
    let resources = ''

    beforeAll(() => {
      // resources/app.asar.unpacked with exactly what asarUnpack takes out of the app; no node_modules above it.
      resources = join(mkdtempSync(join(tmpdir(), 'slw-packaged-')), 'resources')
      const candidates = [
        ...filesUnder(join(root, 'out')),
        join(root, 'package.json'),
        ...[...closure(Object.keys(pkg.dependencies))].flatMap(filesUnder)
      ]
      for (const abs of candidates) {
        if (unpacked(rel(abs))) cpSync(abs, join(resources, 'app.asar.unpacked', rel(abs)))
      }
    })

    afterAll(() => rmSync(dirname(resources), { recursive: true, force: true }))

    /** The URL electron/main/index.ts gives the services: the bundle's path inside app.asar, unpacked. */
    const parserUrl = (): URL => {
      const [worker] = workerRefs()
      return pathToFileURL(unpackedPath(join(resources, 'app.asar', rel(worker as string))))
    }

    it('points at the unpacked copy', () => {
      expect(parserUrl().pathname).toMatch(/\/resources\/app\.asar\.unpacked\/out\/main\//)
    })

    it('reads a CSV (papaparse) and an .xlsx (SheetJS, fflate) there', async () => {
      const csv = await parseInWorker(Buffer.from('企业名称,乡镇\n临夏某砖厂,枹罕镇\n', 'utf8'), importLimits, parserUrl(), '附件2.csv')
      expect(csv.ok && csv.workbook.sheets[0]?.rows[1]).toEqual([
        { t: 's', v: '临夏某砖厂' },
        { t: 's', v: '枹罕镇' }
      ])
      const wb = XLSX.utils.book_new()
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['企业名称'], ['临夏某砖厂']]), '附件2')
      const xlsx = await parseInWorker(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, importLimits, parserUrl())
      expect(xlsx.ok && xlsx.workbook.sheets[0]?.rows[1]).toEqual([{ t: 's', v: '临夏某砖厂' }])
    })
  })
})
