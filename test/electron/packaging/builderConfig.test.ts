/**
 * The packaging configuration (electron-builder.config.cjs), read the way electron-builder reads it: its own loader
 * and schema check, its own artifact-name expansion. Electron cannot be downloaded here, so no installer is built;
 * this is everything up to that point: targets, the per-user installer, names, fuses and icons.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import type { Configuration, NsisOptions, PortableOptions, TargetConfiguration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const CONFIG_FILE = 'electron-builder.config.cjs'
const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  productName: string
  version: string
  scripts: Record<string, string>
  devDependencies: Record<string, string>
}

// electron-builder's internals, CommonJS: the loader and schema check it runs first, and how it names artifacts.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>
}
const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as {
  expandMacro(pattern: string, arch: string | null, appInfo: Record<string, unknown>, extra?: Record<string, string>): string
}
const { DebugLogger, Arch, getArtifactArchName } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown
  Arch: Record<string, number>
  getArtifactArchName(arch: number, ext: string): string
}

/** The file as written, copied before electron-builder's loader normalises the same object in place. */
const written = structuredClone(require(join(root, CONFIG_FILE)) as Configuration)
let config: Configuration

beforeAll(async () => {
  config = await getConfig(root, CONFIG_FILE, null)
})

/** The targets of one platform, as [target name, arch] pairs. */
function targetsOf(platform: Configuration['win'] | Configuration['linux']): string[] {
  const targets = (platform?.target ?? []) as TargetConfiguration[]
  return targets.flatMap((t) => ((t.arch ?? []) as string[]).map((arch) => `${t.target} ${arch}`)).sort()
}

/** The file name electron-builder gives an artifact (a user pattern always carries the arch). */
function artifactName(pattern: string | null | undefined, arch: 'x64' | 'arm64', ext: string): string {
  if (!pattern) throw new Error('artifactName is not set')
  const appInfo = { version: pkg.version, name: pkg.name, productName: pkg.productName, sanitizedProductName: pkg.productName }
  return expandMacro(pattern, getArtifactArchName(Arch[arch] as number, ext), appInfo, { ext })
}

