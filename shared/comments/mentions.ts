/**
 * Mentions are written into a comment's text as `@[Name](userId)`, so the text alone says who was
 * mentioned and how to show them; the client inserts that markup when someone picks a member.
 */
const MENTION = /@\[([^\]\n]{1,80})\]\(([A-Za-z0-9_-]{1,64})\)/g

/** The user ids mentioned in a comment's text, each once, in order. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!))]
}

/** The text as a person reads it: `@[Ana](u1)` becomes `@Ana`. */
export function plainCommentText(body: string): string {
  return body.replace(MENTION, (_, name: string) => `@${name}`)
}

/** A short, one-line excerpt for an inbox. */
export function commentExcerpt(body: string, max = 140): string {
  const line = plainCommentText(body).replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
