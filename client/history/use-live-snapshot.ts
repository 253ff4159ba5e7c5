import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { snapshotContent } from '../../shared/history/content'
import type { SectionSnapshotContent } from '../../shared/history/schema'
import type { SectionKind } from '../../shared/plans/catalog'

/** How long typing is gathered before the comparison with a version is read again. */
const REREAD_MS = 250

/** The open section as history compares it, read again as people type (while `enabled`). */
export function useLiveSnapshot(doc: Y.Doc, kind: SectionKind, enabled: boolean): SectionSnapshotContent {
  const [content, setContent] = useState(() => snapshotContent(doc, kind))
  useEffect(() => {
    if (!enabled) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const read = () => setContent(snapshotContent(doc, kind))
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = undefined
        read()
      }, REREAD_MS)
    }
    read()
    doc.on('update', onUpdate)
    return () => {
      doc.off('update', onUpdate)
      clearTimeout(timer)
    }
  }, [doc, kind, enabled])
  return content
}
