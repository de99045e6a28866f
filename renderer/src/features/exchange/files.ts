/** Moving files between the page and the app's services: bytes travel base64 inside the JSON request. */
import { SPREADSHEET_EXTENSIONS } from '@shared/merge/submissionFile'

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

/** Hands a file to the browser's (or Electron's) download, which asks where to save it. */
export function download(fileName: string, data: string): void {
  const blob = new Blob([base64ToBytes(data)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Lets the user pick one spreadsheet; resolves null when the dialog is closed without a choice. */
export function pickSpreadsheet(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = SPREADSHEET_EXTENSIONS.join(',')
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
