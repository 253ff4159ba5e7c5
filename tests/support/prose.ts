import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** `expect.poll` with the patience a browser test needs on a loaded 2-core machine. */
export const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 })

/** The section's rich-text editor. */
export const proseEditor = (page: Page) => page.locator('.planroom-prose')

/**
 * The section's own text as people read it: without other people's caret labels and without suggested
 * insertions, both of which are decorations drawn over the document, not part of it.
 */
export const proseText = (page: Page) =>
  proseEditor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret, .suggestion-insert').forEach((c) => c.remove())
    return copy.innerText
  })
