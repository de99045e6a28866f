/**
 * A unit's evidence behind its records (issue 21): attach a photo or PDF to what it proves, take it out of use or
 * back, read a kept file — only to a record the ledger holds; and what the evidence goes into: the 报送包 of a form
 * and the 一企一档 of a record.
 */
import { createHash } from 'node:crypto'
import { zipSync } from 'fflate'
import { isHuikan } from '@shared/annexes/huikan'
import { formIncludes, recordText } from '@shared/annexes/registry'
import type { AnnexDefinition } from '@shared/annexes/types'
import type { Campaign } from '@shared/campaign/campaign'
import { unitName } from '@shared/campaign/campaign'
import { chinaDate } from '@shared/domain/chinaTime'
import type { EvidenceSlot } from '@shared/evidence/attachments'
import { ATTACHMENT_TYPES, attachmentId, isRemoved } from '@shared/evidence/attachments'
import type { Manifest } from '@shared/evidence/evidencePackage'
import { MANIFEST, PACKAGE_FORMAT, evidencePath } from '@shared/evidence/evidencePackage'
import type { EvidenceView, ExportedFile } from '@shared/ipc/contract'
import { AppFailure } from '@shared/ipc/result'
import type { RecordFields } from '@shared/ledger/record'
import { dossierOf } from '@shared/reports/dossier'
import { writeUnitForm } from './annexExport'
import { writeDossierDocx } from './documents/dossierDocx'
import type { AttachmentStore } from './storage/attachmentStore'
import type { DataDir } from './storage/ledgerStore'

function view(store: AttachmentStore, recordId: string): EvidenceView {
  return { recordId, attachments: store.of(recordId).map((a) => ({ ...a, id: attachmentId(a), removed: isRemoved(a) })) }
}

export class EvidenceService {
  constructor(
    private readonly dataDir: DataDir,
    private readonly campaign: Campaign,
    private readonly appVersion: string
  ) {}

  /**
   * The 报送包 of one form: the form as 导出 writes it, the evidence in use of the records on it (stored, not
   * compressed again: photos do not shrink) and the manifest with every file's sha256 and record.
   */
  async package(unitId: string, annex: AnnexDefinition<RecordFields>, now: Date, today: string): Promise<ExportedFile> {
    const form = await writeUnitForm(this.dataDir, { annex, campaign: this.campaign, unitId, template: false, appVersion: this.appVersion, now, today })
    const records = (await this.dataDir.ledger(unitId)).view().records.filter((r) => formIncludes(annex, r.fields))
    const store = await this.dataDir.attachments(unitId)
    const entries: Record<string, [Uint8Array, { level: 0 }] | Uint8Array> = { [form.fileName]: form.bytes }
    const evidence: Manifest['evidence'] = []
    for (const r of records) {
      for (const a of store.of(r.id).filter((x) => !isRemoved(x))) {
        const path = evidencePath(a.sha256, ATTACHMENT_TYPES[a.type].extension)
        if (!(path in entries)) entries[path] = [await store.read(a.sha256), { level: 0 }]
        const { recordId, sha256, name, type, size, slot, takenAt } = a
        evidence.push({ recordId, sha256, name, type, size, slot, takenAt, problemNo: r.problemNo, path })
      }
    }
    const formEntry = { file: form.fileName, sha256: createHash('sha256').update(form.bytes).digest('hex') }
    const manifest: Manifest = { format: PACKAGE_FORMAT, version: 1, unit: unitName(this.campaign, unitId), annex: annex.id, form: formEntry, evidence }
    entries[MANIFEST] = new TextEncoder().encode(JSON.stringify(manifest, null, 1))
    const zip = zipSync(entries, { mtime: now })
    return { fileName: form.fileName.replace(/\.xlsx$/, '-报送包.zip'), data: Buffer.from(zip).toString('base64') }
  }

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
    // An attachment is marked from its own record's panel only (its id starts with the record's).
    if (!id.startsWith(`${recordId}|`)) throw new AppFailure('NOT_FOUND', '没有这份佐证材料，请刷新后再试。')
    const store = await this.dataDir.attachments(unitId)
    await store.mark(id, what, by)
    return view(store, recordId)
  }

  async file(unitId: string, sha256: string): Promise<{ data: string }> {
    return { data: (await (await this.dataDir.attachments(unitId)).read(sha256)).toString('base64') }
  }

  /**
   * 一企一档 (Word) of one record — by id or by 问题编号 — or, without one, of every 2024 record of the unit in ledger
   * order; `now` names the file.
   */
  async dossier(unitId: string, record: { id?: string; problemNo?: string } | null, now: Date): Promise<ExportedFile> {
    const ledger = await this.dataDir.ledger(unitId)
    const all = ledger.view().records.filter((r) => !isHuikan(r.fields))
    const chosen = record ? all.filter((r) => r.id === record.id || (record.problemNo !== undefined && r.problemNo === record.problemNo)) : all
    if (chosen.length === 0) throw new AppFailure('NOT_FOUND', record ? `台账中没有问题编号为${record.problemNo ?? ''}的记录。` : '台账中还没有记录。')
    const store = await this.dataDir.attachments(unitId)
    const unit = unitName(this.campaign, unitId)
    const files = new Map<string, Buffer>()
    const dossiers = []
    for (const r of chosen) {
      const evidence = store.of(r.id).filter((a) => !isRemoved(a))
      for (const a of evidence) if (!files.has(a.sha256)) files.set(a.sha256, await store.read(a.sha256))
      dossiers.push(dossierOf(unit, r, ledger.history(r.id), evidence))
    }
    const who = chosen.length === 1 ? recordText((chosen[0] as (typeof chosen)[number]).fields, 'name') || unit : unit
    const bytes = await writeDossierDocx(`${who}一企一档`, dossiers, files)
    return { fileName: `一企一档-${who.replace(/[\\/:*?"<>|]/g, '_')}-${chinaDate(now).replace(/-/g, '')}.docx`, data: bytes.toString('base64') }
  }
}
