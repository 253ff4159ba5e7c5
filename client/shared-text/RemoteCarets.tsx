import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { textAt } from '../../shared/plan-model/ydoc'
import { caretCoordinates } from './caret-position'
import { useFieldPeers } from './field-presence'
import type { TextElement } from './text-binding'

interface Caret {
  clientId: number
  name: string
  color: string
  top: number
  left: number
  height: number
}

/**
 * The others' carets in a text field, drawn over it in their colour with their name, where their
 * position in the shared text falls now (it moves with what anyone types). Placed inside the field's
 * frame (position: relative), measured against the element.
 */
export function RemoteCarets({
  doc,
  path,
  element,
}: {
  doc: Y.Doc
  path: readonly string[]
  element: TextElement | null
}) {
  const peers = useFieldPeers(path.join('.'))
  const [carets, setCarets] = useState<Caret[]>([])
  const key = path.join('.')

  const shown = element !== null && peers.some((p) => p.caret)

  useEffect(() => {
    if (!element || !shown) return
    const frame = element.closest('.structured-field') ?? element.parentElement
    const place = () => {
      const text = textAt(doc, key.split('.'))
      if (!text || !frame) return setCarets([])
      const box = element.getBoundingClientRect()
      const origin = frame.getBoundingClientRect()
      const out: Caret[] = []
      for (const peer of peers) {
        if (!peer.caret) continue
        const at = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(peer.caret), doc)
        if (!at || at.type !== text) continue
        const c = caretCoordinates(element, Math.min(at.index, element.value.length))
        // Only where it can be seen: inside the element's box.
        if (c.top < 0 || c.top > box.height - 4 || c.left < 0 || c.left > box.width) continue
        out.push({
          ...peer,
          top: box.top - origin.top + c.top,
          left: box.left - origin.left + c.left,
          height: c.height,
        })
      }
      setCarets(out)
    }
    // Measured once per frame at most, after the text itself is shown: typing anywhere in the section
    // can move them, and so can scrolling or resizing the field.
    let pending = 0
    const schedule = () => {
      if (pending === 0) pending = requestAnimationFrame(() => ((pending = 0), place()))
    }
    schedule()
    doc.on('afterTransaction', schedule)
    element.addEventListener('scroll', schedule)
    const resize = new ResizeObserver(schedule)
    resize.observe(element)
    return () => {
      cancelAnimationFrame(pending)
      doc.off('afterTransaction', schedule)
      element.removeEventListener('scroll', schedule)
      resize.disconnect()
    }
  }, [doc, key, element, peers, shown])

  if (!shown) return null
  return (
    <>
      {carets.map((c) => (
        <span
          key={c.clientId}
          className="field-caret"
          data-testid="field-caret"
          aria-hidden
          style={{ top: c.top, left: c.left, height: c.height, borderColor: c.color }}
        >
          <span className="field-caret__name" style={{ background: c.color }}>
            {c.name}
          </span>
        </span>
      ))}
    </>
  )
}
