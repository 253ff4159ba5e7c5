import type { JSONContent } from '@tiptap/core'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { richTextSchema } from '../../shared/editor/extensions'
import { BODY_FIELD } from '../../shared/editor/body-field'

const EMPTY: JSONContent = { type: 'doc', content: [] }
/** Links an export may carry: a `javascript:` URL in a downloaded file or a public page is an attack. */
const SAFE_HREF = /^(https?:|mailto:)/i

/**
 * A section's rich text as ProseMirror JSON, in the editor's own schema. y-tiptap deletes what the
 * schema refuses from the document it reads, and a live one must stay exactly as its clients wrote it:
 * that one is read from a copy. Never throws: an unreadable body reads as empty.
 */
export function readBody(doc: Y.Doc, live: boolean): JSONContent {
  const source = live ? new Y.Doc() : doc
  try {
    if (live) Y.applyUpdate(source, Y.encodeStateAsUpdate(doc))
    return withSafeLinks(
      yXmlFragmentToProseMirrorRootNode(source.getXmlFragment(BODY_FIELD), richTextSchema()).toJSON() as JSONContent,
    )
  } catch {
    return EMPTY
  } finally {
    if (live) source.destroy()
  }
}

/**
 * A link's address as a well-formed URL in which nothing can end it early in any format we write:
 * parentheses, quotes, angle brackets and spaces percent-encoded (the address means the same). Null
 * for one that is not http(s) or mailto, or not a URL.
 */
function safeHref(href: string): string | null {
  if (!SAFE_HREF.test(href.trim()) || !URL.canParse(href.trim())) return null
  return new URL(href.trim()).href.replace(
    /[()<>"' `\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

/**
 * The same content with every link mark that is not http(s) or mailto dropped (its text stays), the
 * others' addresses made safe (`safeHref`) and their titles dropped (text an attacker chose, in quotes).
 */
function withSafeLinks(node: JSONContent): JSONContent {
  const marks = node.marks?.flatMap((m) => {
    if (m.type !== 'link') return [m]
    const href = safeHref(String(m.attrs?.href ?? ''))
    return href ? [{ ...m, attrs: { ...m.attrs, href, title: null } }] : []
  })
  return {
    ...node,
    ...(node.marks ? { marks } : {}),
    ...(node.content ? { content: node.content.map(withSafeLinks) } : {}),
  }
}

/** The same content with headings moved down `by` levels (at most h6): a body's h1 sits under the section's title. */
export function demoteHeadings(node: JSONContent, by: number): JSONContent {
  const attrs =
    node.type === 'heading' ? { ...node.attrs, level: Math.min(6, Number(node.attrs?.level ?? 1) + by) } : node.attrs
  return {
    ...node,
    ...(attrs ? { attrs } : {}),
    ...(node.content ? { content: node.content.map((c) => demoteHeadings(c, by)) } : {}),
  }
}
