import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Selection } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { Anchor } from '../../shared/comments/schema'
import { LIMITS } from '../../shared/limits'
import type { AnyType } from '../../shared/plan-model/ydoc'

/**
 * Text anchors are Yjs relative positions in the section's `body` fragment, so they follow their
 * words through everyone's edits. The start sticks to the first character of the range and the end to
 * its last one (Yjs `assoc`), so text typed right before or right after the words stays outside, and
 * deleting the words collapses the range: the server then reports the thread detached.
 */

/** What the editor's ySyncPlugin binds: the fragment, its document and the Y type → node mapping. */
export interface SyncBinding {
  type: Y.XmlFragment
  doc: Y.Doc
  mapping: Map<AnyType, PMNode | PMNode[]>
}

export function syncBinding(state: EditorState): SyncBinding | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: SyncBinding } | undefined)?.binding
  return binding?.type && binding.doc ? binding : null
}

export type TextAnchor = Extract<Anchor, { type: 'text' }>

/** The selection, trimmed of surrounding spaces and block boundaries, or null when nothing is left. */
export function commentableRange(state: EditorState): { from: number; to: number } | null {
  let { from, to } = state.selection
  if (from >= to) return null
  const { doc } = state
  const $from = doc.resolve(from)
  if ($from.parent.isTextblock && $from.parentOffset === $from.parent.content.size) {
    const next = Selection.findFrom(doc.resolve($from.after()), 1, true)
    if (next) from = next.from
  }
  const $to = doc.resolve(to)
  if ($to.parent.isTextblock && $to.parentOffset === 0 && $to.depth > 0) {
    const prev = Selection.findFrom(doc.resolve($to.before()), -1, true)
    if (prev) to = prev.to
  }
  while (from < to && /\s/.test(doc.textBetween(from, from + 1, '\n', ' '))) from++
  while (to > from && /\s/.test(doc.textBetween(to - 1, to, '\n', ' '))) to--
  if (from >= to || doc.textBetween(from, to, ' ', ' ').trim() === '') return null
  return { from, to }
}

/** An anchor for the range [from, to) of the editor's document, with the words it covers. */
export function createTextAnchor(state: EditorState, from: number, to: number): TextAnchor | null {
  const binding = syncBinding(state)
  if (!binding) return null
  const relative = (pos: number, assoc: number): Y.RelativePosition => {
    const rough = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition
    const at = Y.createAbsolutePositionFromRelativePosition(rough, binding.doc)
    // Inside text, stick to the character after (the start) or before (the end) the boundary.
    return at && at.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(at.type, at.index, assoc) : rough
  }
  const encode = (rel: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(rel))
  const quote = state.doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim()
  return {
    type: 'text',
    start: encode(relative(from, 0)),
    end: encode(relative(to, -1)),
    quote: quote.length > LIMITS.anchorQuoteLength ? `${quote.slice(0, LIMITS.anchorQuoteLength - 1)}…` : quote,
  }
}

export function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded))
  } catch {
    return null
  }
}

/** Where a relative position is now: a document position, gone ('deleted'), or not known yet ('unknown'). */
export type Resolved = number | 'deleted' | 'unknown'

function nodeSize(binding: SyncBinding, type: AnyType): number | null {
  if (type instanceof Y.XmlText) return type.length
  const node = binding.mapping.get(type)
  if (!node) return null
  return Array.isArray(node) ? node.reduce((n, x) => n + x.nodeSize, 0) : node.nodeSize
}

/**
 * A relative position as a ProseMirror position, from the binding's mapping (as y-tiptap's
 * relativePositionToAbsolutePosition, without its guard that refuses the document's first characters).
 */
export function resolvePosition(binding: SyncBinding, rel: Y.RelativePosition): Resolved {
  const at = Y.createAbsolutePositionFromRelativePosition(rel, binding.doc)
  // Not in this replica yet (still loading, or written by someone not synced here).
  if (!at) return 'unknown'
  for (let t: AnyType = at.type; t !== binding.type;) {
    const item = t._item
    if (!item || item.deleted || !(item.parent instanceof Y.AbstractType)) return 'deleted'
    t = item.parent
  }
  let type: AnyType = at.type
  let pos = 0
  if (type instanceof Y.XmlText) {
    pos = at.index
  } else {
    let i = 0
    for (let n = type._start; n !== null && i < at.index; n = n.right) {
      if (n.deleted || !n.countable) continue
      i++
      const size = nodeSize(binding, (n.content as Y.ContentType).type as AnyType)
      if (size === null) return 'unknown'
      pos += size
    }
    pos += 1
  }
  while (type !== binding.type) {
    const parent = type._item!.parent as AnyType
    pos += 1
    for (let n = parent._start; n !== null; n = n.right) {
      const child = (n.content as Y.ContentType).type as AnyType
      if (child === type) break
      if (n.deleted || !n.countable) continue
      const size = nodeSize(binding, child)
      if (size === null) return 'unknown'
      pos += size
    }
    type = parent
  }
  return pos - 1
}

/** Where a decoded text anchor is now: its range, 'detached' when its words are gone, or 'unknown'. */
export function resolveRange(
  binding: SyncBinding,
  start: Y.RelativePosition,
  end: Y.RelativePosition,
  docSize: number,
): { from: number; to: number } | 'detached' | 'unknown' {
  const from = resolvePosition(binding, start)
  const to = resolvePosition(binding, end)
  if (from === 'deleted' || to === 'deleted') return 'detached'
  if (from === 'unknown' || to === 'unknown') return 'unknown'
  if (from >= to) return 'detached'
  if (from < 0 || to > docSize) return 'unknown'
  return { from, to }
}
