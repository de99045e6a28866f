/** The one way a page saves an export and tells the clerk what became of it. */
import type { ExportedFile } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import type { PageNotice } from '../../components/Notices'
import { saveExport } from './files'

/** Shows a message on the page that exported (replacing its previous one). */
export type ShowNotice = (notice: PageNotice) => void

/**
 * Saves `file` and says where it went, followed by `next` (what to do with it: print, seal, send…); a failure is
 * shown with 重试, which writes the same bytes to the same place; a cancelled dialog says nothing.
 */
export async function saveAndTell(file: ExportedFile, show: ShowNotice, next = '', retry?: string): Promise<void> {
  const outcome = await saveExport(file, retry)
  switch (outcome.kind) {
    case 'saved':
      return show({ level: 'info', message: `已生成并保存到“${outcome.path}”。${next}` })
    case 'handedToBrowser':
      return show({ level: 'info', message: `已交给浏览器下载：${outcome.fileName}（请在浏览器的下载列表中确认已保存）。${next}` })
    case 'cancelled':
      return
    case 'failed': {
      const token = outcome.retry
      return show({
        level: 'error',
        message: outcome.message,
        ...(token && {
          action: {
            label: '重试',
            run: () => {
              // Replaces the message and its button, so a second click cannot start a second save.
              show({ level: 'info', message: `正在保存“${file.fileName}”……` })
              void saveAndTell(file, show, next, token)
            }
          }
        })
      })
    }
  }
}

/** An export's answer told the same way: the service's refusal as an error, else saved and told (saveAndTell). */
export async function tellExport(r: Result<ExportedFile>, show: ShowNotice, next = ''): Promise<void> {
  if (!r.ok) return show({ level: 'error', message: r.error.message })
  await saveAndTell(r.value, show, next)
}
