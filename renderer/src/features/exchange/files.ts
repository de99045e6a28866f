/** Moving files between the page and the app's services: bytes travel base64 inside the JSON request. */
import { SPREADSHEET_EXTENSIONS } from '@shared/merge/submissionFile'

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
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
