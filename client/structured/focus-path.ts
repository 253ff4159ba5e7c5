import { pathKey } from './env'

const FOCUSABLE = 'input:not([type=hidden]), textarea, button, [role=slider], [contenteditable=true], [tabindex]'

/** The element for a finding's path, or the nearest place that exists (its item, then its list). */
function find(root: ParentNode, path: readonly string[], exact: boolean): HTMLElement | null {
  for (let n = path.length; n > 0; n--) {
    const el = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(path.slice(0, n)))}"]`)
    if (el) return el
    if (exact) return null
  }
  return null
}

function flash(el: HTMLElement) {
  const target = el.closest<HTMLElement>('.mantine-InputWrapper-root, .structured-card, .structured-list') ?? el
  target.classList.remove('structured-flash')
  void target.offsetWidth // restart the animation
  target.classList.add('structured-flash')
  window.setTimeout(() => target.classList.remove('structured-flash'), 2100)
}

function show(el: HTMLElement, focus = true) {
  el.scrollIntoView({ block: 'center', behavior: 'smooth' })
  if (focus) {
    // A list (no KPIs, no crisis manual) offers its "Add …" button; a field or an item, its first input.
    const key = el.dataset.path
    const add =
      key && el.classList.contains('structured-list')
        ? el.querySelector<HTMLElement>(`[data-path="${CSS.escape(`${key}.+`)}"]`)
        : null
    const target = add ?? (el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE))
    target?.focus({ preventScroll: true })
  }
  flash(el)
}

/** Where to go when the finding names no field: the section as a whole (focused when it is a text to write). */
export interface Fallback {
  el: HTMLElement
  focus: boolean
}

/**
 * Scrolls to and focuses the field a health finding names (`data-path` = its path joined by dots),
 * once the section's form is on screen. Waits for the exact field a moment (the section may still be
 * loading), then settles for the nearest part that exists. `fallback` picks the element when the path
 * is empty (a finding about the whole section). Returns a function that stops waiting.
 */
export function focusPath(
  sectionId: string,
  path: readonly string[],
  fallback: () => Fallback | null,
  timeoutMs = 6000,
): () => void {
  const started = Date.now()
  let timer = 0
  const attempt = () => {
    const waited = Date.now() - started
    // Only in that section's form: two network sections name their fields alike.
    const form = document.querySelector<HTMLElement>(
      `[data-testid="structured-content"][data-section-id="${CSS.escape(sectionId)}"]`,
    )
    if (path.length === 0) {
      const place = fallback()
      if (place) return show(place.el, place.focus)
    } else {
      const el = form && find(form, path, waited < 2500)
      if (el) return show(el)
    }
    if (waited < timeoutMs) timer = window.setTimeout(attempt, 100)
  }
  timer = window.setTimeout(attempt, 50)
  return () => window.clearTimeout(timer)
}
