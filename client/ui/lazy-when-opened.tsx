import { type ComponentType, lazy, Suspense, useState } from 'react'

/**
 * A dialog whose code loads the first time it is opened, not with the page that can open it: most
 * visits never open a given dialog, so its form and its modal stay out of what the page downloads.
 * Mounted from then on, so it closes with its transition and opens again at once.
 */
export function lazyWhenOpened<P extends { opened: boolean }>(load: () => Promise<ComponentType<P>>) {
  const Dialog = lazy(async () => ({ default: await load() }))
  return function WhenOpened(props: P) {
    const [wanted, setWanted] = useState(props.opened)
    // Adjusting state while rendering, as React's docs show for a prop that changed: no extra effect pass.
    if (props.opened && !wanted) setWanted(true)
    if (!wanted) return null
    return (
      <Suspense fallback={null}>
        <Dialog {...props} />
      </Suspense>
    )
  }
}

/**
 * A part shown only on demand (a comment box, a toast) whose code loads the first time it is rendered;
 * nothing shows in its place until then, a moment on a page already open.
 */
export function lazyWhenShown<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Part = lazy(async () => ({ default: await load() }))
  return function WhenShown(props: P) {
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    )
  }
}
