/** Today on the user's calendar as YYYY-MM-DD (not UTC: at 07:00 in 临夏 it is still yesterday in UTC). */
export function localIsoDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
