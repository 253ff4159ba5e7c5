import { type LinkProps, Link as WouterLink } from 'wouter'
import { usePathname, useSearch } from 'wouter/use-browser-location'

/**
 * wouter's Link, except that following a link to the address already open replaces that history entry
 * instead of adding a copy of it (as react-router's did), so Back still leaves the page in one step.
 */
export function Link(props: LinkProps) {
  const here = usePathname() + useSearch()
  return <WouterLink {...props} replace={props.replace ?? (props.to ?? props.href) === here} />
}
