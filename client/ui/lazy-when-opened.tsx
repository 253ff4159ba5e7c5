import { type ComponentType, lazy, Suspense, useState } from 'react'

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

/**
 * True from the first render where `wanted` is, and from then on: what was once shown stays mounted, so
 * it leaves with its transition and comes back at once.
 */
export function useWantedOnce(wanted: boolean): boolean {
  const [was, setWas] = useState(wanted)
  // Adjusting state while rendering, as React's docs show for a prop that changed: no extra effect pass.
  if (wanted && !was) setWas(true)
  return was || wanted
}

/**
 * A dialog whose code loads the first time it is opened, not with the page that can open it: most
 * visits never open a given dialog, so its form and its modal stay out of what the page downloads.
 */
export function lazyWhenOpened<P extends { opened: boolean }>(load: () => Promise<ComponentType<P>>) {
  const Dialog = lazyWhenShown(load)
  return function WhenOpened(props: P) {
    return useWantedOnce(props.opened) ? <Dialog {...props} /> : null
  }
}
