import type { MouseEvent } from 'react'

/**
 * The plan page's first focusable element: keyboard users reach the section they are writing in one
 * key press instead of tabbing through the header, the sidebar and the section list. Hidden until
 * focused (global.css); it moves focus to the open section's text, or to the section when that
 * cannot be edited.
 */
export function SkipToEditor() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const pane = document.querySelector<HTMLElement>('[data-section-pane]')
    if (!pane) return
    event.preventDefault()
    const text = pane.querySelector<HTMLElement>('.planroom-prose[contenteditable="true"]')
    ;(text ?? pane).focus()
  }
  return (
    <a href="#main" className="planroom-skip-link" onClick={skip}>
      Skip to the editor
    </a>
  )
}
