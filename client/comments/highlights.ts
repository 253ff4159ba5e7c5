import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { decodePosition, resolveRange, syncBinding } from './anchors'

/**
 * Comment highlights in the section's text: a decoration per open text thread, recomputed from the
 * anchors' Yjs relative positions whenever the document changes through Yjs (someone else's edit,
 * undo, the first load) and mapped through local edits in between (then recomputed once typing
 * pauses), so a highlight stays on exactly its words while people type around them.
 */

/** A text anchor to show: a thread's, or the draft of a new one (id DRAFT_ID). */
export interface HighlightInput {
  id: string
  start: string
  end: string
  /** The words the anchor was made on. */
  quote: string
}

export const DRAFT_ID = '__draft'

/** What the comments column needs to know: the threads in text order, and which lost their words. */
export interface AnchorSummary {
  /** Thread ids whose words are in the text, ordered by where they start. */
  order: string[]
  /** Thread ids whose words were deleted. */
  detached: string[]
  /** Where each placed thread starts (for lining the column up with the text). */
  starts: Record<string, number>
}

export interface HighlightHandlers {
  onSummary?: (summary: AnchorSummary) => void
  onClickThread?: (threadId: string) => void
}

interface Decoded {
  id: string
  start: Y.RelativePosition
  end: Y.RelativePosition
  quote: string
}

interface HighlightState {
  anchors: Decoded[]
  active: string | null
  ranges: Map<string, { from: number; to: number } | 'detached' | 'unknown'>
  decorations: DecorationSet
  /** Mapped through a local edit: recompute from Yjs once it has caught up. */
  mapped: boolean
}

interface Meta {
  anchors?: HighlightInput[]
  active?: string | null
  recompute?: true
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights')

function decorate(state: EditorState, ranges: HighlightState['ranges'], active: string | null): DecorationSet {
  const decorations: Decoration[] = []
  for (const [id, range] of ranges) {
    if (typeof range !== 'object') continue
    const classes = ['comment-highlight']
    if (id === active) classes.push('is-active')
    if (id === DRAFT_ID) classes.push('is-draft')
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: classes.join(' '), 'data-thread-id': id },
        { inclusiveStart: false, inclusiveEnd: false, threadId: id },
      ),
    )
  }
  return DecorationSet.create(state.doc, decorations)
}

function compute(state: EditorState, anchors: Decoded[], active: string | null, before?: EditorState): HighlightState {
  // The binding is one object for the editor's life; the old state has it if the new one is not built yet.
  const binding = syncBinding(state) ?? (before ? syncBinding(before) : null)
  const ranges: HighlightState['ranges'] = new Map()
  for (const a of anchors) {
    const range = binding ? resolveRange(binding, a.start, a.end, state.doc.content.size) : 'unknown'
    ranges.set(a.id, typeof range === 'object' ? onQuote(state.doc, range, a.quote) : range)
  }
  return { anchors, active, ranges, decorations: decorate(state, ranges, active), mapped: false }
}

/**
 * y-prosemirror turns a keystroke into a Yjs insert by diffing the paragraph's text, which places it
 * after the longest common prefix: typing "very " right before "young" stores the "y" of "very"
 * as the original "y" of "young" plus a new one, and the anchor, on the original, starts one character
 * early. When the range still holds its words whole within one paragraph, with extra characters around
 * them, the highlight keeps to the words.
 */
function onQuote(doc: PMNode, range: { from: number; to: number }, quote: string): { from: number; to: number } {
  if (!quote || quote.includes('…')) return range
  const $from = doc.resolve(range.from)
  if (!$from.parent.isTextblock || range.to > $from.end()) return range
  const text = doc.textBetween(range.from, range.to, '\n', '\ufffc').replace(/\s/g, ' ')
  if (text === quote || text.length === quote.length) return range
  const at = text.indexOf(quote)
  if (at < 0) return range
  return { from: range.from + at, to: range.from + at + quote.length }
}

