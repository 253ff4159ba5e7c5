import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import { textAt } from '../../shared/plan-model/ydoc'
import { useFieldPresence } from './field-presence'
import { TextBinding, type TextElement } from './text-binding'

export interface SharedTextOptions {
  doc: Y.Doc
  /** The field's path in the section's `fields` (['audience'], ['kpis', id, 'metric']). */
  path: readonly string[]
  /** What the field reads as while it holds no shared text (a plain string from before, or nothing). */
  fallback: string
  /** Makes the field's shared text at the first keystroke; absent for people who may only read. */
  create?: () => Y.Text | null
  /** False: show `fallback` and bind nothing (a value that comes from elsewhere). */
  bound?: boolean
}

/**
 * A controlled input or text area bound to a field's Y.Text (text-binding.ts): pass `ref`, `value`
 * and `onChange` to the Mantine input. The binding writes and shows changes itself; React is only
 * told the value, so it renders what the element already holds.
 */
export function useSharedText({ doc, path, fallback, create, bound = true }: SharedTextOptions) {
  const [value, setValue] = useState(() => textAt(doc, path)?.toJSON() ?? fallback)
  const [element, setElement] = useState<TextElement | null>(null)
  const key = path.join('.')
  const pathRef = useRef(path)
  const createRef = useRef(create)
  useLayoutEffect(() => {
    pathRef.current = path
    createRef.current = create
  })
  const editable = create !== undefined

  useEffect(() => {
    if (!element || !bound) return
    const binding = new TextBinding(element, doc, {
      resolve: () => textAt(doc, pathRef.current),
      create: editable ? () => createRef.current?.() ?? null : undefined,
      onValue: setValue,
    })
    return () => binding.destroy()
  }, [element, doc, key, editable, bound])

  // Where this person's caret is, for the others in the field (as a position in the text, which
  // moves with what anyone types before it).
  const presence = useFieldPresence()
  useEffect(() => {
    if (!element || !presence) return
    const publish = () => {
      const text = textAt(doc, pathRef.current)
      if (!text || element.ownerDocument.activeElement !== element) return
      const index = element.selectionDirection === 'backward' ? element.selectionStart : element.selectionEnd
      presence.caret(Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index ?? 0)))
    }
    const events = ['select', 'keyup', 'mouseup', 'input', 'focus'] as const
    for (const e of events) element.addEventListener(e, publish)
    return () => {
      for (const e of events) element.removeEventListener(e, publish)
    }
  }, [element, doc, presence])

  // Without shared text the field shows what the reader read (a string from before), as it changes.
  useEffect(() => {
    if (!textAt(doc, pathRef.current)) setValue(fallback)
  }, [doc, fallback])

  return {
    ref: setElement,
    /** The bound element (to draw the others' carets over it). */
    element,
    value: bound ? value : fallback,
    onChange: (event: { currentTarget: { value: string } }) => setValue(event.currentTarget.value),
  }
}
