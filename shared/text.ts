/** A long text cut to one readable line of at most `max` characters, for labels that name another item. */
export function shorten(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ')
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

/** A UTF-16 surrogate without its other half: no encoding can store it, so it is garbage from the sender. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * Text every engine stores as it was sent: no NUL (PostgreSQL refuses it in text, SQLite keeps it) and
 * no unpaired surrogate. The API refuses any other string, the same way on both engines.
 */
export const isStorableText = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text)

/** "Marketing's", "Sales'": the English possessive of a name, which does not add an s after an s. */
export const possessive = (name: string) => (/s$/i.test(name.trim()) ? `${name}’` : `${name}’s`)
