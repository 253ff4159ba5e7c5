import { fromBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { Anchor } from '../../shared/comments/schema'
import type { SectionKind } from '../../shared/plans/catalog'
import { readContent } from '../../shared/plan-model/read'

/**
 * Whether an anchor still finds what it was made on in the section's document. The client places
 * the highlight itself; the server says "detached" so every list shows the same thing.
 */
export type AnchorCheck = (anchor: Anchor) => boolean

export function anchorCheck(doc: Y.Doc, kind: SectionKind): AnchorCheck {
  let itemIds: Set<string> | null = null
  return (anchor) => {
    if (anchor.type === 'item') {
      itemIds ??= collectItemIds(readContent(doc, kind))
      return itemIds.has(anchor.itemId)
    }
    return textRangeExists(doc, anchor.start, anchor.end)
  }
}

/** A text range is gone when either end no longer resolves, sits in deleted content, or the range collapsed. */
function textRangeExists(doc: Y.Doc, start: string, end: string): boolean {
  const from = resolve(doc, start)
  const to = resolve(doc, end)
  if (!from || !to || isDeleted(from.type) || isDeleted(to.type)) return false
  return from.type !== to.type || from.index < to.index
}

export function resolve(doc: Y.Doc, encoded: string): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(encoded)), doc)
  } catch {
    return null
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isDeleted(type: Y.AbstractType<any>): boolean {
  for (let item = type._item; item; item = item.parent instanceof Y.AbstractType ? item.parent._item : null) {
    if (item.deleted) return true
  }
  return false
}

/** Every item id anywhere in a section's structured content (nested lists included). */
function collectItemIds(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) collectItemIds(v, into)
  else if (value && typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    if (typeof id === 'string') into.add(id)
    for (const v of Object.values(value)) if (typeof v === 'object') collectItemIds(v, into)
  }
  return into
}