function mapThrough(tr: Transaction, prev: HighlightState): HighlightState {
  const ranges: HighlightState['ranges'] = new Map()
  for (const [id, range] of prev.ranges) {
    if (typeof range !== 'object') {
      ranges.set(id, range)
      continue
    }
    const from = tr.mapping.map(range.from, 1)
    const to = tr.mapping.map(range.to, -1)
    ranges.set(id, from < to ? { from, to } : 'detached')
  }
  return { ...prev, ranges, decorations: prev.decorations.map(tr.mapping, tr.doc), mapped: true }
}

export function summarize(ranges: HighlightState['ranges']): AnchorSummary {
  const placed: [string, number][] = []
  const detached: string[] = []
  for (const [id, range] of ranges) {
    if (id === DRAFT_ID) continue
    if (range === 'detached') detached.push(id)
    else if (typeof range === 'object') placed.push([id, range.from])
  }
  placed.sort((a, b) => a[1] - b[1])
  return { order: placed.map(([id]) => id), detached, starts: Object.fromEntries(placed) }
}

const summaryKey = (s: AnchorSummary) => `${s.order.join(',')}|${s.detached.join(',')}`

function highlightPlugin(handlers: HighlightHandlers) {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => compute(state, [], null),
      apply(tr, prev, old, state) {
        const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined
        const fromYjs =
          (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true
        if (meta) {
          const anchors = meta.anchors
            ? meta.anchors.flatMap((a) => {
                const start = decodePosition(a.start)
                const end = decodePosition(a.end)
                return start && end ? [{ id: a.id, start, end, quote: a.quote }] : []
              })
            : prev.anchors
          return compute(state, anchors, meta.active === undefined ? prev.active : meta.active, old)
        }
        if (fromYjs) return compute(state, prev.anchors, prev.active, old)
        if (tr.docChanged) return mapThrough(tr, prev)
        return prev
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleDOMEvents: {
        click: (_view, event) => {
          const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null
          const id = target?.getAttribute('data-thread-id')
          if (id && id !== DRAFT_ID) handlers.onClickThread?.(id)
          return false
        },
      },
    },
    view(view: EditorView) {
      let reported = ''
      let timer: ReturnType<typeof setTimeout> | null = null
      const report = () => {
        const state = commentHighlightsKey.getState(view.state)
        if (!state) return
        const summary = summarize(state.ranges)
        const key = summaryKey(summary)
        if (key !== reported) {
          reported = key
          handlers.onSummary?.(summary)
        }
      }
      // The view can be made while React renders the editor's component (useEditor): the first report waits
      // for that render to end, as a state update of another component may not happen inside it.
      queueMicrotask(() => {
        if (!view.isDestroyed) report()
      })
      return {
        update() {
          const state = commentHighlightsKey.getState(view.state)
          report()
          if (state?.mapped && state.anchors.length > 0 && timer === null) {
            // Yjs has the local edit once this update is done; check the positions against it after a pause.
            timer = setTimeout(() => {
              timer = null
              if (!view.isDestroyed)
                view.dispatch(
                  view.state.tr
                    .setMeta(commentHighlightsKey, { recompute: true } satisfies Meta)
                    .setMeta('addToHistory', false),
                )
            }, 400)
          }
        },
        destroy() {
          if (timer !== null) clearTimeout(timer)
        },
      }
    },
  })
}

/** Set the anchors to highlight (all open text threads, and a draft's) and the focused thread. */
export function setHighlights(view: EditorView, anchors: HighlightInput[], active: string | null) {
  view.dispatch(
    view.state.tr.setMeta(commentHighlightsKey, { anchors, active } satisfies Meta).setMeta('addToHistory', false),
  )
}

export const CommentHighlights = Extension.create<{ handlers: HighlightHandlers }>({
  name: 'commentHighlights',
  addOptions: () => ({ handlers: {} }),
  addProseMirrorPlugins() {
    return [highlightPlugin(this.options.handlers)]
  },
})
