import type { Worksheet } from 'exceljs'

/**
 * Printable height of an A4 landscape page in row points as Excel and WPS print it: 595 pt less the top and bottom
 * margins (0.5 + 0.6 inch), over the fit-to-width scale (99 % for a sheet of about the page's width in Calibri
 * metrics), less a little for safety. LibreOffice, without Calibri, scales such a sheet further down and fits more.
 */
export const PAGE_HEIGHT = 510
const DEFAULT_ROW_HEIGHT = 15

/**
 * Follows where printed pages will break on a sheet of several tables, so a table's heading and header row never
 * sit alone at the foot of a page: `keep` starts a new page when what must stay together would not fit.
 */
export class PageKeeper {
  /** First row of the page being filled. */
  private top = 1
  constructor(private readonly ws: Worksheet) {}

  keep(row: number, needed: number): void {
    let used = 0
    for (let r = this.top; r < row; r++) {
      const height = this.ws.getRow(r).height ?? DEFAULT_ROW_HEIGHT
      if (used + height > PAGE_HEIGHT) {
        this.top = r
        used = 0
      }
      used += height
    }
    if (row > this.top && used + needed > PAGE_HEIGHT) {
      this.ws.getRow(row - 1).addPageBreak()
      this.top = row
    }
  }
}
