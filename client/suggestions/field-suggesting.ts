import { toBase64 } from 'lib0/buffer'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import { type TextDelta, diffText, mapIndex } from '../../shared/plan-model/text'
import { suggestableText } from '../../shared/plan-model/ydoc'
import type { SectionKind } from '../../shared/plans/catalog'
import type { CreateSuggestionBody } from '../../shared/suggestions/schema'
import { SUGGESTION_PAUSE_MS } from './suggesting'
import { useSuggestionsContext } from './SuggestionsProvider'

type FieldChange = Omit<CreateSuggestionBody, 'target'>

/**
 * A suggestion being typed in one field: the field's text when the person started, and everyone
 * else's changes since, so the change is placed in the text as it is when sent (as a field binding
 * places a composition, text-binding.ts).
 */
class FieldDraft {
  readonly base: string
  private readonly since: TextDelta[] = []

  constructor(private readonly text: Y.Text) {
    this.base = text.toJSON()
    text.observe(this.onChange)
  }

  private readonly onChange = (event: Y.YTextEvent) => {
    this.since.push(event.delta)
  }

  /** The suggestion that makes the field read `value` (the caret at `caret`); null when it changes nothing. */
  finish(value: string, caret: number | undefined): FieldChange | null {
    this.text.unobserve(this.onChange)
    const change = diffText(this.base, value, caret)
    if (!change) return null
    let from = change.index
    let to = change.index + change.remove
    for (const delta of this.since) {
      from = mapIndex(delta, from, -1)
      to = mapIndex(delta, to, -1)
    }
    to = Math.max(from, to)
    const deleted = this.text.toJSON().slice(from, to)
    if (!deleted && !change.insert) return null
    // As the rich text's anchors: the start sticks to the character after it, the end to the one before.
    const at = (index: number, assoc: number) =>
      toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(this.text, index, assoc)))
    return { start: at(from, 0), end: at(to, -1), deleted, inserted: change.insert }
  }
}

/**
 * Suggesting in a structured text field (docs/suggestions.md#structured-fields): while the section is
 * in Suggesting mode the field is not bound to its shared text; what the person types is a local
 * draft, sent as one suggestion on the field once typing pauses, on Enter or on leaving the field, and
 * the field shows the document's text again. Null when not suggesting: the field is bound as usual.
 * A top-level field nobody has written yet is anchored to the text it will have (`suggestableText`).
 */
export function useFieldSuggesting(
  doc: Y.Doc,
  kind: SectionKind,
  path: readonly string[],
  shown: string,
  fixed: boolean,
) {
  const context = useSuggestionsContext()
  const active = !fixed && !!context?.suggesting && !!context.list?.abilities.suggest
  const [value, setValue] = useState<string | null>(null)
  const draft = useRef<{ draft: FieldDraft; value: string; caret: number | undefined } | null>(null)
  const timer = useRef<number | undefined>(undefined)
  const latest = useRef({ path, suggest: context?.suggest })
  useLayoutEffect(() => {
    latest.current = { path, suggest: context?.suggest }
  })

  /** Send the draft, if any, as a suggestion. */
  const send = useCallback(() => {
    window.clearTimeout(timer.current)
    const current = draft.current
    draft.current = null
    const change = current?.draft.finish(current.value, current.caret)
    if (change) latest.current.suggest?.({ target: [...latest.current.path], ...change })
  }, [])
  const flush = () => {
    send()
    setValue(null)
  }

  // Leaving Suggesting mode, or the field, sends what was typed; the field shows the document again.
  const [wasActive, setWasActive] = useState(active)
  if (active !== wasActive) {
    setWasActive(active)
    setValue(null)
  }
  useEffect(() => {
    if (!active) send()
  }, [active, send])
  useEffect(() => send, [send])

  if (!active) return null
  const text = suggestableText(doc, kind, path)
  return {
    value: value ?? shown,
    readOnly: !text,
    // Drawn dashed while suggesting: what is typed here is not (yet) the document's.
    'data-suggesting': true,
    onChange(event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) {
      if (!text) return
      draft.current ??= { draft: new FieldDraft(text), value: shown, caret: undefined }
      draft.current.value = event.currentTarget.value
      draft.current.caret = event.currentTarget.selectionEnd ?? undefined
      setValue(event.currentTarget.value)
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(flush, SUGGESTION_PAUSE_MS)
    },
    onBlur: flush,
    onKeyDown(event: { key: string; currentTarget: HTMLElement }) {
      // Enter ends a one-line field's suggestion; in a text area it is a new line of it.
      if (event.key === 'Enter' && event.currentTarget instanceof HTMLInputElement) flush()
    },
  }
}