describe('electron-builder.config.cjs', () => {
  it('is found by electron-builder in this "type": "module" project and passes its schema check', async () => {
    expect(pkg.scripts['dist']).toBe(`electron-vite build && electron-builder --config ${CONFIG_FILE}`)
    expect(pkg.scripts['dist:win']).toBe(`electron-vite build && electron-builder --config ${CONFIG_FILE} --win --x64`)
    expect(pkg.scripts['dist:linux']).toBe(`electron-vite build && electron-builder --config ${CONFIG_FILE} --linux --x64 --arm64`)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The schema refuses what it does not know, so a misspelt key cannot pass silently.
    await expect(validateConfiguration({ ...config, nsiss: {} } as Configuration, new DebugLogger(false))).rejects.toThrow(/unknown property 'nsiss'/)
  })

  it('uses the pinned electron-builder and icon tools', () => {
    for (const [name, version] of [
      ['electron-builder', '26.18.1'],
      ['@resvg/resvg-js', '2.6.2'],
      ['png2icons', '2.0.1']
    ] as const) {
      expect(pkg.devDependencies[name]).toBe(version)
      expect((JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version).toBe(version)
    }
  })

  it('names the product 散乱污台账 with a stable id, and builds into dist/ from out/ only', () => {
    expect(config.productName).toBe('散乱污台账')
    expect(config.productName).toBe(pkg.productName)
    expect(config.appId).toBe('cn.linxia.slw-ledger')
    expect(config.executableName).toMatch(/^[a-z-]+$/)
    expect(config.directories?.output).toBe('dist')
    expect(config.directories?.buildResources).toBe('resources')
    // As written (electron-builder's loader rewrites `files` into its own file-set form).
    expect(written.files).toEqual(['out/**', 'package.json'])
    expect(config.asar).toBe(true)
    expect(config.publish).toBeNull()
  })

  it('builds a Windows x64 installer and a portable .exe, nothing else for Windows', () => {
    expect(targetsOf(config.win)).toEqual(['nsis x64', 'portable x64'])
  })

  it('installs per user, in a folder the clerk may choose, in Chinese, with shortcuts', () => {
    const nsis = config.nsis as NsisOptions
    expect(nsis.oneClick).toBe(false)
    expect(nsis.perMachine).toBe(false)
    expect(nsis.allowToChangeInstallationDirectory).toBe(true)
    expect(nsis.installerLanguages).toEqual(['zh_CN'])
    expect(nsis.language).toBe('2052')
    expect(nsis.createDesktopShortcut).toBe(true)
    expect(nsis.createStartMenuShortcut).toBe(true)
    expect(nsis.shortcutName).toBe('散乱污台账')
    expect(nsis.deleteAppDataOnUninstall).toBe(false)
    // The portable .exe never asks for elevation either.
    expect((config.portable as PortableOptions).requestExecutionLevel).toBe('user')
  })

  it('builds AppImage and deb for x64 and arm64 (统信UOS, 麒麟), filed under Office, described in Chinese', () => {
    expect(targetsOf(config.linux)).toEqual(['AppImage arm64', 'AppImage x64', 'deb arm64', 'deb x64'])
    expect(config.linux?.category).toBe('Office')
    expect(config.linux?.synopsis).toMatch(/散乱污/)
    expect(config.linux?.description).toMatch(/台账/)
    expect(config.linux?.maintainer).toMatch(/^.+ <[^<>\s]+@[^<>\s]+>$/)
    // The deb's packager refuses a package without a homepage.
    expect(config.extraMetadata?.['homepage']).toMatch(/^https:\/\//)
  })

  it('gives every artifact an ASCII name with the version and the architecture', () => {
    const v = pkg.version
    const names = [
      artifactName((config.nsis as NsisOptions).artifactName, 'x64', 'exe'),
      artifactName((config.portable as PortableOptions).artifactName, 'x64', 'exe'),
      artifactName(config.appImage?.artifactName, 'x64', 'AppImage'),
      artifactName(config.appImage?.artifactName, 'arm64', 'AppImage'),
      artifactName(config.deb?.artifactName, 'x64', 'deb'),
      artifactName(config.deb?.artifactName, 'arm64', 'deb')
    ]
    expect(names).toEqual([
      `slw-ledger-${v}-x64-setup.exe`,
      `slw-ledger-${v}-x64-portable.exe`,
      `slw-ledger-${v}-x86_64.AppImage`,
      `slw-ledger-${v}-arm64.AppImage`,
      `slw-ledger_${v}_amd64.deb`,
      `slw-ledger_${v}_arm64.deb`
    ])
    for (const name of names) expect(name).toMatch(/^[\w.-]+$/)
  })

  it('sets the Electron fuses at packaging', () => {
    const fuses: Configuration['electronFuses'] = {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false
    }
    expect(config.electronFuses).toEqual(fuses)
  })
})

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('icons in resources/', () => {
  const resources = join(root, 'resources')

  it('keeps the SVG they are drawn from and the script that draws them', () => {
    expect(readFileSync(join(resources, 'icon.svg'), 'utf8')).toMatch(/<svg[^>]+viewBox="0 0 512 512"/)
    expect(pkg.scripts['icons']).toBe('tsx scripts/icons.ts')
    expect(existsSync(join(root, 'scripts/icons.ts'))).toBe(true)
  })

  it('has a PNG of each size for Linux, in the folder the config names, drawn from the SVG as it is now', () => {
    expect(config.linux?.icon).toBe('resources/icons')
    const svg = readFileSync(join(resources, 'icon.svg'), 'utf8')
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(join(root, 'resources/icons', `${size}x${size}.png`))
      expect(pngSize(png)).toEqual([size, size])
      // The same rendering as scripts/icons.ts: an SVG changed without `npm run icons` fails here.
      const drawn = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, logLevel: 'error' }).render().asPng()
      expect(png.equals(drawn), `${size}x${size}.png is not what npm run icons draws`).toBe(true)
    }
  })

  it('has a Windows .ico with the sizes Explorer and the taskbar use, up to 256', () => {
    expect(config.win?.icon).toBe('resources/icon.ico')
    const ico = readFileSync(join(root, 'resources/icon.ico'))
    expect(ico.readUInt16LE(0)).toBe(0)
    expect(ico.readUInt16LE(2)).toBe(1)
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256)
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]))
  })

  it('has a macOS .icns (no mac target today; kept so one needs no new tooling)', () => {
    const icns = readFileSync(join(root, 'resources/icon.icns'))
    expect(icns.toString('latin1', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
  })
})
