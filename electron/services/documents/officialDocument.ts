/**
 * The page and type of a Chinese official document (公文, GB/T 9704-2012), shared by the weekly report and the
 * 督办通知: A4, 版心 156 × 225 mm, 22 lines of 28 characters of 3号仿宋, headings 黑体/楷体, titles 2号小标宋, page
 * numbers "— 1 —" in 4号宋体 on the outer side (odd pages right, even pages left).
 */
import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx'
import type { FileChild, IBorderOptions, IRunOptions } from 'docx'
import { cnDate } from '@shared/domain/dates'

/** Fonts as Chinese Windows and WPS name them; the font table gives each a fallback for machines that lack it. */
export const FONT = { body: '仿宋_GB2312', title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', pageNo: '宋体' } as const

/** 号 sizes in half-points (docx's unit): 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE = { title: 44, body: 32, pageNo: 28 } as const

export const twips = (mm: number): number => Math.round((mm / 25.4) * 1440)

/** A4 as Word writes it, in twips. */
export const PAGE = { width: 11906, height: 16838 } as const
export const MARGIN = { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) } as const
/** 版心 156 mm wide. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

const LINES = 22
const CHARS = 28
/** Exact line pitch: 22 lines fill the 225 mm 版心 (≈ 28.95 pt). */
export const LINE = Math.floor((PAGE.height - MARGIN.top - MARGIN.bottom) / LINES)
/** Pitch of one body character: 3号 is 16 pt (320 twips), a little wider than 156 mm / 28, so every character is
 * drawn a quarter point tighter and 28 fit a line. */
export const CHAR = Math.floor(TEXT_WIDTH / CHARS)
const CHAR_SPACING = CHAR - SIZE.body * 10

/** The page number sits 7 mm below the 版心, so the footer's baseline is about 35 − 7 − 5 mm from the page edge. */
const FOOTER_FROM_EDGE = twips(23)
const PAGE_NO_INDENT = SIZE.pageNo * 10
const RED = 'FF0000'

const fontOf = (name: string): IRunOptions['font'] => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name })

export function run(text: string, font: string = FONT.body, options: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: fontOf(font), ...options })
}

/** Width in ems: Chinese characters and full-width punctuation take one, digits and Latin letters half. */
export function ems(text: string): number {
  let n = 0
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) >= 0x2000 ? 1 : 0.5
  return n
}

const ORDINALS = '一二三四五六七八九'

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (counts in a document stay below 100). */
export function cnNumeral(n: number): string {
  const tens = Math.floor(n / 10)
  const unit = n % 10 === 0 ? '' : ORDINALS[(n % 10) - 1]
  if (tens === 0) return unit ?? ''
  return `${tens === 1 ? '' : ORDINALS[tens - 1]}十${unit}`
}

/** Ends a clause with 。 unless it already ends with a sentence mark. */
export function sentence(text: string): string {
  const t = text.trim()
  return /[。！？；：]$/.test(t) ? t : `${t.replace(/[，、,.;]$/, '')}。`
}

/** 2024-06-20 → 2024年6月20日 (GB/T 9704-2012 writes dates in Arabic numerals). */
export const documentDate = cnDate

const LEVEL1 = /^[一二三四五六七八九十]+、/
const LEVEL2 = /^（[一二三四五六七八九十]+）/

/**
 * A body paragraph, indented two characters. One that opens with 一、 (黑体) or （一） (楷体) prints its lead sentence
 * in that level's font, the way 公文 run a heading into its paragraph; a line without 。 is a heading of its own and
 * stays with the paragraph after it. `keepNext` holds a paragraph on the page of the next one (落款 blocks).
 */
export function bodyParagraph(text: string, keepNext = false): Paragraph {
  const font = LEVEL1.test(text) ? FONT.heading1 : LEVEL2.test(text) ? FONT.heading2 : undefined
  const end = text.indexOf('。') + 1
  const lead = font === undefined || end === text.length ? '' : end === 0 ? text : text.slice(0, end)
  const children = [lead === '' ? undefined : run(lead, font), lead === text ? undefined : run(text.slice(lead.length))]
  return new Paragraph({
    indent: { firstLine: 2 * CHAR },
    keepNext: keepNext || lead === text || undefined,
    children: children.filter((c) => c !== undefined)
  })
}

