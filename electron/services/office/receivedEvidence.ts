/**
 * The photos and files of a received 报送包, shown beside the record they prove. They are read from the package as
 * the office kept it and checked against its manifest again each time, so what is shown is what was verified.
 */
import { AppFailure } from '@shared/ipc/result'
import type { OpenedPackage } from '../import/evidencePackage'
import { openPackage } from '../import/evidencePackage'
import type { OfficeContext } from './receivedForms'

export class ReceivedEvidenceFiles {
  /** The package last opened: a record's thumbnails are asked for one after another. */
  private last: { sha256: string; opened: OpenedPackage } | null = null

  constructor(private readonly ctx: OfficeContext) {}

  async file(submission: string, sha256: string): Promise<{ data: string }> {
    const store = await this.ctx.dataDir.office()
    const received = store.submissions.find((s) => s.sha256 === submission)
    if (!received?.evidence) throw new AppFailure('NOT_FOUND', '没有收到这个报送包，请刷新后再试。')
    const opened = this.last?.sha256 === submission ? this.last.opened : openPackage(await store.fileBytes(submission), received.file)
    this.last = { sha256: submission, opened }
    const entry = opened.ok ? opened.evidence.find((e) => e.sha256 === sha256 && e.ok) : undefined
    const bytes = entry && opened.ok ? opened.files.get(entry.path) : undefined
    if (!bytes) throw new AppFailure('NOT_FOUND', '报送包中没有这份佐证材料，或它与清单记载的校验值不符，不能显示。')
    return { data: bytes.toString('base64') }
  }
}
