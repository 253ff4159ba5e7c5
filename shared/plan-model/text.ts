import type * as Y from 'yjs'

/** One contiguous change of a text: `remove` characters at `index`, then `insert` there. */
export interface TextChange {
  index: number
  remove: number
  insert: string
}

/**
 * The single change that turns `before` into `after`: what an input event did. Where the change is
 * ambiguous (typing "a" into "aa"), `caret` — where the caret is in `after` — places it, so the new
 * characters attach where the person typed them, which is what concurrent edits merge around.
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null
  let prefix = 0
  const shorter = Math.min(before.length, after.length)
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  if (caret !== undefined) {
    // The changed part ends at the caret, so it cannot start after the caret less what was inserted.
    const grown = Math.max(0, after.length - before.length)
    prefix = Math.max(0, Math.min(prefix, caret - grown))
  }
  // Never split a surrogate pair: an emoji is inserted or removed whole.
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  const rest = shorter - prefix
  while (suffix < rest && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix))
    suffix++
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** Apply a change to shared text (inside the caller's transaction, so it is one update and one undo step). */
export function applyTextChange(text: Y.Text, change: TextChange) {
  if (change.remove > 0) text.delete(change.index, change.remove)
  if (change.insert) text.insert(change.index, change.insert)
}

/** Make shared text read `value` with the smallest change, so what others type meanwhile survives. */
export function replaceText(text: Y.Text, value: string) {
  const change = diffText(text.toJSON(), value)
  if (change) applyTextChange(text, change)
}

/** A Yjs text delta, as `Y.YTextEvent.delta` gives it. */
export type TextDelta = readonly { retain?: number; insert?: unknown; delete?: number }[]

/**
 * Where a position in a text is after a change described by `delta` (someone else's typing): moved
 * by what was inserted or removed before it. `assoc` decides an insertion exactly at the position:
 * -1 keeps the position before it (a selection's start), 1 moves it after (its end when it grows).
 */
export function mapIndex(delta: TextDelta, index: number, assoc: -1 | 1 = -1): number {
  // `at` walks the text as the delta rewrites it; `mapped` is the position in that same text.
  let at = 0
  let mapped = index
  for (const op of delta) {
    if (op.retain !== undefined) {
      at += op.retain
      // Everything after this lies past the position.
      if (at > mapped) break
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (at < mapped || (at === mapped && assoc === 1)) mapped += length
      at += length
    } else if (op.delete !== undefined && at < mapped) {
      mapped -= Math.min(op.delete, mapped - at)
    }
  }
  return mapped
}