/** Paragraphs of a text whose paragraphs are separated by line breaks. */
export function paragraphs(text: string): Paragraph[] {
  return text.split('\n').map((p) => p.trim()).filter((p) => p !== '').map((p) => bodyParagraph(p))
}

/** A contact not on file prints as room to write it in by hand, not as "联系人：，联系电话：". */
const orBlank = (text: string, width: number): string => (text.trim() === '' ? '\u3000'.repeat(width) : text)

export function blank(lines = 1, keepNext = false): Paragraph[] {
  return Array.from({ length: lines }, () => new Paragraph({ keepNext: keepNext || undefined }))
}

/** 标题: 2号小标宋, centred. */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, FONT.title, { size: SIZE.title })] })
}

export function centred(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text)] })
}

/** A line flush left, without indent (主送机关). */
export function flushLeft(text: string): Paragraph {
  return new Paragraph({ children: [run(text)] })
}

/** The red separator line of the 版头, drawn under the paragraph it ends (4 mm below the 发文字号). */
export const RED_RULE: { bottom: IBorderOptions } = {
  bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 }
}

/**
 * A red 小标宋 line across the 版心 (发文机关标志, 简报 报头) at `points`, narrowed (character scale) when the text
 * would not fit one line, as long 机关 names are printed.
 */
export function redBanner(text: string, points: number, before = 0): Paragraph {
  // 3% to spare, for a face a little wider than the ems counted; the line box leaves the large type room.
  const fits = Math.floor(((TEXT_WIDTH / 20) * 0.97 * 100) / (ems(text) * points))
  const scale = Math.min(100, fits)
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before, line: Math.round(points * 20 * 1.25), lineRule: LineRuleType.EXACT },
    children: [
      run(text, FONT.title, { size: points * 2, color: RED, characterSpacing: 0, ...(scale < 100 ? { scale } : {}) })
    ]
  })
}

/**
 * 落款: the issuer above the date, both centred on one block whose right edge sits `rightChars` characters in from
 * the margin (four when a seal is pressed over them, two when not). Both keep with what follows, the 附注 line.
 */
export function signature(issuer: string, iso: string, rightChars: number): Paragraph[] {
  const date = documentDate(iso)
  const block = Math.max(ems(issuer), ems(date))
  const line = (text: string): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round((rightChars + (block - ems(text)) / 2) * CHAR) },
      keepNext: true,
      children: [run(text)]
    })
  return [line(issuer), line(date)]
}

/**
 * 附件说明 (when there is one), 落款 (sealed: four characters from the margin) and 附注 with the 联系人, kept on the page of the last
 * lines of the body, never alone on a page of their own.
 */
export function closing(attachment: string | null, issuer: string, iso: string, contact: { name: string; phone: string }): Paragraph[] {
  return [
    ...blank(1, true),
    ...(attachment === null ? [] : [bodyParagraph(`附件：${attachment}`, true)]),
    ...blank(2, true),
    ...signature(issuer, iso, 4),
    bodyParagraph(`（联系人：${orBlank(contact.name, 4)}，联系电话：${orBlank(contact.phone, 7)}）`)
  ]
}

/** 版记 rules (GB/T 9704 7.4.1): the first and last 0.35 mm, those between 0.25 mm (docx: eighths of a point). */
const THICK_RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 }
const THIN_RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 }
/** 版记 text: 4号仿宋, one character in from each side. */
const IMPRINT_SIZE = 28
const IMPRINT_INDENT = IMPRINT_SIZE * 10

/**
 * 版记 (GB/T 9704 7.4): 抄送 (when any) between a thick and a thin rule, then 印发机关 on the left and 印发日期 on the
 * right over the closing thick rule — the date on a line of its own when a long 机关 name leaves it no room; kept
 * together, at the end of the document.
 */
