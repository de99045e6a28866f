/**
 * A unit's evidence behind its records (issue 21): attach a photo or PDF to what it proves, take it out of use or
 * back, read a kept file. Only to a record the ledger holds: evidence of nothing would travel in no form.
 */
import type { EvidenceSlot } from '@shared/evidence/attachments'
import { attachmentId, isRemoved } from '@shared/evidence/attachments'
import type { EvidenceView } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { AttachmentStore } from './storage/attachmentStore'
import type { DataDir } from './storage/ledgerStore'

function view(store: AttachmentStore, recordId: string): EvidenceView {
  return { recordId, attachments: store.of(recordId).map((a) => ({ ...a, id: attachmentId(a), removed: isRemoved(a) })) }
}

export class EvidenceService {
  constructor(private readonly dataDir: DataDir) {}

  async list(unitId: string, recordId: string): Promise<EvidenceView> {
    return view(await this.dataDir.attachments(unitId), recordId)
  }

  async add(unitId: string, input: { recordId: string; slot: EvidenceSlot; fileName: string; data: string }, by: string): Promise<EvidenceView> {
    const ledger = await this.dataDir.ledger(unitId)
    if (!ledger.view().records.some((r) => r.id === input.recordId)) {
      throw new AppFailure('NOT_FOUND', '台账中没有这条记录（可能尚未保存或已删除），请保存后再添加佐证材料。')
    }
    const store = await this.dataDir.attachments(unitId)
    await store.add({ recordId: input.recordId, slot: input.slot, name: input.fileName, bytes: Buffer.from(input.data, 'base64') }, by)
    return view(store, input.recordId)
  }

  async mark(unitId: string, recordId: string, id: string, what: '移除' | '恢复', by: string): Promise<EvidenceView> {
    const store = await this.dataDir.attachments(unitId)
    await store.mark(id, what, by)
    return view(store, recordId)
  }

  async file(unitId: string, sha256: string): Promise<{ data: string }> {
    return { data: (await (await this.dataDir.attachments(unitId)).read(sha256)).toString('base64') }
  }
}
