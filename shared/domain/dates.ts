/** 2024-05-09 (or an ISO timestamp) as the forms print it: 2024年5月9日; nothing stays blank. */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const [y, m, d] = iso.slice(0, 10).split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** A file's 填报日期 in Chinese, or 未填日期 when the unit left it blank. */
export const cnFilledDate = (iso: string | null | undefined): string => cnDate(iso) || '未填日期'

/** 2024-05-09 → 5月9日 */
export const monthDay = (iso: string): string => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