export function imprint(copyTo: readonly string[], printer: string, iso: string): Paragraph[] {
  const width = TEXT_WIDTH - 2 * IMPRINT_INDENT
  const line = (children: TextRun[], border: { top?: IBorderOptions; bottom?: IBorderOptions }, keepNext: boolean): Paragraph =>
    new Paragraph({
      indent: { left: IMPRINT_INDENT, right: IMPRINT_INDENT },
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
      border,
      keepNext: keepNext || undefined,
      keepLines: true,
      children
    })
  const small = (text: string): TextRun => run(text, FONT.body, { size: IMPRINT_SIZE })
  const tab = new TextRun({ children: [new Tab()] })
  const date = `${documentDate(iso)}印发`
  const oneLine = (ems(printer) + 1 + ems(date)) * IMPRINT_SIZE * 10 <= width
  const top = copyTo.length > 0 ? {} : { top: THICK_RULE }
  const printed = oneLine
    ? [line([small(printer), tab, small(date)], { ...top, bottom: THICK_RULE }, false)]
    : [line([small(printer)], top, true), line([tab, small(date)], { bottom: THICK_RULE }, false)]
  return [
    ...blank(2, true),
    ...(copyTo.length > 0 ? [line([small(`抄送：${copyTo.join('，')}。`)], { top: THICK_RULE, bottom: THIN_RULE }, true)] : []),
    ...printed
  ]
}

const pageNumberFooter = (side: 'odd' | 'even'): Footer =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NO_INDENT } : { left: PAGE_NO_INDENT },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontOf(FONT.pageNo),
            size: SIZE.pageNo,
            characterSpacing: 0
          })
        ]
      })
    ]
  })

interface FontEntry {
  name: string
  /** Where the named font is missing, what to draw with instead, best first (ECMA-376 §17.8.3.1 w:altName). */
  altNames?: string[]
  panose: string
  pitch: 'fixed' | 'variable'
}

/**
 * The official fonts and what a PC without them prints with. 仿宋_GB2312 and 楷体_GB2312 came with Windows XP, not
 * with Windows 10/11, whose 仿宋 and 楷体 are the same 中易 designs; 方正小标宋简体 comes only with 方正's fonts, and
 * 华文中宋 (Microsoft Office) is the nearer weight before 宋体. 黑体 and 宋体 are on every Chinese Windows. Beyond
 * the alternates, GB2312 charset (86) and its code-page signature make Word and WPS substitute a Chinese font, never
 * a Latin one. README.md (打印字体) tells an office which fonts to install for exact print.
 */
const FONT_TABLE: readonly FontEntry[] = [
  { name: FONT.body, altNames: ['仿宋', '华文仿宋'], panose: '02010609030101010101', pitch: 'fixed' },
  { name: FONT.heading2, altNames: ['楷体', '华文楷体'], panose: '02010609030101010101', pitch: 'fixed' },
  { name: FONT.heading1, panose: '02010609060101010101', pitch: 'fixed' },
  { name: FONT.pageNo, panose: '02010600030101010101', pitch: 'variable' },
  { name: FONT.title, altNames: ['华文中宋', '宋体'], panose: '02000000000000000000', pitch: 'variable' }
]

/** Unicode ranges and code pages of a GB2312 Chinese font, as Word writes them for 宋体/仿宋_GB2312. */
const GB2312_SIGNATURE =
  '<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/>'

const fontTableXml = (): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altNames ? `<w:altName w:val="${f.altNames.join(',')}"/>` : ''}` +
      `<w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="modern"/>` +
      `<w:pitch w:val="${f.pitch}"/>${GB2312_SIGNATURE}</w:font>`
  ).join('') +
  '</w:fonts>'

/** The document on the GB/T 9704 page: body defaults (3号仿宋, exact 22-line pitch), page numbers, font table. */
export function writeOfficialDocx(title: string, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: '散乱污台账',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: fontOf(FONT.body),
            size: SIZE.body,
            characterSpacing: CHAR_SPACING,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' }
          },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }
        }
      }
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: { ...MARGIN, header: twips(15), footer: FOOTER_FROM_EDGE, gutter: 0 } },
          // No grid is switched on (the exact line pitch does its work); the pitch is there for a clerk who turns it on.
          grid: { linePitch: LINE }
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children
      }
    ]
  })
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }])
}
