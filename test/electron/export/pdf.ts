/** Printing a workbook the way a clerk would, through LibreOffice, for tests that look at the pages. */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { delimiter, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

export function onPath(name: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, name)))
}

const FONTS_CONF = resolve(import.meta.dirname, 'fonts.conf')

/** Converts an xlsx (or docx) to PDF with a private LibreOffice profile, so parallel runs do not share one. */
export async function toPdf(dir: string, name: string, bytes: Buffer, ext: 'xlsx' | 'docx' = 'xlsx'): Promise<Buffer> {
  const file = join(dir, `${name}.${ext}`)
  await writeFile(file, bytes)
  const profile = pathToFileURL(join(dir, 'lo-profile')).href
  const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file]
  await run('soffice', args, { timeout: 150_000, env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF } })
  return readFile(join(dir, `${name}.pdf`))
}

export const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0

/** The PDF's text, page by page (pdftotext -layout). */
export async function pdfPages(path: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 32 * 1024 * 1024 })
  return stdout.split('\f').filter((p) => p.trim() !== '')
}
