import { fromBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { isDeleted, resolve } from '../comments/anchors'

/** The part of one paragraph's text a suggestion replaces, found again in the document as it is now. */
export interface ResolvedRange {
  text: Y.XmlText
  from: number
  to: number
}

export interface SuggestedChange {
  start: string
  end: string
  deleted: string
  inserted: string
}

/**
 * Where a suggestion applies now, or null when it is outdated (docs/suggestions.md): an end no longer
 * resolves or sits in deleted content, the characters next to its ends were deleted, the ends are
 * not in one text in order, or the words between them are no longer the ones it was made on.
 */
export function resolveSuggestion(doc: Y.Doc, s: SuggestedChange): ResolvedRange | null {
  const from = resolve(doc, s.start)
  const to = resolve(doc, s.end)
  if (!from || !to || from.type !== to.type || !(from.type instanceof Y.XmlText)) return null
  if (isDeleted(from.type) || from.index > to.index) return null
  if (neighbourGone(doc, s.start) || neighbourGone(doc, s.end)) return null
  if (textBetween(from.type, from.index, to.index) !== s.deleted) return null
  return { text: from.type, from: from.index, to: to.index }
}

/** Replace the range with the suggested text, in the caller's transaction (a `hub.change`). */
export function applySuggestion(range: ResolvedRange, inserted: string) {
  if (range.to > range.from) range.text.delete(range.from, range.to - range.from)
  if (inserted) range.text.insert(range.from, inserted)
}

/** Whether the character a position was made next to was deleted (a relative position alone would slide on). */
function neighbourGone(doc: Y.Doc, encoded: string): boolean {
  const item = Y.decodeRelativePosition(fromBase64(encoded)).item
  if (!item) return false
  try {
    return Y.getItem(doc.store, item).deleted
  } catch {
    return true
  }
}

function textBetween(text: Y.XmlText, from: number, to: number): string {
  let out = ''
  let at = 0
  for (const op of text.toDelta() as { insert: unknown }[]) {
    const piece = typeof op.insert === 'string' ? op.insert : '\uFFFC'
    const lo = Math.max(from, at)
    const hi = Math.min(to, at + piece.length)
    if (hi > lo) out += piece.slice(lo - at, hi - at)
    at += piece.length
    if (at >= to) break
  }
  return out
}
