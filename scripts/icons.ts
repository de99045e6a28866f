/**
 * Draws the app's icon set from resources/icon.svg (`npm run icons`). The outputs are data and are committed, so a
 * build machine needs neither this script nor its libraries; run it again after changing the SVG.
 *
 *   resources/icons/NxN.png   16 … 512, each rendered from the vector (not scaled down from a large bitmap), for
 *                             Linux (electron-builder takes the folder: AppImage, deb) and anything else that needs one
 *   resources/icon.ico        Windows (exe, installer, shortcuts): 16 … 256
 *   resources/icon.icns       macOS, not built today, kept so a later target needs no new tooling
 *
 * resvg renders the SVG without system fonts (the icon has no text), so the same SVG gives the same bytes anywhere.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const

const resources = resolve(import.meta.dirname, '../resources')

function render(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, logLevel: 'error' })
  return resvg.render().asPng()
}

function write(path: string, bytes: Buffer | null, what: string): void {
  if (!bytes) throw new Error(`png2icons could not make ${what}`)
  writeFileSync(path, bytes)
  console.log(`${path} (${bytes.length} bytes)`)
}

function main(): void {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8')
  mkdirSync(join(resources, 'icons'), { recursive: true })
  for (const size of ICON_SIZES) write(join(resources, 'icons', `${size}x${size}.png`), render(svg, size), `${size}px`)
  // png2icons scales one large bitmap to each size the format holds; 1024 px is the largest .icns entry.
  const large = render(svg, 1024)
  write(join(resources, 'icon.ico'), png2icons.createICO(large, png2icons.BICUBIC2, 0, false, true), 'icon.ico')
  write(join(resources, 'icon.icns'), png2icons.createICNS(large, png2icons.BICUBIC2, 0), 'icon.icns')
}

main()
