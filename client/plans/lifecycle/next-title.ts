/** The title of next year's plan: every year in the title moves on by one, or "(copy)" when there is none. */
export function nextYearTitle(title: string): string {
  const next = title.replace(/\b(19|20)(\d\d)\b/g, (year) => String(Number(year) + 1))
  return next === title ? `${title} (copy)` : next
}
