/**
 * Where to go after signing in. Only paths inside this app are followed, never another site
 * (`//evil.example` is a protocol-relative URL, so it is refused too).
 */
export function nextFromSearch(search: string): string {
  const next = new URLSearchParams(search).get('next')
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

/** A link to an auth page that comes back to `next` afterwards. */
export function authPath(page: '/signin' | '/signup', next: string): string {
  return next === '/' ? page : `${page}?next=${encodeURIComponent(next)}`
}
