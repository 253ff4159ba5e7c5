import { fromBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { BODY_FIELD } from '../../shared/editor/body-field'
import { suggestableText, textAt, writeUnwrittenText } from '../../shared/plan-model/ydoc'
import { textFieldMax } from '../../shared/plan-model/schema-shape'
import type { SectionKind } from '../../shared/plans/catalog'
import type { SuggestionTarget } from '../../shared/suggestions/schema'
import { isDeleted, resolve } from '../comments/anchors'
import type { SuggestionRow } from './tables'

/** The part of one paragraph's text, or of one field's text, a suggestion replaces, found again as it is now. */
export interface ResolvedRange {
  text: Y.Text
  from: number
  to: number
}

export interface SuggestedChange {
  target: SuggestionTarget
  start: string
  end: string
  deleted: string
  inserted: string
}

/** The `target` column: `body`, or a field path as JSON. */
export const encodeTarget = (target: SuggestionTarget): string => (target === 'body' ? 'body' : JSON.stringify(target))
export const decodeTarget = (stored: string): SuggestionTarget =>
  stored === 'body' ? 'body' : (JSON.parse(stored) as string[])

/** A stored suggestion as the change it proposes. */
export const changeOf = (row: SuggestionRow): SuggestedChange => ({
  target: decodeTarget(row.target),
  start: row.start_pos,
  end: row.end_pos,
  deleted: row.deleted_text,
  inserted: row.inserted_text,
})

/**
 * Where a suggestion applies now, or null when it is outdated (docs/suggestions.md): an end no longer
 * resolves or sits in deleted content, the characters next to its ends were deleted, the ends are
 * not in one text of its target in order, or the words between them are no longer the ones it was
 * made on. A field target must name the shared text of a field of the section's document — or, for an
 * insertion into a top-level field nobody has written yet, the text it will have (`UNWRITTEN`).
 */
export function resolveSuggestion(doc: Y.Doc, kind: SectionKind, s: SuggestedChange): ResolvedRange | Unwritten | null {
  const from = resolve(doc, s.start)
  const to = resolve(doc, s.end)
  if (!from && !to && unwritten(doc, kind, s)) return UNWRITTEN
  if (!from || !to || from.type !== to.type || !inTarget(doc, from.type, s.target)) return null
  const text = from.type as Y.Text
  if (isDeleted(text) || from.index > to.index) return null
  if (neighbourGone(doc, s.start) || neighbourGone(doc, s.end)) return null
  if (textBetween(text, from.index, to.index) !== s.deleted) return null
  return { text, from: from.index, to: to.index }
}

/** An insertion into a top-level text field that holds nothing yet, anchored to the text it will have. */
export const UNWRITTEN = 'unwritten'
export type Unwritten = typeof UNWRITTEN

/**
 * Where to apply a suggestion, in a server change: as `resolveSuggestion`, the text of an unwritten
 * field made first — the skeleton's, the one every client makes, so a first word typed meanwhile
 * merges with it rather than replacing it.
 */
export function placeSuggestion(doc: Y.Doc, kind: SectionKind, s: SuggestedChange): ResolvedRange | null {
  const found = resolveSuggestion(doc, kind, s)
  if (found !== UNWRITTEN) return found
  writeUnwrittenText(doc, kind, (s.target as string[])[0]!)
  const placed = resolveSuggestion(doc, kind, s)
  return placed === UNWRITTEN ? null : placed
}

/**
 * The field's limit when accepting the suggestion now would take a field past it (its text as it is,
 * less what the suggestion deletes, plus what it inserts), else null. The rich text has no such limit.
 */
export function overflowsField(doc: Y.Doc, kind: SectionKind, s: SuggestedChange): number | null {
  if (s.target === 'body') return null
  const max = textFieldMax(kind, s.target)
  const length = (textAt(doc, s.target)?.length ?? 0) - s.deleted.length + s.inserted.length
  return max !== null && length > max ? max : null
}

/** Whether a target names text of the section: the rich text, a field's shared text, or an unwritten text field. */
export const isTextTarget = (doc: Y.Doc, kind: SectionKind, target: SuggestionTarget): boolean =>
  target === 'body' || suggestableText(doc, kind, target) !== null

function unwritten(doc: Y.Doc, kind: SectionKind, s: SuggestedChange): boolean {
  if (s.target === 'body' || s.deleted !== '' || textAt(doc, s.target)) return false
  const id = suggestableText(doc, kind, s.target)?._item?.id
  const names = (encoded: string) => {
    const rel = Y.decodeRelativePosition(fromBase64(encoded))
    return rel.item === null && rel.type !== null && id !== undefined && Y.compareIDs(rel.type, id)
  }
  try {
    return names(s.start) && names(s.end)
  } catch {
    return false
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type, as Yjs resolves positions
function inTarget(doc: Y.Doc, type: Y.AbstractType<any>, target: SuggestionTarget): boolean {
  return target === 'body' ? type instanceof Y.XmlText : type === textAt(doc, target)
}

/**
 * Replace the range with the suggested text, in the caller's transaction (a `hub.change`). In the rich
 * text each newline of `inserted` splits the paragraph, as Enter does: what followed the range moves
 * to the last new paragraph.
 */
export function applySuggestion(range: ResolvedRange, inserted: string) {
  const { text, from, to } = range
  if (to > from) text.delete(from, to - from)
  const [first = '', ...lines] = inserted.split('\n')
  if (!(text instanceof Y.XmlText) || lines.length === 0 || !(text.parent instanceof Y.XmlElement)) {
    if (inserted) text.insert(from, inserted)
    return
  }
  if (first) text.insert(from, first)
  splitParagraph(text, from + first.length, lines)
}

interface DeltaOp {
  insert: unknown
  attributes?: Record<string, unknown>
}

/** Put `lines` in new paragraphs after `text`'s, like it, the last one followed by what came after `at`. */
function splitParagraph(text: Y.XmlText, at: number, lines: string[]) {
  const block = text.parent as Y.XmlElement
  // A document filled from updates holds its root untyped until asked for as what it is.
  if (!(block.parent instanceof Y.XmlElement)) block.doc!.getXmlFragment(BODY_FIELD)
  const container = block.parent as Y.XmlFragment | Y.XmlElement
  const tail = deltaFrom(text, at)
  if (text.length > at) text.delete(at, text.length - at)
  // Inline nodes after the text (a mention, a hard break and the text after it) move along, as copies.
  const children = block.toArray()
  // (Tiptap makes no hooks.)
  const after = children.slice(children.indexOf(text) + 1).map((node) => node.clone() as Y.XmlElement | Y.XmlText)
  if (after.length) block.delete(children.length - after.length, after.length)
  let index = container.toArray().indexOf(block)
  const attributes = Object.entries(block.getAttributes())
  lines.forEach((line, i) => {
    const paragraph = new Y.XmlElement(block.nodeName)
    container.insert(++index, [paragraph])
    for (const [key, value] of attributes) paragraph.setAttribute(key, value as string)
    const content = new Y.XmlText()
    paragraph.insert(0, [content])
    if (line) content.insert(0, line)
    if (i < lines.length - 1) return
    if (tail.length) content.applyDelta([{ retain: line.length }, ...tail])
    if (after.length) paragraph.insert(1, after)
  })
}

/** The formatted content of a text from `at` on. */
function deltaFrom(text: Y.Text, at: number): DeltaOp[] {
  const out: DeltaOp[] = []
  let pos = 0
  for (const op of text.toDelta() as DeltaOp[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    if (pos + length > at) {
      const cut = Math.max(0, at - pos)
      out.push(cut > 0 && typeof op.insert === 'string' ? { ...op, insert: op.insert.slice(cut) } : op)
    }
    pos += length
  }
  return out
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

function textBetween(text: Y.Text, from: number, to: number): string {
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
