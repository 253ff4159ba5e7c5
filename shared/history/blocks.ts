import { z } from 'zod'

/**
 * A section's rich text as a flat list of blocks (a paragraph, a heading, a list item's line, a table
 * row), which is what a version is compared by: block by block, then word by word inside a changed
 * block. Inline formatting is not kept; the words are.
 */
export const Block = z.object({
  type: z.enum(['paragraph', 'heading', 'code', 'rule', 'row']),
  text: z.string(),
  /** A heading's level (1–6); 0 for other blocks. */
  level: z.number(),
  /** A list item's marker as shown ('•', '3.', '☐', '☑'); null outside lists and on an item's later lines. */
  marker: z.string().nullable(),
  /** How deep in lists the block sits (0 outside lists). */
  depth: z.number(),
  /** Inside a blockquote. */
  quote: z.boolean(),
})
export type Block = z.infer<typeof Block>

/** A ProseMirror node as JSON (`yXmlFragmentToProsemirrorJSON`, `editor.getJSON()`). */
export interface PmJson {
  type?: string
  attrs?: Record<string, unknown>
  content?: PmJson[]
  text?: string
}

interface Context {
  depth: number
  quote: boolean
  /** The marker still to be shown: the first block of a list item takes it. */
  pending: { marker: string | null }
}

const CELL_SEPARATOR = ' | '

function inlineText(node: PmJson): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(inlineText).join('')
}

function push(out: Block[], ctx: Context, block: Pick<Block, 'type' | 'text' | 'level'>) {
  // An empty paragraph is spacing, not content: comparing it would only add noise.
  if (block.type === 'paragraph' && block.text.trim() === '' && ctx.pending.marker === null) return
  out.push({ ...block, marker: ctx.pending.marker, depth: ctx.depth, quote: ctx.quote })
  ctx.pending.marker = null
}

function markerOf(list: PmJson, item: PmJson, index: number): string {
  if (list.type === 'orderedList') return `${(typeof list.attrs?.start === 'number' ? list.attrs.start : 1) + index}.`
  if (list.type === 'taskList') return item.attrs?.checked ? '☑' : '☐'
  return '•'
}

function walk(node: PmJson, ctx: Context, out: Block[]) {
  switch (node.type) {
    case 'paragraph':
      return push(out, ctx, { type: 'paragraph', text: inlineText(node), level: 0 })
    case 'heading':
      return push(out, ctx, {
        type: 'heading',
        text: inlineText(node),
        level: typeof node.attrs?.level === 'number' ? node.attrs.level : 1,
      })
    case 'codeBlock':
      return push(out, ctx, { type: 'code', text: inlineText(node), level: 0 })
    case 'horizontalRule':
      return push(out, ctx, { type: 'rule', text: '', level: 0 })
    case 'tableRow':
      return push(out, ctx, {
        type: 'row',
        text: (node.content ?? []).map((cell) => inlineText(cell).replace(/\n/g, ' ')).join(CELL_SEPARATOR),
        level: 0,
      })
    case 'blockquote':
      for (const child of node.content ?? []) walk(child, { ...ctx, quote: true }, out)
      return
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      ;(node.content ?? []).forEach((item, i) => {
        const itemCtx: Context = {
          depth: ctx.depth + 1,
          quote: ctx.quote,
          pending: { marker: markerOf(node, item, i) },
        }
        for (const child of item.content ?? []) walk(child, itemCtx, out)
      })
      return
    default:
      // The document, a table and anything unknown: their blocks are inside.
      for (const child of node.content ?? []) walk(child, ctx, out)
  }
}

export function blocksOf(doc: PmJson): Block[] {
  const out: Block[] = []
  walk(doc, { depth: 0, quote: false, pending: { marker: null } }, out)
  return out
}
