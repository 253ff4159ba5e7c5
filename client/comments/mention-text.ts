import type { UserRef } from '../../shared/comments/schema'

/**
 * The composer shows mentions as `@Name`; the server reads them as `@[Name](userId)` (shared/comments
 * /mentions.ts). These convert between the two, for the people picked in the composer.
 */
const MARKUP = /@\[([^\]\n]{1,80})\]\(([A-Za-z0-9_-]{1,64})\)/g
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const markupable = (name: string) => name.length > 0 && name.length <= 80 && !/[\]\n]/.test(name)

/** Plain text with `@Name` for the picked people still written in it → the server's markup, and their ids. */
export function toMarkup(text: string, picked: readonly UserRef[]): { body: string; mentions: string[] } {
  let body = text
  const mentions: string[] = []
  // Longest names first, so "@Sam Sales" is not taken for "@Sam".
  for (const person of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = new RegExp(`@${escape(person.name)}(?![\\w])`, 'g')
    if (!pattern.test(body)) continue
    if (!mentions.includes(person.id)) mentions.push(person.id)
    if (markupable(person.name)) body = body.replace(pattern, `@[${person.name}](${person.id})`)
  }
  return { body, mentions }
}

/** A stored comment back as the composer shows it. */
export function fromMarkup(body: string): string {
  return body.replace(MARKUP, (_, name: string) => `@${name}`)
}

export type Segment = { text: string } | { mention: UserRef }

/** A comment's text in pieces, mentions apart, for display. */
export function segments(body: string): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const m of body.matchAll(MARKUP)) {
    if (m.index > last) out.push({ text: body.slice(last, m.index) })
    out.push({ mention: { name: m[1]!, id: m[2]! } })
    last = m.index + m[0].length
  }
  if (last < body.length) out.push({ text: body.slice(last) })
  return out
}
