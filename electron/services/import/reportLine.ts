import type { Campaign } from '@shared/campaign/campaign'
import { unitByName } from '@shared/campaign/campaign'
import { cleanText, normalizePhone, parseDateText } from '@shared/domain/normalize'

/** What the `填报单位（盖章）：… 填报人：… 联系电话：… 填报日期：…` line above the table says. */
export interface ReportLine {
  /** Canonical unit name, when the text names a unit of the campaign. */
  unit: string | null
  /** The unit as written (for the message when it is not a known unit). */
  unitText: string
  filler?: string
  phone?: string
  filledDate: string | null
}

const LABELS = /(填报单位(?:\(盖章\))?|填报人|联系电话|填报日期)\s*:?/g

/** Reads the line if the text carries 填报单位; the labels may sit in one merged cell or spread over several cells. */
export function parseReportLine(text: string, campaign: Campaign): ReportLine | null {
  const s = text.normalize('NFKC')
  const matches = [...s.matchAll(LABELS)]
  const values = new Map<string, string>()
  matches.forEach((m, i) => {
    const end = matches[i + 1]?.index ?? s.length
    values.set(m[1].replace(/\(盖章\)$/, ''), cleanText(s.slice(m.index + m[0].length, end)))
  })
  const unitText = values.get('填报单位')
  if (unitText === undefined) return null
  const date = parseDateText(values.get('填报日期') ?? '')
  const filler = values.get('填报人')
  const phone = values.get('联系电话')
  return {
    unit: unitByName(campaign, unitText)?.name ?? null,
    unitText,
    ...(filler ? { filler } : {}),
    ...(phone ? { phone: normalizePhone(phone) } : {}),
    filledDate: date.ok ? date.iso : null
  }
}
