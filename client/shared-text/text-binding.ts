import * as Y from 'yjs'
import { type TextDelta, applyTextChange, diffText, mapIndex } from '../../shared/plan-model/text'

export type TextElement = HTMLInputElement | HTMLTextAreaElement

export interface TextBindingOptions {
  /** The field's shared text as the document holds it now, or null when it has none yet. */
  resolve(): Y.Text | null
  /** Makes the shared text at the first keystroke; only for people who may edit (absent: nothing is written). */
  create?: () => Y.Text | null
  /** Every value the element is given, for a controlled input to render. */
  onValue?(value: string): void
}

/**
 * Binds an input or a text area to a Y.Text the way Tiptap binds its editor to a fragment:
 * - what the person types is written at once as the smallest change at the caret, so concurrent
 *   typing merges character by character;
 * - someone else's change is shown at once, and the person's caret and selection move with the text
 *   around them (transformed through the change) instead of jumping to the end;
 * - undo and redo (keys and the browser's Edit menu) undo only this person's own typing in this field;
 * - during IME composition nothing is written and nothing replaces the element's value; the composed
 *   text is written at `compositionend`, placed through whatever others typed meanwhile.
 * The binding is the origin of its transactions, so other code can tell its writes (suggestions may
 * watch them). One job: keep one element and one shared text in step.
 */
export class TextBinding {
  private text: Y.Text | null = null
  private undo: Y.UndoManager | null = null
  /** What the element shows, and the shared text held when it was last in step. */
  private shown: string
  private composing = false
  /** Others' changes that arrived during a composition, to place the composed text through. */
  private pending: TextDelta[] = []
  private readonly doc: Y.Doc
  /** The element as an event target (a union of element types has no single `addEventListener`). */
  private readonly events: HTMLElement

  constructor(
    private readonly el: TextElement,
    doc: Y.Doc,
    private readonly options: TextBindingOptions,
  ) {
    this.doc = doc
    this.events = el
    this.shown = el.value
    this.events.addEventListener('input', this.onInput)
    this.events.addEventListener('compositionstart', this.onCompositionStart)
    this.events.addEventListener('compositionend', this.onCompositionEnd)
    this.events.addEventListener('keydown', this.onKeyDown)
    this.events.addEventListener('beforeinput', this.onBeforeInput)
    // The field's text may come later (someone else typed first) or be replaced (an upgrade).
    doc.on('afterTransaction', this.onTransaction)
    this.attach(options.resolve())
  }

  /** Undo this person's last typing in this field; false when there is nothing to undo. */
  undoLast(): boolean {
    return this.undo?.undo() != null
  }

  redoLast(): boolean {
    return this.undo?.redo() != null
  }

  destroy() {
    this.events.removeEventListener('input', this.onInput)
    this.events.removeEventListener('compositionstart', this.onCompositionStart)
    this.events.removeEventListener('compositionend', this.onCompositionEnd)
    this.events.removeEventListener('keydown', this.onKeyDown)
    this.events.removeEventListener('beforeinput', this.onBeforeInput)
    this.doc.off('afterTransaction', this.onTransaction)
    this.attach(null)
  }

  /** Follow `text` from now on; `show` puts its characters in the element (not for one made for a keystroke). */
  private attach(text: Y.Text | null, show = true) {
    if (text === this.text) return
    this.text?.unobserve(this.onTextChange)
    this.undo?.destroy()
    this.text = text
    this.undo = null
    if (!text) return
    text.observe(this.onTextChange)
    this.undo = new Y.UndoManager(text, { trackedOrigins: new Set([this]), captureTimeout: 500 })
    if (show && !this.composing) this.show(text.toJSON(), null)
  }

  private readonly onTransaction = () => {
    // A field keeps its text until that is deleted (replaced, its item moved or removed): only then,
    // or while it has none, is it looked up again.
    if (this.text && !this.text._item?.deleted) return
    const next = this.options.resolve()
    if (next !== this.text) this.attach(next)
  }

  /** The element shows `value`; its selection is moved by `place` (when it has the focus). */
  private show(value: string, place: ((index: number, end: boolean) => number) | null) {
    const el = this.el
    if (value !== el.value) {
      const focused = el.ownerDocument.activeElement === el
      const start = el.selectionStart ?? 0
      const end = el.selectionEnd ?? 0
      const direction = el.selectionDirection ?? 'none'
      el.value = value
      if (focused && place) {
        const from = place(start, false)
        el.setSelectionRange(from, Math.max(from, place(end, start !== end)), direction)
      }
    }
    this.shown = value
    this.options.onValue?.(value)
  }

  private readonly onTextChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === this) return
    const delta = event.delta as TextDelta
    if (this.composing) {
      this.pending.push(delta)
      return
    }
    const value = this.text!.toJSON()
    if (transaction.origin === this.undo) {
      // Undo puts the caret where the undone change was, as text editors do.
      const at = changedAt(delta)
      this.show(value, () => at)
    } else this.show(value, (index, end) => mapIndex(delta, index, end ? 1 : -1))
  }

  private readonly onInput = (event: Event) => {
    if (this.composing || (event as InputEvent).isComposing) {
      this.options.onValue?.(this.el.value)
      return
    }
    this.write(this.el.value, [])
  }

  private readonly onCompositionStart = () => {
    this.composing = true
    this.pending = []
  }

  private readonly onCompositionEnd = () => {
    this.composing = false
    const pending = this.pending
    this.pending = []
    this.write(this.el.value, pending)
    // What others typed meanwhile shows now, around the composed text.
    if (this.text && this.text.toJSON() !== this.el.value) {
      this.show(this.text.toJSON(), (index, end) =>
        pending.reduce((i, delta) => mapIndex(delta, i, end ? 1 : -1), index),
      )
    }
  }

  /** Write what the element now holds as one change against what it showed, placed through `through`. */
  private write(value: string, through: readonly TextDelta[]) {
    const change = diffText(this.shown, value, this.el.selectionEnd ?? undefined)
    this.shown = value
    if (!change) return
    const text = this.text ?? this.create()
    if (!text) {
      // Nobody may write here: the element goes back to what the document holds.
      this.show(this.options.resolve()?.toJSON() ?? '', null)
      return
    }
    let from = change.index
    let to = change.index + change.remove
    for (const delta of through) {
      from = mapIndex(delta, from, -1)
      to = mapIndex(delta, to, -1)
    }
    this.doc.transact(
      () => applyTextChange(text, { index: from, remove: Math.max(0, to - from), insert: change.insert }),
      this,
    )
    this.options.onValue?.(value)
  }

  private create(): Y.Text | null {
    if (!this.options.create) return null
    this.attach(this.options.create(), false)
    return this.text
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return
    const key = event.key.toLowerCase()
    const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)
    if (key !== 'z' && !redo) return
    // The browser's own undo knows nothing of the shared text: ours or none.
    event.preventDefault()
    if (redo) this.redoLast()
    else this.undoLast()
  }

  private readonly onBeforeInput = (event: InputEvent) => {
    if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return
    event.preventDefault()
    if (event.inputType === 'historyRedo') this.redoLast()
    else this.undoLast()
  }
}

/** Where a change ends: after its last insertion, or where its last deletion was. */
function changedAt(delta: TextDelta): number {
  let at = 0
  let last = 0
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain
    else if (op.insert !== undefined) {
      at += typeof op.insert === 'string' ? op.insert.length : 1
      last = at
    } else if (op.delete !== undefined) last = at
  }
  return last
}
