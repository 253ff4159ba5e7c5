const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
})
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })
const numberParts = numberFormat.formatToParts(1234.5)

export const formatDate = (ms: number) => dateFormat.format(ms)
export const formatDateTime = (ms: number) => dateTimeFormat.format(ms)

/** Every number a person reads, in the browser's locale: "1,700", "3.25". */
export const formatNumber = (n: number) => numberFormat.format(n)

/**
 * The same grouping and decimal marks for number inputs (the theme's NumberInput default), so a
 * value typed as "1,200" reads as it does in the labels.
 */
export const NUMBER_INPUT_MARKS = {
  thousandSeparator: numberParts.find((p) => p.type === 'group')?.value ?? ',',
  decimalSeparator: numberParts.find((p) => p.type === 'decimal')?.value ?? '.',
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "5 minutes ago", "in 7 days"; "just now" under a minute. */
export function fromNow(ms: number, now = Date.now()): string {
  const diff = ms - now
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return relative.format(Math.round(diff / size), unit)
  }
  return 'just now'
}

export const startsWithLetter = (word: string) => /^\p{L}/u.test(word)

/** Up to two initials for an avatar, from words that start with a letter ("Gina (guest)" is "G"). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(startsWithLetter)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?'
}
