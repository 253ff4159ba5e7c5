import type { MouseEvent } from 'react'

/**
 * The plan page's first focusable element: keyboard users reach the section they are writing in one
 * key press instead of tabbing through the header, the sidebar and the section list. Hidden until
 * focused (global.css); it moves focus to the open section's first field or text, or to the section
 * itself when nothing in it can be edited.
 */
const EDITABLE = 'textarea:not([disabled]), input[type="text"]:not([disabled]), [contenteditable="true"]'

export function SkipToEditor() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const pane = document.querySelector<HTMLElement>('[data-section-pane]')
    if (!pane) return
    event.preventDefault()
    const field = pane.querySelector<HTMLElement>(EDITABLE)
    ;(field ?? pane).focus()
  }
  return (
    <a href="#main" className="planroom-skip-link" onClick={skip}>
      Skip to the editor
    </a>
  )
}
