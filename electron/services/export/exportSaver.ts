/**
 * Saving an export on the desktop: the main process asks where (the chooser, Electron's save dialog in main),
 * writes the bytes atomically and says what became of them, so the page claims "已生成" only once they are on disk.
 */
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { SaveOutcome } from '@shared/ipc/contract'
import { isBusyError } from '../storage/busyRetry'
import { ReplaceFailure, saveErrorMessage, saveFileAtomically } from './saveFile'

/** What the save dialog shows; built here, so that main only passes it to dialog.showSaveDialog. */
export interface SaveDialogRequest {
  title: string
  defaultPath: string
  filters: { name: string; extensions: string[] }[]
}

/** Asks the user where to save; null when the dialog is cancelled. */
export type SaveChooser = (request: SaveDialogRequest) => Promise<string | null>

export interface SaveRequest {
  suggestedName: string
  /** The file's bytes, base64. */
  data: string
  /** The token of a failed save: try the same place again without asking. */
  retry?: string | undefined
}

const KINDS: Record<string, string> = {
  '.xlsx': 'Excel 工作簿',
  '.docx': 'Word 文档',
  '.zip': '压缩文件',
  '.json': '工作日程文件',
  // Evidence saved out of the 办理 panel.
  '.pdf': 'PDF 文件',
  '.jpg': 'JPEG 照片',
  '.jpeg': 'JPEG 照片',
  '.png': 'PNG 图片',
  '.webp': 'WebP 图片'
}
/** Places of failed saves kept for 重试 (the page keeps the bytes); the oldest are forgotten first. */
const RETRIES_KEPT = 16

export class ExportSaver {
  /** Where the user saved last in this session: the next dialog opens there. */
  private lastDir: string | null = null
  private readonly retries = new Map<string, string>()

  constructor(
    private readonly choose: SaveChooser,
    /** The user's 文档 folder, where the first dialog opens. */
    private readonly documentsDir: string
  ) {}

  async save({ suggestedName, data, retry }: SaveRequest): Promise<SaveOutcome> {
    const ext = extname(suggestedName).toLowerCase()
    let path = retry === undefined ? undefined : this.retries.get(retry)
    if (retry !== undefined) this.retries.delete(retry)
    if (path === undefined) {
      const chosen = await this.choose({
        title: '选择保存位置',
        defaultPath: join(this.lastDir ?? this.documentsDir, suggestedName),
        filters: [{ name: KINDS[ext] ?? ext, extensions: [ext.slice(1)] }]
      })
      if (!chosen) return { saved: false }
      // A name typed without its extension (the dialog adds it only on Windows) would not open in Excel or Word.
      path = extname(chosen).toLowerCase() === ext ? chosen : `${chosen}${ext}`
      this.lastDir = dirname(path)
    }
    try {
      await saveFileAtomically(path, Buffer.from(data, 'base64'))
      return { saved: true, path }
    } catch (e) {
      return { saved: false, failure: { message: await failureMessage(path, e), retry: this.remember(path) } }
    }
  }

  private remember(path: string): string {
    const token = randomUUID()
    this.retries.set(token, path)
    for (const old of this.retries.keys()) {
      if (this.retries.size <= RETRIES_KEPT) break
      this.retries.delete(old)
    }
    return token
  }
}

/**
 * The busy-retry has already outlasted antivirus scans, so a target that still cannot be replaced is open in
 * Excel or WPS, or marked 只读 (Node shows the Windows read-only attribute as a mode without write permission).
 */
async function failureMessage(path: string, e: unknown): Promise<string> {
  if (!(e instanceof ReplaceFailure) || !isBusyError(e)) return saveErrorMessage(path, e)
  const name = basename(path)
  const readOnly = await stat(path).then(
    (s) => (s.mode & 0o200) === 0,
    () => false
  )
  return readOnly
    ? `“${name}”是只读文件，无法覆盖。请在该文件的“属性”中取消勾选“只读”，然后点“重试”；或重新导出，另起一个文件名。`
    : `“${name}”正在被 Excel/WPS 打开，请先在 Excel/WPS 中关闭该文件，然后点“重试”。`
}
