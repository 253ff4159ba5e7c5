/** How an export writes dates and numbers: one fixed locale, so a file reads the same wherever it is made. */

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })

/** `2027-12-31` → `31 Dec 2027`. */
export const formatIsoDate = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`))
export const formatInstant = (ms: number) => day.format(new Date(ms))
export const formatNumber = (n: number) => number.format(n)

/** `3 errors, 1 warning and 2 notes`. */
export function countWords(parts: [count: number, one: string, many: string][]): string {
  const words = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}
