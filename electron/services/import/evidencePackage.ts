/**
 * A 报送包 as it is received (issue 21): checked as any zip is before anything in it is used (one directory, no
 * path out of the archive, entries and what they inflate to capped: zipScan.mjs), its manifest read, and every file
 * held against the sha256 the manifest gives it. The form inside is then read like any submitted form; the
 * evidence comes with it, each file marked as matching or not.
 */
import { createHash } from 'node:crypto'
import type { ReceivedEvidence } from '@shared/evidence/evidencePackage'
import { MANIFEST, ManifestSchema } from '@shared/evidence/evidencePackage'
import { sniffType } from '@shared/evidence/attachments'
import type { ImportIssue } from './importResult'
import { zipRefusal } from './preflight'
import { partName, scanZip } from './zipScan.mjs'

const MiB = 1024 * 1024

/** A package holds a form (a unit's is well under 20 MiB) and photos of at most 20 MB each, stored. */
const PACKAGE_LIMITS = {
  maxZipEntries: 5_002,
  maxEntryInflatedBytes: 32 * MiB,
  maxTotalInflatedBytes: 320 * MiB,
  ratioFloorBytes: MiB,
  maxRatio: 200
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])

export type OpenedPackage =
  | {
      ok: true
      form: { name: string; bytes: Buffer }
      evidence: ReceivedEvidence[]
      /** The bytes of the evidence that matched its manifest entry, by the entry's path. */
      files: ReadonlyMap<string, Buffer>
      issues: ImportIssue[]
    }
  | { ok: false; code: ImportIssue['code']; message: string }

/** A zip whose directory lists our manifest (a workbook is a zip too, with no manifest). */
export function isPackage(bytes: Buffer): boolean {
  if (bytes.length < 4 || !bytes.subarray(0, 4).equals(ZIP_MAGIC)) return false
  const scan = scanZip(bytes, PACKAGE_LIMITS, { inflate: false, keep: () => false })
  return scan.ok && scan.names.has(partName(MANIFEST))
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

const packageIssue = (fileName: string, code: ImportIssue['code'], severity: ImportIssue['severity'], message: string): ImportIssue => ({
  severity,
  code,
  sheet: null,
  cell: null,
  row: null,
  column: null,
  message: `报送包“${fileName}”${message}`
})

/** Opens a package that isPackage said is one; refused whole when its zip or its manifest cannot be trusted. */
export function openPackage(bytes: Buffer, fileName: string): OpenedPackage {
  const scan = scanZip(bytes, PACKAGE_LIMITS, { inflate: true, keep: () => true })
  if (!scan.ok) return { ok: false, code: scan.code, message: zipRefusal(fileName, scan.code, scan.detail) }
  const refuse = (message: string): OpenedPackage => ({ ok: false, code: 'NOT_XLSX', message: `报送包“${fileName}”${message}，请报送单位在程序中重新导出报送包` })
  let manifest
  try {
    manifest = ManifestSchema.safeParse(JSON.parse(scan.inflated.get(partName(MANIFEST))?.toString('utf8') ?? ''))
  } catch {
    return refuse('的清单（manifest.json）不是有效的 JSON')
  }
  if (!manifest.success) return refuse('的清单（manifest.json）无法识别')
  const { form, evidence } = manifest.data
  const formBytes = scan.inflated.get(partName(form.file))
  if (!formBytes) return refuse(`中缺少清单所列的表格“${form.file}”`)
  const issues: ImportIssue[] = []
  const files = new Map<string, Buffer>()
  if (sha256(formBytes) !== form.sha256) {
    issues.push(packageIssue(fileName, 'PACKAGE_FILE_CHANGED', 'warning', `中的表格“${form.file}”与清单记载的校验值不符，打包后被改动过，请与报送单位核实`))
  }
  const received = evidence.map((e): ReceivedEvidence => {
    const file = scan.inflated.get(partName(e.path))
    const ok = file !== undefined && file.length === e.size && sha256(file) === e.sha256 && sniffType(file) === e.type
    if (ok) files.set(e.path, file)
    else {
      const why = file ? '与清单记载的校验值不符，可能在报送途中被改动' : '在包中缺失'
      issues.push(packageIssue(fileName, 'EVIDENCE_MISMATCH', 'error', `中问题编号 ${e.problemNo || '（无）'} 的佐证材料“${e.name}”（${e.slot}）${why}，该材料不予采信，请与报送单位核实`))
    }
    return { ...e, ok }
  })
  const listed = new Set([MANIFEST, form.file, ...evidence.map((e) => e.path)].map(partName))
  const extra = [...scan.names].filter((n) => !listed.has(n) && !n.endsWith('/'))
  if (extra.length) issues.push(packageIssue(fileName, 'PACKAGE_FILE_CHANGED', 'warning', `中有清单未列出的文件（${extra.slice(0, 5).join('、')}），未采用`))
  return { ok: true, form: { name: form.file, bytes: formBytes }, evidence: received, files, issues }
}
