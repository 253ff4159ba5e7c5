import { type Editor, Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type { CreateSuggestionBody } from '../../shared/suggestions/schema'
import { createTextAnchor, decodePosition, resolvePosition, syncBinding } from '../comments/anchors'

/**
 * Suggesting mode (docs/suggestions.md): what the person types or deletes never changes the document.
 * Keystrokes build a local draft (shown like a suggestion), sent to the API once typing pauses; a
 * filter refuses every local change to the document while suggesting, whatever produced it. Pending
 * suggestions of everyone are drawn in place: insertions underlined, deletions struck through, in
 * their author's colour.
 */

/** A pending suggestion to draw. */
export interface ShownSuggestion {
  id: string
  start: string
  end: string
  inserted: string
  authorName: string
  color: string
  outdated: boolean
}

/** The range [from, to) of one paragraph to replace with `inserted`, before it is sent. */
interface Draft {
  from: number
  to: number
  inserted: string
}

interface SuggestState {
  suggesting: boolean
  draft: Draft | null
  shown: ShownSuggestion[]
  decorations: DecorationSet
}

interface Meta {
  suggesting?: boolean
  draft?: Draft | null
  shown?: ShownSuggestion[]
}

export interface SuggestingHandlers {
  /** A finished draft, as the API takes it. */
  onSuggest?: (body: CreateSuggestionBody) => void
  /** The author's own name and colour, for the draft. */
  me?: { name: string; color: string }
}

export const suggestingKey = new PluginKey<SuggestState>('suggesting')

/** How long after the last keystroke a draft is sent as a suggestion (rich text and fields alike). */
export const SUGGESTION_PAUSE_MS = 900

function insertionWidget(text: string, color: string, title: string, id: string | null) {
  return () => {
    const span = document.createElement('ins')
    span.className = id ? 'suggestion-insert' : 'suggestion-insert is-draft'
    // A suggested new paragraph shows as a pilcrow and a line break until it is accepted.
    span.textContent = text.replace(/\n/g, '¶\n')
    span.title = title
    span.style.setProperty('--suggestion-color', color)
    if (id) span.dataset.suggestionId = id
    return span
  }
}

function decorate(state: EditorState, shown: ShownSuggestion[], draft: Draft | null, me?: SuggestingHandlers['me']) {
  const binding = syncBinding(state)
  const decorations: Decoration[] = []
  const size = state.doc.content.size
  const add = (from: number, to: number, inserted: string, color: string, who: string, id: string | null) => {
    if (to > from)
      decorations.push(
        Decoration.inline(from, to, {
          class: id ? 'suggestion-delete' : 'suggestion-delete is-draft',
          style: `--suggestion-color: ${color}`,
          title: `${who} suggests deleting this`,
          ...(id ? { 'data-suggestion-id': id } : {}),
        }),
      )
    if (inserted)
      decorations.push(
        Decoration.widget(to, insertionWidget(inserted, color, `${who} suggests inserting this`, id), {
          side: -1,
          key: `${id ?? 'draft'}:${inserted}`,
        }),
      )
  }
  if (binding)
    for (const s of shown) {
      if (s.outdated) continue
      const start = decodePosition(s.start)
      const end = decodePosition(s.end)
      const from = start ? resolvePosition(binding, start) : 'unknown'
      const to = end ? resolvePosition(binding, end) : 'unknown'
      if (typeof from !== 'number' || typeof to !== 'number' || from > to || from < 0 || to > size) continue
      add(from, to, s.inserted, s.color, s.authorName, s.id)
    }
  if (draft) add(draft.from, draft.to, draft.inserted, me?.color ?? '#868e96', me?.name ?? 'You', null)
  return DecorationSet.create(state.doc, decorations)
}

function mapDraft(tr: Transaction, draft: Draft | null): Draft | null {
  if (!draft) return null
  if (draft.from === draft.to) {
    const at = tr.mapping.map(draft.from, -1)
    return { ...draft, from: at, to: at }
  }
  const from = tr.mapping.map(draft.from, 1)
  const to = tr.mapping.map(draft.to, -1)
  return to > from ? { ...draft, from, to } : null
}

/** The text of one paragraph in [from, to), as the server reads it from the Y.XmlText. */
const textOf = (doc: PMNode, from: number, to: number) => doc.textBetween(from, to, '', '\ufffc')

function suggestingPlugin(handlers: () => SuggestingHandlers) {
  const stateOf = (view: EditorView) => suggestingKey.getState(view.state)!

  const setDraft = (view: EditorView, draft: Draft | null, caret: number) => {
    const tr = view.state.tr.setMeta(suggestingKey, { draft } satisfies Meta).setMeta('addToHistory', false)
    tr.setSelection(TextSelection.create(tr.doc, caret))
    view.dispatch(tr)
  }

  /** Send the draft (if any) and forget it; its suggestion comes back through the list. */
  const flush = (view: EditorView) => {
    const { draft } = stateOf(view)
    if (!draft) return
    const anchor = createTextAnchor(view.state, draft.from, draft.to)
    const deleted = textOf(view.state.doc, draft.from, draft.to)
    view.dispatch(view.state.tr.setMeta(suggestingKey, { draft: null } satisfies Meta).setMeta('addToHistory', false))
    if (anchor && (deleted || draft.inserted))
      handlers().onSuggest?.({ start: anchor.start, end: anchor.end, deleted, inserted: draft.inserted })
  }

  /** Replace [from, to) with text, extending the draft when the caret is at its end. */
  const type = (view: EditorView, from: number, to: number, text: string) => {
    const { draft } = stateOf(view)
    const { doc } = view.state
    if (doc.resolve(from).parent !== doc.resolve(to).parent || !doc.resolve(from).parent.isTextblock) return
    if (draft && from === to && from === draft.to)
      return setDraft(view, { ...draft, inserted: draft.inserted + text }, from)
    flush(view)
    setDraft(view, { from, to, inserted: text }, to)
  }

  const remove = (view: EditorView, forward: boolean) => {
    const { draft } = stateOf(view)
    const { selection, doc } = view.state
    const $at = selection.$from
    if (!$at.parent.isTextblock) return
    if (!selection.empty) {
      if (selection.$from.parent !== selection.$to.parent) return
      flush(view)
      return setDraft(view, { from: selection.from, to: selection.to, inserted: '' }, selection.from)
    }
    const p = selection.from
    if (!forward && draft && p === draft.to && draft.inserted) {
      const inserted = draft.inserted.slice(0, -1)
      return setDraft(view, inserted || draft.to > draft.from ? { ...draft, inserted } : null, p)
    }
    if (!forward && draft && !draft.inserted && p === draft.from && p > $at.start())
      return setDraft(view, { ...draft, from: p - 1 }, p - 1)
    if (forward && draft && !draft.inserted && p === draft.to && p < $at.end())
      return setDraft(view, { ...draft, to: p + 1 }, p + 1)
    if (forward ? p >= $at.end() : p <= $at.start()) return
    flush(view)
    const range = forward ? { from: p, to: p + 1 } : { from: p - 1, to: p }
    if (!textOf(doc, range.from, range.to)) return
    setDraft(view, { ...range, inserted: '' }, forward ? range.to : range.from)
  }

  return new Plugin<SuggestState>({
    key: suggestingKey,
    state: {
      init: (_config, state) => ({
        suggesting: false,
        draft: null,
        shown: [],
        decorations: DecorationSet.create(state.doc, []),
      }),
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(suggestingKey) as Meta | undefined
        const fromYjs = tr.getMeta(ySyncPluginKey) !== undefined
        if (!meta && !tr.docChanged) return prev
        const next: SuggestState = {
          suggesting: meta?.suggesting ?? prev.suggesting,
          draft: meta && 'draft' in meta ? (meta.draft ?? null) : mapDraft(tr, prev.draft),
          shown: meta?.shown ?? prev.shown,
          decorations: prev.decorations,
        }
        if (!next.suggesting) next.draft = null
        // Yjs is ahead of a local edit until the view update: map through it, recompute on the next Yjs change.
        next.decorations =
          meta || fromYjs
            ? decorate(state, next.shown, next.draft, handlers().me)
            : prev.decorations.map(tr.mapping, tr.doc)
        return next
      },
    },
    // While suggesting, nothing local changes the document: only what arrives through Yjs.
    filterTransaction: (tr, state) =>
      !tr.docChanged || !suggestingKey.getState(state)?.suggesting || tr.getMeta(ySyncPluginKey) !== undefined,
    props: {
      decorations: (state) => suggestingKey.getState(state)?.decorations,
      handleTextInput(view, from, to, text) {
        if (!stateOf(view).suggesting) return false
        type(view, from, to, text)
        return true
      },
      handleKeyDown(view, event) {
        if (!stateOf(view).suggesting) return false
        if (event.key === 'Backspace' || event.key === 'Delete') {
          remove(view, event.key === 'Delete')
          return true
        }
        // Enter suggests a new paragraph: a newline in the draft, a paragraph once accepted.
        if (event.key === 'Enter') {
          const { from, to } = view.state.selection
          type(view, from, to, '\n')
          return true
        }
        return false
      },
      handlePaste(view, event) {
        if (!stateOf(view).suggesting) return false
        // Lines stay lines (paragraphs once accepted); blank lines and other runs of space collapse.
        const text =
          event.clipboardData
            ?.getData('text/plain')
            .replace(/\r\n?/g, '\n')
            .replace(/[^\S\n]+/g, ' ')
            .replace(/\n\s*\n/g, '\n')
            .replace(/^\n|\n$/g, '') ?? ''
        const { from, to } = view.state.selection
        if (text) type(view, from, to, text)
        return true
      },
      handleDrop: (view) => stateOf(view).suggesting,
      handleDOMEvents: {
        blur: (view) => {
          if (stateOf(view).suggesting) flush(view)
          return false
        },
      },
    },
    view() {
      let timer: ReturnType<typeof setTimeout> | null = null
      let last: Draft | null = null
      return {
        update(view) {
          const { draft } = stateOf(view)
          if (draft === last) return
          last = draft
          if (timer !== null) clearTimeout(timer)
          timer = draft
            ? setTimeout(() => {
                timer = null
                if (!view.isDestroyed) flush(view)
              }, SUGGESTION_PAUSE_MS)
            : null
        },
        destroy() {
          if (timer !== null) clearTimeout(timer)
        },
      }
    },
  })
}

