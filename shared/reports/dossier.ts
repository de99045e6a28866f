/**
 * 一企一档 (issue 21): one record's whole file for the archive — who and where, the problems and the 整治, every step
 * with its date and who took it, 两断三清, 查处, 验收 and 销号 with its approval, 回头看, and the evidence itself.
 * Pure: the Word writer (electron/services/documents/dossierDocx.ts) lays it out, the photos come with it by sha256.
 */
import { fieldLabel, recordText } from '../annexes/registry'
import type { LedgerKey } from '../annexes/registry'
import type { Attachment } from '../evidence/attachments'
import { chinaDateTime } from '../domain/chinaTime'
import type { HistoryEntry, LedgerRecord } from '../ledger/record'
import { tlcApplies, TLC_ITEMS, tlcKey, tlcState } from '../lifecycle/tlc'
import { valueToText } from '../validation/cellInput'

export interface DossierSection {
  /** Without its number: the writer numbers the parts a record has (一、二、…). */
  heading: string
  /** 项目 | 内容, blank ones left out. */
  rows: [string, string][]
}

export interface Dossier {
  title: string
  /** 填报单位 and 问题编号, under the title. */
  subtitle: string
  sections: DossierSection[]
  /** 两断三清, item by item, where it applies. */
  tlc: { item: string; state: string; date: string; method: string }[] | null
  /** The record's steps (登记 and each 状态 it reached), with when and who. */
  steps: { at: string; by: string; what: string }[]
  /** The evidence in use, in the order attached. */
  evidence: Pick<Attachment, 'slot' | 'name' | 'type' | 'takenAt' | 'sha256'>[]
}

const rows = (f: LedgerRecord['fields'], keys: readonly LedgerKey[]): [string, string][] =>
  keys.map((k): [string, string] => [fieldLabel(k), recordText(f, k) || valueToText(f[k])]).filter(([, v]) => v !== '')

const section = (heading: string, f: LedgerRecord['fields'], keys: readonly LedgerKey[]): DossierSection[] => {
  const found = rows(f, keys)
  return found.length ? [{ heading, rows: found }] : []
}

/** 登记 and every change of 状态, in the order they happened. */
function stepsOf(history: readonly HistoryEntry[]): Dossier['steps'] {
  return history
    .filter((h) => h.op === 'create' || h.field === 'status')
    .map((h) => ({ at: chinaDateTime(h.at), by: h.by, what: h.op === 'create' ? '登记' : `状态：${valueToText(h.from) || '已登记'} → ${valueToText(h.to)}` }))
}

export function dossierOf(unitName: string, record: Pick<LedgerRecord, 'problemNo' | 'fields'>, history: readonly HistoryEntry[], evidence: readonly Attachment[]): Dossier {
  const f = record.fields
  const name = recordText(f, 'name') || '（未填名称）'
  const tlc = tlcApplies(f)
    ? TLC_ITEMS.map((i) => {
        const state = tlcState(f, i)
        return {
          item: i.label,
          state: state === 'done' ? '已完成' : state === 'na' ? `不涉及（${recordText(f, tlcKey(i, 'Na') as LedgerKey)}）` : '未完成',
          date: recordText(f, tlcKey(i, 'Date') as LedgerKey),
          method: recordText(f, tlcKey(i, 'Method') as LedgerKey)
        }
      })
    : null
  return {
    title: `${name}“一企一档”`,
    subtitle: `填报单位：${unitName}　　问题编号：${record.problemNo || '未编号'}`,
    sections: [
      ...section('基本情况', f, ['town', 'village', 'name', 'uscc', 'operator', 'phone', 'address', 'sector', 'industry', 'source', 'foundDate']),
      ...section('存在问题及整治要求', f, ['problemTypes', 'problems', 'category', 'measures', 'deadline', 'leadDept', 'responsiblePerson', 'status']),
      ...section('停产与整治', f, ['stoppedFirst', 'stopDate', 'upgradeFacilities', 'relocationTarget', 'relocationDate', 'oldSite', 'completeDate', 'convertedFrom', 'convertDate']),
      ...section('立案查处', f, ['caseFiled', 'caseDate', 'decisionNo', 'decisionDate', 'fineAmount', 'referredPolice']),
      ...section('验收与销号', f, ['acceptDate', 'acceptDept', 'acceptResult', 'restarted', 'restartDate', 'closeDate', 'closeApprover', 'closeApproverTitle', 'evidence']),
      ...section('回头看', f, ['reopenDate', 'recheck'])
    ],
    tlc,
    steps: stepsOf(history),
    evidence: evidence.map(({ slot, name: file, type, takenAt, sha256 }) => ({ slot, name: file, type, takenAt, sha256 }))
  }
}
