/** A long text cut to one readable line of at most `max` characters, for labels that name another item. */
export function shorten(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ')
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}
