/** Reading a written .docx back: its parts, paragraphs and runs, and its PDF print, page by page. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { pageCount, pdfPages, toPdf } from '../export/pdf'
import { zipEntry } from '../export/readBack'

export interface DocxRun {
  font: string | undefined
  text: string
  /** The run's properties as written (w:rPr), for size, colour and scale. */
  props: string
}

export interface DocxParagraph {
  text: string
  /** The paragraph's properties as written (w:pPr): indent, alignment, borders, keepNext. */
  props: string
  runs: DocxRun[]
}

/** One XML part of the docx zip (word/document.xml unless named). */
export const docxPart = (bytes: Buffer, part = 'word/document.xml'): string => zipEntry(bytes, part)

const TEXT_OR_TAB = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g
const textOf = (xml: string): string => [...xml.matchAll(TEXT_OR_TAB)].map((m) => m[1] ?? '\t').join('')

/** Body paragraphs in order (table cells included), each with its runs. */
export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const inner = m[1] ?? ''
    const runs = [...inner.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((r) => {
      const run = r[1] ?? ''
      const props = /<w:rPr>(.*?)<\/w:rPr>/.exec(run)?.[1] ?? ''
      return { font: /w:eastAsia="([^"]+)"/.exec(props)?.[1], text: textOf(run), props }
    })
    return { text: runs.map((r) => r.text).join(''), props: /<w:pPr>(.*?)<\/w:pPr>/.exec(inner)?.[1] ?? '', runs }
  })
}

export function paragraphWith(paragraphs: readonly DocxParagraph[], text: string): DocxParagraph {
  const p = paragraphs.find((q) => q.text.includes(text))
  if (!p) throw new Error(`no paragraph with ${text}`)
  return p
}

/** Text without the spaces pdftotext puts between Chinese and digits and around layout gaps. */
export const compact = (text: string): string => text.replace(/\s+/g, '')

/** Converts through LibreOffice and returns the page count and each page's text (pdftotext -layout). */
export async function printDocx(dir: string, name: string, bytes: Buffer): Promise<{ pages: number; text: string[] }> {
  const pdf = await toPdf(dir, name, bytes, 'docx')
  return { pages: pageCount(pdf), text: await pdfPages(join(dir, `${name}.pdf`)) }
}

/** A private folder for a describe block's prints (and their LibreOffice profile), removed after it. */
export function printFolder(prefix: string): () => string {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  return () => dir
}
