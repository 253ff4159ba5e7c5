import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

/** How long after the last keystroke a change is written to the section. */
export const COMMIT_DELAY_MS = 350
/** How long after the last keystroke the field shows the document's value again, whoever wrote it. */
const QUIET_MS = 900

const same = (a: unknown, b: unknown) => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b)

/**
 * A field bound to a live document value. While the person types, the field shows their draft and
 * writes it after a short pause (and at once on blur); as soon as they stop typing it shows the
 * document's value again, so another person's edit appears in it — even while it has focus.
 * `commit` returns false when the value was refused; the field then shows the stored value again.
 */
export function useLiveValue<T>(value: T, commit: (next: T) => boolean | void) {
  const [draft, setDraft] = useState(value)
  const valueRef = useRef(value)
  const commitRef = useRef(commit)
  useLayoutEffect(() => {
    valueRef.current = value
    commitRef.current = commit
  })
  const pending = useRef<{ next: T } | null>(null)
  const typing = useRef(false)
  const commitTimer = useRef<number | undefined>(undefined)
  const quietTimer = useRef<number | undefined>(undefined)

  const flush = useCallback(() => {
    window.clearTimeout(commitTimer.current)
    const p = pending.current
    if (!p) return
    pending.current = null
    if (same(p.next, valueRef.current)) return
    if (commitRef.current(p.next) === false) setDraft(valueRef.current)
  }, [])

  // Someone else's change (or ours, come back from the document) shows when we are not typing.
  useEffect(() => {
    if (!typing.current && !pending.current) setDraft(value)
  }, [value])

  // Leaving the field (or the section) never drops what was typed.
  useEffect(
    () => () => {
      window.clearTimeout(quietTimer.current)
      flush()
    },
    [flush],
  )

  const change = useCallback(
    (next: T) => {
      setDraft(next)
      pending.current = { next }
      typing.current = true
      window.clearTimeout(commitTimer.current)
      commitTimer.current = window.setTimeout(flush, COMMIT_DELAY_MS)
      window.clearTimeout(quietTimer.current)
      quietTimer.current = window.setTimeout(() => {
        typing.current = false
        if (!pending.current) setDraft(valueRef.current)
      }, QUIET_MS)
    },
    [flush],
  )

  /** Write now (blur, Enter, an option picked). */
  const commitNow = useCallback(
    (next?: T) => {
      if (next !== undefined) {
        setDraft(next)
        pending.current = { next }
      }
      flush()
    },
    [flush],
  )

  const blur = useCallback(() => {
    const wrote = pending.current !== null
    flush()
    window.clearTimeout(quietTimer.current)
    typing.current = false
    // What was just written comes back through `value`; otherwise show what the document holds now.
    if (!wrote) setDraft(valueRef.current)
  }, [flush])

  return { draft, change, commitNow, blur }
}
