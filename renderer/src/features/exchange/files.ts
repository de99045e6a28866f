/** Moving files between the page and the app's services: bytes travel base64 inside the JSON request. */
import type { ExportedFile } from '@shared/ipc/contract'
import { SPREADSHEET_EXTENSIONS } from '@shared/merge/submissionFile'
import { invoke, isDesktop } from '../../api/client'

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

/**
 * A picked or dropped file's bytes, base64; or, when they cannot be read (the file is held by Excel or WPS, changed
 * after it was picked, or the USB stick was pulled), a message saying so that the page shows instead of hanging.
 */
export async function readPickedFile(file: File): Promise<{ ok: true; data: string } | { ok: false; message: string }> {
  try {
    return { ok: true, data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) }
  } catch {
    return {
      ok: false,
      message: `文件“${file.name}”无法读取（可能正被 Excel 或 WPS 打开、选取后被改动，或U盘已拔出），请关闭正在打开它的 Excel 或 WPS、重新插入U盘后再选一次。`
    }
  }
}

export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** What became of an export the page asked to save. */
export type ExportOutcome =
  | { kind: 'saved'; path: string }
  /** Web mode: handed to the browser's download, which may still be cancelled or fail; only the browser knows. */
  | { kind: 'handedToBrowser'; fileName: string }
  | { kind: 'cancelled' }
  /** Not written; `retry` saves the same bytes to the same place again, without asking where. */
  | { kind: 'failed'; message: string; retry: string | null }

/**
 * Saves an export: in the desktop app the main process asks where and writes it, and says whether it did; in web
 * mode the browser's download gets it.
 */
export async function saveExport(file: ExportedFile, retry?: string): Promise<ExportOutcome> {
  if (!isDesktop()) {
    browserDownload(file)
    return { kind: 'handedToBrowser', fileName: file.fileName }
  }
  const r = await invoke('file:save', { suggestedName: file.fileName, data: file.data, ...(retry ? { retry } : {}) })
  if (!r.ok) return { kind: 'failed', message: r.error.message, retry: null }
  if (r.value.saved) return { kind: 'saved', path: r.value.path }
  return r.value.failure ? { kind: 'failed', ...r.value.failure } : { kind: 'cancelled' }
}

function browserDownload({ fileName, data }: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(data)]))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Lets the user pick one spreadsheet; resolves null when the dialog is closed without a choice. */
export const pickSpreadsheet = (): Promise<File | null> => pickFile(SPREADSHEET_EXTENSIONS)

/** Lets the user pick one file of the given extensions; null when the dialog is closed without a choice. */
export function pickFile(extensions: readonly string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.join(',')
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => resolve(null))
    input.click()
  })
}

/**
 * A drag that carries files from the desktop. Only such a drop is taken as an import: text dragged into a field
 * must still land there.
 */
export const carriesFiles = (transfer: DataTransfer): boolean => transfer.types.includes('Files')
