import { NumberInput, type NumberInputProps, TextInput, type TextInputProps } from '@mantine/core'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { SectionKind } from '../../shared/plans/catalog'
import { readContent } from '../../shared/plan-model/read'
import type { SectionContent } from '../../shared/plan-model/schema'

/** A section's structured content, read again on every change of its document (local or remote). */
export function useDocContent<K extends SectionKind>(doc: Y.Doc, kind: K): SectionContent<K> {
  const [content, setContent] = useState(() => readContent(doc, kind))
  useEffect(() => {
    const read = () => setContent(readContent(doc, kind))
    read()
    doc.on('update', read)
    return () => doc.off('update', read)
  }, [doc, kind])
  return content
}

/**
 * A text field written into the document as the person types (everyone sees it live), that shows
 * the person's own draft while it has the focus, so a remote change never moves their caret.
 */
export function LiveTextInput({
  value,
  onCommit,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <TextInput
      {...rest}
      value={draft ?? value}
      onFocus={() => setDraft(value)}
      onBlur={() => setDraft(null)}
      onChange={(e) => {
        setDraft(e.currentTarget.value)
        onCommit(e.currentTarget.value)
      }}
    />
  )
}

/** A number field (empty means "not set") with the same live behaviour. */
export function LiveNumberInput({
  value,
  onCommit,
  ...rest
}: Omit<NumberInputProps, 'value' | 'onChange'> & { value: number | null; onCommit: (value: number | null) => void }) {
  const [draft, setDraft] = useState<string | number | null>(null)
  return (
    <NumberInput
      {...rest}
      value={draft ?? value ?? ''}
      onFocus={() => setDraft(value ?? '')}
      onBlur={() => setDraft(null)}
      onChange={(v) => {
        setDraft(v)
        if (v === '') onCommit(null)
        else if (typeof v === 'number' && Number.isFinite(v)) onCommit(v)
      }}
    />
  )
}
