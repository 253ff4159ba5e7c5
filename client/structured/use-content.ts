import { useEffect, useMemo, useState } from 'react'
import * as Y from 'yjs'
import { readContent } from '../../shared/plan-model/read'
import type { AnyType } from '../../shared/plan-model/ydoc'
import type { SectionContent } from '../../shared/plan-model/schema'
import { BODY_FIELD } from '../../shared/editor/body-field'
import type { SectionKind } from '../../shared/plans/catalog'
import type { Plan, Section } from '../../shared/plans/schema'
import { announceDocChange } from '../health/pulse'
import { acquireRoom, releaseRoom } from '../sync/connections'
import type { Presence } from '../sync/section-connection'

/** Whether a transaction changed only the rich text (then the structured fields need no re-read). */
function onlyBody(doc: Y.Doc, transaction: Y.Transaction | undefined): boolean {
  if (!transaction) return false
  const body = doc.share.get(BODY_FIELD)
  if (!body) return false
  for (const type of transaction.changed.keys()) {
    let root: AnyType = type
    while (root._item) root = root._item.parent as AnyType
    if (root !== body) return false
  }
  return true
}

/** Whether a transaction only typed into shared text (fields bound to it show that themselves). */
const onlyTyping = (transaction: Y.Transaction | undefined) =>
  transaction !== undefined && [...transaction.changed.keys()].every((type) => type instanceof Y.Text)

/** How long after the last keystroke in a field what is read from the document catches up. */
const TYPING_READ_DELAY_MS = 120

/**
 * Calls `onChange` after every update of the document that may have touched its structured fields
 * (typing in the rich text does not), at most once per microtask. Typing in a text field calls it a
 * moment later instead, once per burst: the field shows the keystroke itself, and re-reading the whole
 * section on every keystroke would only compete with showing the next one (at the latest a second
 * into a long burst).
 */
export function watchFields(doc: Y.Doc, onChange: () => void): () => void {
  let scheduled = false
  let typingTimer: ReturnType<typeof setTimeout> | null = null
  let typingSince = 0
  const run = () => {
    scheduled = false
    if (typingTimer) clearTimeout(typingTimer)
    typingTimer = null
    typingSince = 0
    onChange()
  }
  const handler = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction?: Y.Transaction) => {
    if (scheduled || onlyBody(doc, transaction)) return
    if (onlyTyping(transaction)) {
      // After the burst (a pause), or at the latest a second into it.
      const now = Date.now()
      typingSince ||= now
      if (typingTimer) clearTimeout(typingTimer)
      typingTimer = setTimeout(run, Math.min(TYPING_READ_DELAY_MS, Math.max(0, typingSince + 1000 - now)))
      return
    }
    scheduled = true
    queueMicrotask(run)
  }
  doc.on('update', handler)
  return () => {
    doc.off('update', handler)
    if (typingTimer) clearTimeout(typingTimer)
  }
}

/** A section's structured content, read with the plan-model reader and read again on every change. */
export function useDocContent<K extends SectionKind>(doc: Y.Doc, kind: K): SectionContent<K> {
  const [state, setState] = useState(() => ({ doc, kind, content: readContent(doc, kind) }))
  useEffect(() => {
    const read = () => setState({ doc, kind, content: readContent(doc, kind) })
    read()
    return watchFields(doc, read)
  }, [doc, kind])
  // The first render after a switch of document reads at once rather than showing the old one.
  return state.doc === doc && state.kind === kind ? state.content : readContent(doc, kind)
}

export interface SectionWithContent<K extends SectionKind> {
  section: Section
  content: SectionContent<K>
}

/**
 * The live content of other sections of the plan (every department's objectives, Process & team):
 * their rooms are opened alongside the one on screen, kept while this is shown, and read the same way.
 * `ready` once each has what this device or the server knows of it (before that, empty is not news).
 */
export function useSectionsContent<K extends SectionKind>(
  plan: Plan,
  kind: K,
  me: Presence,
  enabled = true,
): { sections: SectionWithContent<K>[]; ready: boolean } {
  const sections = useMemo(
    () => (enabled ? plan.sections.filter((s) => s.kind === kind) : []),
    [plan.sections, kind, enabled],
  )
  const ids = sections.map((s) => s.id).join(' ')
  const [contents, setContents] = useState<Record<string, { content: SectionContent<K>; ready: boolean }>>({})

  useEffect(() => {
    const offs: (() => void)[] = []
    for (const section of sections) {
      const connection = acquireRoom(section.id, me, { offline: true })
      const { doc, provider, persistence } = connection
      const read = () =>
        setContents((all) => ({
          ...all,
          [section.id]: { content: readContent(doc, kind), ready: provider.synced || persistence?.synced === true },
        }))
      read()
      const off = watchFields(doc, () => {
        read()
        announceDocChange(plan.id)
      })
      provider.on('sync', read)
      persistence?.on('synced', read)
      offs.push(() => {
        off()
        provider.off('sync', read)
        persistence?.off('synced', read)
        releaseRoom(section.id)
      })
    }
    return () => offs.forEach((off) => off())
    // `ids` stands for `sections`: the same sections, even in a new array, keep their rooms.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, kind, me, plan.id])

  return useMemo(
    () => ({
      sections: sections.flatMap((section) => {
        const entry = contents[section.id]
        return entry ? [{ section, content: entry.content }] : []
      }),
      ready: sections.every((s) => contents[s.id]?.ready === true),
    }),
    [sections, contents],
  )
}
