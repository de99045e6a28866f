/**
 * How two rows are known to be the same enterprise: the same 统一社会信用代码, or, for businesses without one (无证照),
 * the same name and address once spelling noise is removed (fixtures README: duplicate key across units).
 */
import { cleanText, normalizeCode } from '../domain/normalize'
import type { RecordFields } from './record'

/** The normalised 18-character code, or null for 无, blanks and malformed codes. */
export function usccKey(fields: RecordFields): string | null {
  const v = fields['uscc']
  if (typeof v !== 'string') return null
  const code = normalizeCode(v)
  return code.length === 18 ? code : null
}

/**
 * Name + address without spaces, punctuation, full-width forms or the province/prefecture/city prefix, with
 * 有限责任公司 read as 有限公司 and 社区居委会 / 村委会 as 社区 / 村.
 */
export function nameAddressKey(fields: RecordFields): string | null {
  const name = fields['name']
  const address = fields['address']
  if (typeof name !== 'string' || typeof address !== 'string' || !cleanText(name) || !cleanText(address)) return null
  const norm = (s: string): string =>
    s
      .normalize('NFKC')
      .replace(/[\s\p{P}\p{S}]+/gu, '')
      .replace(/^(甘肃省)?(临夏回族自治州|临夏州)?(临夏市)?/, '')
      .replace(/有限责任公司/g, '有限公司')
      .replace(/(社区)居(民)?委(员)?会/g, '$1')
      .replace(/村(民)?委(员)?会/g, '村')
  return `${norm(name)}|${norm(address)}`
}

/** The key two units' rows are compared by: the code when there is one, else name + address. */
export function enterpriseKey(fields: RecordFields): string | null {
  const code = usccKey(fields)
  if (code) return `uscc:${code}`
  const na = nameAddressKey(fields)
  return na ? `name:${na}` : null
}