/** Turn suggesting on or off (leaving the text to click the switch has sent any draft). */
export function setSuggesting(view: EditorView, suggesting: boolean) {
  view.dispatch(view.state.tr.setMeta(suggestingKey, { suggesting } satisfies Meta).setMeta('addToHistory', false))
}

/** The pending suggestions to draw. */
export function showSuggestions(view: EditorView, shown: ShownSuggestion[]) {
  view.dispatch(view.state.tr.setMeta(suggestingKey, { shown } satisfies Meta).setMeta('addToHistory', false))
}

interface SuggestingStorage {
  handlers: SuggestingHandlers
}

declare module '@tiptap/core' {
  interface Storage {
    suggesting: SuggestingStorage
  }
}

/** The handlers live in the editor's storage, read at each use, so the plugin sees the component's latest callbacks. */
export const Suggesting = Extension.create<object, SuggestingStorage>({
  name: 'suggesting',
  addStorage: () => ({ handlers: {} }),
  addProseMirrorPlugins() {
    const storage = this.storage
    return [suggestingPlugin(() => storage.handlers)]
  },
})

/** Hand the editor the component's latest callbacks (from an effect: never during render). */
export function setSuggestingHandlers(editor: Editor, handlers: SuggestingHandlers) {
  editor.storage.suggesting.handlers = handlers
}
